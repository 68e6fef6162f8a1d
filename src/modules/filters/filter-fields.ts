import { sql, type RawBuilder } from 'kysely';
import type { ValueKind } from '../../contracts/filter-syntax.ts';
import { LAPSE_STATES, RFM_SEGMENTS, TIERS } from '../../contracts/analytics.ts';
import { acquisitionDay } from '../../db/zone-sql.ts';
import type { DialectName } from '../../db/dialect.ts';

/**
 * The names of the filter language (docs/filters.md) and what each reads. SQL is written for a
 * customer row aliased `c`. Relations (tags, sources, reasons, organisations…) and attributes are
 * compiled in filter-compiler.ts; these are the plain values.
 */
export type ScalarField =
  | { kind: 'text'; sql: RawBuilder<unknown>; folded: boolean }
  | { kind: 'number' | 'money'; sql: RawBuilder<unknown>; zero: boolean; metric?: string }
  | { kind: 'date'; sql: (dialect: DialectName, zone: string) => RawBuilder<unknown> }
  | { kind: 'instant'; sql: RawBuilder<unknown> }
  | { kind: 'choice'; sql: RawBuilder<unknown>; choices: readonly string[]; metric?: string }
  | { kind: 'boolean'; sql: RawBuilder<unknown> };

const column = (name: string) => sql`${sql.ref(`c.${name}`)}`;
const metric = (name: string) => sql`(select m.${sql.ref(name)} from customer_metrics m where m.workspace_id = c.workspace_id and m.customer_id = c.id)`;
const text = (name: string): ScalarField => ({ kind: 'text', sql: column(name), folded: false });
/** `metric`: the customer_metrics column, so a condition can be compiled as membership in the metrics rows that satisfy it. */
const num = (name: string, zero: boolean, money = false): ScalarField => ({ kind: money ? 'money' : 'number', sql: metric(name), zero, metric: name });

export const SCALAR_FIELDS: Record<string, ScalarField> = {
  name: { kind: 'text', sql: column('sort_name'), folded: true },
  first_name: text('first_name'),
  last_name: text('last_name'),
  city: text('city'),
  region: text('region'),
  country: text('country'),
  postal_code: text('postal_code'),
  website: text('website'),
  notes: text('notes'),
  language: text('preferred_language'),
  external_id: text('external_id'),
  kind: { kind: 'choice', sql: column('kind'), choices: ['person', 'organisation'] },
  completeness: { kind: 'number', sql: column('completeness'), zero: false },
  birthday: { kind: 'date', sql: () => column('birthday') },
  customer_since: { kind: 'date', sql: () => column('customer_since') },
  next_follow_up: { kind: 'date', sql: () => column('next_follow_up') },
  acquired: { kind: 'date', sql: (dialect, zone) => acquisitionDay(dialect, zone) },
  created: { kind: 'instant', sql: column('created_at') },
  updated: { kind: 'instant', sql: column('updated_at') },
  first_purchase: { kind: 'instant', sql: column('first_purchase_at') },
  last_purchase: { kind: 'instant', sql: column('last_purchase_at') },
  consent: { kind: 'boolean', sql: column('consent_given') },
  // Never unknown: not marked lost is `lost = no`.
  lost: { kind: 'boolean', sql: sql`(case when c.lost_at is null then 0 else 1 end)` },
  revenue_30d: num('revenue_30', true, true),
  revenue_90d: num('revenue_90', true, true),
  revenue_365d: num('revenue_365', true, true),
  revenue: num('revenue_lifetime', true, true),
  revenue_lifetime: num('revenue_lifetime', true, true),
  profit_30d: num('profit_30', false, true),
  profit_90d: num('profit_90', false, true),
  profit_365d: num('profit_365', false, true),
  profit_lifetime: num('profit_lifetime', false, true),
  purchases: num('purchases', true),
  average_order: num('average_order', false, true),
  average_gap_days: num('average_gap_days', false),
  days_since_last_purchase: num('days_since_last', false),
  value_rank: num('value_rank', false),
  value_percentile: num('value_percentile', false),
  rfm_r: num('rfm_r', false),
  rfm_f: num('rfm_f', false),
  rfm_m: num('rfm_m', false),
  p_alive: num('p_alive', false),
  expected_purchases_30d: num('expected_30', false),
  expected_purchases_90d: num('expected_90', false),
  expected_purchases_365d: num('expected_365', false),
  expected_spend: num('expected_spend', false, true),
  clv: num('clv', false, true),
  tier: { kind: 'choice', sql: metric('tier'), choices: TIERS, metric: 'tier' },
  rfm: { kind: 'choice', sql: metric('rfm_segment'), choices: RFM_SEGMENTS, metric: 'rfm_segment' },
  lapse: { kind: 'choice', sql: metric('lapse_state'), choices: LAPSE_STATES, metric: 'lapse_state' },
  referrals: {
    kind: 'number',
    sql: sql`(select count(*) from customers r where r.workspace_id = c.workspace_id and r.referred_by_id = c.id and r.deleted_at is null)`,
    zero: false,
  },
};

/** Names compiled in filter-compiler.ts, each a relation of the customer matched by name. */
export const RELATION_FIELDS = ['email', 'phone', 'tag', 'source', 'source.channel', 'campaign', 'referred_by', 'reason', 'exit_reason', 'lost_reason', 'organisation', 'organisation.parent', 'segment'] as const;
export type RelationField = (typeof RELATION_FIELDS)[number];

export const FUNCTIONS: Record<string, { args: Record<string, ValueKind> }> = {
  bought: { args: { product: 'text', within: 'duration', since: 'date', before: 'date', times: 'number', campaign: 'text' } },
};

export const ALIASES: Record<string, string> = {
  tags: 'tag',
  channel: 'source.channel',
  group: 'organisation.parent',
  organization: 'organisation',
  'organization.parent': 'organisation.parent',
  rfm_segment: 'rfm',
  lapse_state: 'lapse',
  last_purchase_at: 'last_purchase',
  first_purchase_at: 'first_purchase',
  segments: 'segment',
};

/** Every name a filter can use besides attribute keys, for suggestions and the help. */
export function builtInNames(): string[] {
  return [...Object.keys(SCALAR_FIELDS), ...RELATION_FIELDS];
}
