import { BIT_KEYS } from '../../contracts/customers.ts';
import type { CustomersTable } from '../../db/schema.ts';
import { normalizeText, phoneDigits } from '../../shared/text.ts';

type NameFields = Pick<CustomersTable, 'kind' | 'first_name' | 'last_name'> & { name?: string | null | undefined };

/** What a customer is called: "First Last" for a person (or the given name), the name of an organisation. */
export function displayNameOf(fields: NameFields): string | null {
  if (fields.kind === 'person') {
    const full = [fields.first_name, fields.last_name].filter(Boolean).join(' ').trim();
    return full || fields.name?.trim() || null;
  }
  return fields.name?.trim() || null;
}

export interface SearchSources {
  displayName: string;
  contacts: { kind: 'email' | 'phone'; value: string }[];
  organisationNames: string[];
  notes: string | null;
  noteBodies: string[];
}

/** The normalised text a search runs over; phone numbers also as bare digits. */
export function searchTextOf(s: SearchSources): string {
  const parts = [
    s.displayName,
    ...s.contacts.map((c) => (c.kind === 'phone' ? `${c.value} ${phoneDigits(c.value)}` : c.value)),
    ...s.organisationNames,
    s.notes ?? '',
    ...s.noteBodies,
  ];
  // Bounded, so one very long note cannot make every search slow.
  return normalizeText(parts.filter(Boolean).join(' | ')).slice(0, 4000);
}

export interface CompletenessInput {
  row: Pick<CustomersTable, 'kind' | 'display_name' | 'website' | 'address_line1' | 'city' | 'birthday' | 'consent_given' | 'preferred_language' | 'customer_since'>;
  hasEmail: boolean;
  hasPhone: boolean;
  knownBits: ReadonlySet<string>;
}

/** Which key facts are known about a customer, as a 0–100 score and the list still missing. */
export function completenessOf(input: CompletenessInput): { score: number; known: string[]; missing: string[] } {
  const { row } = input;
  const checks: [string, boolean][] = [
    ['name', Boolean(row.display_name)],
    ['email', input.hasEmail],
    ['phone', input.hasPhone],
    ['address', Boolean(row.address_line1 || row.city)],
  ];
  if (row.kind === 'person') {
    checks.push(['birthday', row.birthday !== null], ['consent', row.consent_given !== null], ['language', row.preferred_language !== null]);
  } else {
    checks.push(['website', Boolean(row.website)]);
  }
  checks.push(['customer_since', row.customer_since !== null]);
  for (const bit of BIT_KEYS) checks.push([`bit.${bit}`, input.knownBits.has(bit)]);
  const known = checks.filter(([, ok]) => ok).map(([code]) => code);
  const missing = checks.filter(([, ok]) => !ok).map(([code]) => code);
  return { score: Math.round((100 * known.length) / checks.length), known, missing };
}

/** How many checks the score of a kind counts (its fields and the seven bits). */
export function completenessChecks(kind: CustomersTable['kind']): number {
  const none = { kind, display_name: '', website: null, address_line1: null, city: null, birthday: null, consent_given: null, preferred_language: null, customer_since: null };
  const { known, missing } = completenessOf({ row: none, hasEmail: false, hasPhone: false, knownBits: new Set() });
  return known.length + missing.length;
}

/**
 * The stored score counts none of the customer-value bits: they change with every recompute,
 * not with the customer's own writes. Lists, filters, sorts and the profile add them (value and
 * tier once the customer has metrics, risk with a lapse state) to the facts the stored score
 * counted, recovered exactly from it (a score is 100 · known / checks, rounded).
 */
export function withValueBits(stored: number, kind: CustomersTable['kind'], valueBits: number): number {
  if (valueBits === 0) return stored;
  const checks = completenessChecks(kind);
  return Math.round((100 * (Math.round((stored * checks) / 100) + valueBits)) / checks);
}

/** What would fill in each of the seven bits, until the feature that owns it lands. */
export const BIT_ACTIONS: Record<(typeof BIT_KEYS)[number], string> = {
  value: 'import_sales',
  tier: 'import_sales',
  reasons: 'ask_reasons',
  source: 'record_source',
  referrals: 'record_referrals',
  thanks: 'log_thanks',
  risk: 'import_sales',
};

export interface FieldChange {
  field: string;
  oldValue: string | null;
  newValue: string | null;
}

/** Field-by-field differences between two flat snapshots, for the history. */
export function diffSnapshots(before: Record<string, string | null>, after: Record<string, string | null>): FieldChange[] {
  const fields = new Set([...Object.keys(before), ...Object.keys(after)]);
  const changes: FieldChange[] = [];
  for (const field of fields) {
    const oldValue = before[field] ?? null;
    const newValue = after[field] ?? null;
    if (oldValue !== newValue) changes.push({ field, oldValue, newValue });
  }
  return changes;
}
