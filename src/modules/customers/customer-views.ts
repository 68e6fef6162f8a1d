import type { Kysely } from 'kysely';
import { createSourcesRepository } from '../sources/sources.repository.ts';
import type { Attribute } from '../../contracts/attributes.ts';
import { tagColor } from '../tags/tag-color.ts';
import { BIT_KEYS, type CustomerProfile, type CustomerSummary } from '../../contracts/customers.ts';
import { localeSchema } from '../../contracts/common.ts';
import { parseJsonColumn } from '../../db/dialect.ts';
import type { DB } from '../../db/schema.ts';
import { createAttributesRepository } from '../attributes/attributes.repository.ts';
import { toAttribute } from '../attributes/attributes.usecases.ts';
import { BIT_ACTIONS, completenessOf, withValueBits } from './customer-derived.ts';
import { createThanksRepository } from '../thanks/thanks.repository.ts';
import { createFollowUpsRepository } from '../followups/followups.repository.ts';
import { toFollowUp } from '../followups/follow-up-view.ts';
import { dayIn } from '../../shared/days.ts';
import { createReasonsRepository } from '../reasons/reasons.repository.ts';
import { ownKnownBits, valuesByKey, type CustomerState } from './customer-state.ts';
import { createCustomerListRepository, type SummaryRow } from './customer-list.repository.ts';
import { createCustomersRepository, type CustomerRow } from './customers.repository.ts';
import { createWorkspacesRepository } from '../workspaces/workspaces.repository.ts';

/** List rows for customers already loaded (profile, duplicates): one query for their content. */
export async function summarize(db: Kysely<DB>, workspaceId: string, rows: CustomerRow[], knownDefinitions?: Attribute[]): Promise<CustomerSummary[]> {
  if (rows.length === 0) return [];
  const definitions = knownDefinitions ?? (await createAttributesRepository(db).listDefinitions(workspaceId)).map(toAttribute);
  const byId = new Map((await createCustomerListRepository(db).summaryRows(workspaceId, rows.map((r) => r.id))).map((r) => [r.id, r]));
  return rows.map((row) => toSummary(byId.get(row.id)!, definitions));
}

/** A list row from a customer and its summary columns (see customer-list.repository.ts). */
export function toSummary(row: SummaryRow, definitions: Attribute[]): CustomerSummary {
  const tags = parseJsonColumn<{ id: string; name: string; color: string }[]>(row.tag_list) ?? [];
  const values = parseJsonColumn<{ attribute_id: string; value_text: string | null; value_number: number | null; value_date: string | null }[]>(row.attribute_list) ?? [];
  const value = valueOf(row.metrics);
  // One object literal: spreading a helper's object and adding to it made V8 build each row
  // the slow way (about 15 µs a row, most of a page's JavaScript time).
  return {
    id: row.id,
    kind: row.kind,
    displayName: row.display_name,
    city: row.city,
    country: row.country,
    completeness: withValueBits(row.completeness, row.kind, value ? (value.lapseState ? 3 : 2) : 0),
    customerSince: row.customer_since,
    firstPurchaseAt: row.first_purchase_at,
    lastPurchaseAt: row.last_purchase_at,
    nextFollowUp: row.next_follow_up,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    deletedAt: row.deleted_at,
    email: row.first_email,
    phone: row.first_phone,
    organisation: organisationOf(row),
    tags: tags.map((t) => ({ id: t.id, name: t.name, color: tagColor(t.color) })),
    attributes: valuesByKey(definitions, values),
    value,
  };
}

type MetricsJson = { revenue_365: number | string; revenue_lifetime: number | string; purchases: number; days_since_last: number | null; value_rank: number | null; tier: string | null; rfm_segment: string | null; lapse_state: string | null; p_alive: number | null; clv: number | string | null };

/** The list's customer-value columns (bigints arrive as text from PostgreSQL's JSON). */
function valueOf(json: unknown): CustomerSummary['value'] {
  const m = json === null || json === undefined ? null : parseJsonColumn<MetricsJson | null>(json);
  if (!m) return null;
  return {
    revenue365Minor: Number(m.revenue_365),
    revenueLifetimeMinor: Number(m.revenue_lifetime),
    purchases: Number(m.purchases),
    daysSinceLastPurchase: m.days_since_last,
    valueRank: m.value_rank,
    tier: m.tier as NonNullable<CustomerSummary['value']>['tier'],
    rfmSegment: m.rfm_segment as NonNullable<CustomerSummary['value']>['rfmSegment'],
    lapseState: m.lapse_state as NonNullable<CustomerSummary['value']>['lapseState'],
    pAlive: m.p_alive,
    clvMinor: m.clv === null ? null : Number(m.clv),
  };
}

/** A person's first employer ("id|name"), else an organisation's parent. */
function organisationOf(row: SummaryRow): CustomerSummary['organisation'] {
  const bar = row.employer ? row.employer.indexOf('|') : -1;
  if (row.employer && bar > 0) return { id: row.employer.slice(0, bar), kind: 'organisation', displayName: row.employer.slice(bar + 1) };
  if (row.parent_id && row.parent_name !== null) return { id: row.parent_id, kind: 'organisation', displayName: row.parent_name };
  return null;
}

/** The bits customer value fills in, as machine values the UI formats: "72100 EUR", a tier, a lapse state. */
function valueBits(value: NonNullable<CustomerSummary['value']>, currency: string): Map<string, string> {
  const bits = new Map<string, string>([
    ['value', `${value.revenueLifetimeMinor} ${currency}`],
    ['tier', value.tier ?? 'other'],
  ]);
  if (value.lapseState) bits.set('risk', value.lapseState);
  return bits;
}

