import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { contactMatchKey, normalizeText } from '../../shared/text.ts';
import { createCustomerMatchingRepository } from '../customers/customer-matching.repository.ts';
import { referralCodeKey } from '../referrals/referrals.usecases.ts';
import { createReferralsRepository } from '../referrals/referrals.repository.ts';
import { createImportAcquisitionRepository } from './acquisition.repository.ts';

/** A dry run's own customers, by their keys (`email:…`, `phone:…`, `id:…`) and normalised names. */
export interface OwnCustomers {
  keys: Map<string, string>;
  names: Map<string, string[]>;
  displayNames: Map<string, string>;
}

export type ReferrerMatch = { kind: 'one'; id: string } | { kind: 'ambiguous'; candidates: { id: string; label: string }[] };

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
const PHONE = /^\+?[\d\s().-]+$/;

/**
 * The customer each "referred by" value names: by email, then phone, then external id, then
 * referral code, then exact name (normalised). A name several customers have is ambiguous —
 * listed with them, never one picked; a value that matches nothing is absent from the answer.
 */
export async function findReferrers(db: Kysely<DB>, workspaceId: string, values: string[], own: OwnCustomers | null): Promise<Map<string, ReferrerMatch>> {
  const matching = createCustomerMatchingRepository(db);
  const emailKeys = values.filter((v) => EMAIL.test(v)).map((v) => contactMatchKey('email', v));
  const phoneKeys = values.filter(isPhone).map((v) => contactMatchKey('phone', v));
  const emails = first((await matching.byContactKeys(workspaceId, 'email', [...new Set(emailKeys)])).map((r) => ({ key: r.match_key, id: r.customer_id })));
  const phones = first((await matching.byContactKeys(workspaceId, 'phone', [...new Set(phoneKeys)])).map((r) => ({ key: r.match_key, id: r.customer_id })));
  const ids = first((await matching.byExternalIds(workspaceId, values)).map((r) => ({ key: r.external_id, id: r.id })));
  const codes = first((await createReferralsRepository(db).byReferralCodes(workspaceId, [...new Set(values.map(referralCodeKey))])).map((r) => ({ key: r.referral_code, id: r.id })));
  const names = new Map<string, { id: string; label: string }[]>();
  for (const r of await createImportAcquisitionRepository(db).liveByNames(workspaceId, [...new Set(values.map((v) => normalizeText(v)))])) {
    names.set(r.sort_name, [...(names.get(r.sort_name) ?? []), { id: r.id, label: r.display_name }]);
  }
  const out = new Map<string, ReferrerMatch>();
  for (const v of values) {
    const emailKey = EMAIL.test(v) ? contactMatchKey('email', v) : null;
    const phoneKey = isPhone(v) ? contactMatchKey('phone', v) : null;
    const id = (emailKey && (emails.get(emailKey) ?? own?.keys.get(`email:${emailKey}`)))
      || (phoneKey && (phones.get(phoneKey) ?? own?.keys.get(`phone:${phoneKey}`)))
      || (ids.get(v) ?? own?.keys.get(`id:${v}`))
      || codes.get(referralCodeKey(v));
    if (id) {
      out.set(v, { kind: 'one', id });
      continue;
    }
    const key = normalizeText(v);
    const stored = names.get(key) ?? [];
    const candidates = [...stored, ...(own?.names.get(key) ?? []).filter((x) => !stored.some((s) => s.id === x)).map((x) => ({ id: x, label: own!.displayNames.get(x) ?? v }))];
    if (candidates.length === 1) out.set(v, { kind: 'one', id: candidates[0]!.id });
    else if (candidates.length > 1) out.set(v, { kind: 'ambiguous', candidates });
  }
  return out;
}

/** The first customer of each key (the repositories list the first made first). */
function first(rows: { key: string; id: string }[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const r of rows) if (!out.has(r.key)) out.set(r.key, r.id);
  return out;
}

function isPhone(value: string): boolean {
  return PHONE.test(value) && value.replace(/\D/g, '').length >= 7;
}