/**
 * The bits where they came from and whom they referred: "Channel → Source", and for referrals a
 * machine value the UI words — {"referredBy": name or null, "referred": how many they referred}.
 */
async function acquisitionBits(db: Kysely<DB>, workspaceId: string, state: CustomerState): Promise<Map<string, string>> {
  const bits = new Map<string, string>();
  const own = ownKnownBits(state);
  if (own.has('source')) {
    const [a] = await createSourcesRepository(db).acquisitionOf(workspaceId, [state.row.id]);
    if (a?.channel && a.name) bits.set('source', `${a.channel} → ${a.name}`);
  }
  if (own.has('referrals')) {
    const referrer = state.row.referred_by_id ? await createCustomersRepository(db).getCustomer(workspaceId, state.row.referred_by_id, { includeDeleted: true }) : undefined;
    bits.set('referrals', JSON.stringify({ referredBy: referrer?.display_name ?? null, referred: state.referred }));
  }
  return bits;
}

/**
 * Why they choose us — the latest reasons they gave, newest first ("Service, Price") — and,
 * when a person marked them lost, the risk bit as "lost:<exit reason>" for the UI to word.
 */
async function reasonBits(db: Kysely<DB>, workspaceId: string, state: CustomerState): Promise<Map<string, string>> {
  const bits = new Map<string, string>();
  const repo = createReasonsRepository(db);
  if ((state.reasons ?? 0) > 0) {
    const names = [...new Set((await repo.entriesOf(workspaceId, state.row.id)).filter((e) => e.kind === 'choose').map((e) => e.reason_name))];
    bits.set('reasons', names.slice(0, 3).join(', '));
  }
  if (state.row.lost_at) {
    const reason = state.row.lost_reason_id ? await repo.getReason(workspaceId, state.row.lost_reason_id) : undefined;
    bits.set('risk', `lost:${reason?.name ?? ''}`);
  }
  return bits;
}

/** How we thanked them: the latest thank-you as {"kind", "givenOn", "count"} for the UI to word. */
async function thanksBit(db: Kysely<DB>, workspaceId: string, state: CustomerState): Promise<Map<string, string>> {
  if ((state.thanks ?? 0) === 0) return new Map();
  const [latest] = await createThanksRepository(db).listThankYous(workspaceId, { customerId: state.row.id, limit: 1 });
  return new Map(latest ? [['thanks', JSON.stringify({ kind: latest.kind, givenOn: latest.given_on, count: state.thanks })]] : []);
}

/** The whole profile of one customer. */
export async function profileOf(db: Kysely<DB>, workspaceId: string, state: CustomerState, now = new Date()): Promise<CustomerProfile> {
  const { row } = state;
  const [summary] = await summarize(db, workspaceId, [row]);
  const children = row.kind === 'organisation' ? await createCustomersRepository(db).childrenOf(workspaceId, row.id) : [];
  const workspace = await createWorkspacesRepository(db).getWorkspace(workspaceId);
  const known = summary!.value ? valueBits(summary!.value, workspace?.base_currency ?? '') : new Map<string, string>();
  const upcoming = await createFollowUpsRepository(db).nextOpen(workspaceId, row.id);
  for (const [key, text] of await acquisitionBits(db, workspaceId, state)) known.set(key, text);
  for (const [key, text] of await reasonBits(db, workspaceId, state)) known.set(key, text);
  for (const [key, text] of await thanksBit(db, workspaceId, state)) known.set(key, text);
  const detail = completenessOf({
    row,
    hasEmail: state.contacts.some((c) => c.kind === 'email'),
    hasPhone: state.contacts.some((c) => c.kind === 'phone'),
    knownBits: new Set(known.keys()),
  });
  return {
    ...summary!,
    firstName: row.first_name,
    lastName: row.last_name,
    website: row.website,
    parent: row.parent_id && state.parentName ? { id: row.parent_id, kind: 'organisation', displayName: state.parentName } : null,
    children: children.map((c) => ({ id: c.id, kind: c.kind, displayName: c.display_name })),
    address: { line1: row.address_line1, line2: row.address_line2, city: row.city, region: row.region, postalCode: row.postal_code, country: row.country },
    birthday: row.birthday,
    preferredLanguage: row.preferred_language === null ? null : localeSchema.catch('en').parse(row.preferred_language),
    consent: { given: row.consent_given === null ? null : row.consent_given === 1, at: row.consent_at, source: row.consent_source },
    notes: row.notes,
    contacts: state.contacts.map((c) => ({ id: c.id, kind: c.kind, value: c.value, label: c.label })),
    employments: state.employments
      .filter((e) => e.person_deleted_at === null && e.organisation_deleted_at === null)
      .map((e) => ({
        id: e.id,
        title: e.title,
        person: { id: e.person_id, kind: 'person' as const, displayName: e.person_name },
        organisation: { id: e.organisation_id, kind: 'organisation' as const, displayName: e.organisation_name },
      })),
    bits: BIT_KEYS.map((key) => (known.has(key) ? { key, state: 'known' as const, summary: known.get(key)!, action: null } : { key, state: 'unknown' as const, summary: null, action: BIT_ACTIONS[key] })),
    completenessDetail: detail,
    version: row.version,
    mergedIntoId: row.merged_into_id,
    upcomingFollowUp: upcoming && workspace ? toFollowUp(upcoming, dayIn(now, workspace.time_zone), workspace.locale.startsWith('ru') ? 'ru' : 'en') : null,
  };
}
