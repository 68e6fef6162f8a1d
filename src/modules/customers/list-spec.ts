import { z } from 'zod';
import type { Attribute } from '../../contracts/attributes.ts';
import { LAPSE_STATES, RFM_SEGMENTS, TIERS } from '../../contracts/analytics.ts';
import { filterSchema, METRIC_FIELDS, SORT_FIELDS, type Filter } from '../../contracts/customers.ts';
import { AppError } from '../../shared/errors.ts';
import { normalizeText, phoneDigits } from '../../shared/text.ts';

export type ValueType = 'text' | 'number' | 'timestamp' | 'date';
export type Op = Filter['op'];
type Scalar = string | number;

/** A filter checked against the schema and the workspace's attributes, ready for SQL. */
export type ResolvedFilter =
  | { type: 'column'; column: string; valueType: ValueType; op: Op; value: Scalar | Scalar[] | null }
  | { type: 'contact'; kind: 'email' | 'phone'; op: Op; value: string | null }
  | { type: 'tag'; op: Op; value: string[] }
  | { type: 'organisation'; op: Op; value: string | null }
  | { type: 'channel'; op: Op; value: string[] }
  | { type: 'acquired'; op: Op; value: string | null }
  | { type: 'attribute'; attributeId: string; column: 'value_text' | 'value_number' | 'value_date'; multi: boolean; valueType: ValueType; op: Op; value: Scalar | Scalar[] | null }
  | { type: 'metric'; column: string; valueType: ValueType; zero: boolean; op: Op; value: Scalar | Scalar[] | null };

export type ResolvedSort =
  | { type: 'column'; column: string; valueType: ValueType; nullable: boolean }
  | { type: 'attribute'; attributeId: string; column: 'value_text' | 'value_number' | 'value_date'; valueType: ValueType }
  | { type: 'metric'; column: string; valueType: ValueType; zero: boolean };

const COLUMNS: Record<string, { column: string; valueType: ValueType; nullable: boolean }> = {
  name: { column: 'sort_name', valueType: 'text', nullable: false },
  kind: { column: 'kind', valueType: 'text', nullable: false },
  city: { column: 'city', valueType: 'text', nullable: true },
  country: { column: 'country', valueType: 'text', nullable: true },
  completeness: { column: 'completeness', valueType: 'number', nullable: false },
  createdAt: { column: 'created_at', valueType: 'timestamp', nullable: false },
  updatedAt: { column: 'updated_at', valueType: 'timestamp', nullable: false },
  customerSince: { column: 'customer_since', valueType: 'date', nullable: true },
  nextFollowUp: { column: 'next_follow_up', valueType: 'date', nullable: true },
  lastPurchaseAt: { column: 'last_purchase_at', valueType: 'timestamp', nullable: true },
  // Where they came from and who brought them (ids): "customers like these" from the reports.
  source: { column: 'source_id', valueType: 'text', nullable: true },
  campaign: { column: 'campaign_id', valueType: 'text', nullable: true },
  referredBy: { column: 'referred_by_id', valueType: 'text', nullable: true },
};

/**
 * Customer-value metrics (customer_metrics, docs/analytics.md). `zero`: a customer without a
 * metrics row has bought nothing, so sums and counts read as 0 for them rather than empty.
 */
const METRIC_COLUMNS: Record<(typeof METRIC_FIELDS)[number], { column: string; valueType: ValueType; zero: boolean; choices?: readonly string[] }> = {
  revenue30: { column: 'revenue_30', valueType: 'number', zero: true },
  revenue90: { column: 'revenue_90', valueType: 'number', zero: true },
  revenue365: { column: 'revenue_365', valueType: 'number', zero: true },
  revenueLifetime: { column: 'revenue_lifetime', valueType: 'number', zero: true },
  profit365: { column: 'profit_365', valueType: 'number', zero: false },
  profitLifetime: { column: 'profit_lifetime', valueType: 'number', zero: false },
  purchases: { column: 'purchases', valueType: 'number', zero: true },
  averageOrder: { column: 'average_order', valueType: 'number', zero: false },
  averageGapDays: { column: 'average_gap_days', valueType: 'number', zero: false },
  daysSinceLastPurchase: { column: 'days_since_last', valueType: 'number', zero: false },
  valueRank: { column: 'value_rank', valueType: 'number', zero: false },
  valuePercentile: { column: 'value_percentile', valueType: 'number', zero: false },
  tier: { column: 'tier', valueType: 'text', zero: false, choices: TIERS },
  rfmSegment: { column: 'rfm_segment', valueType: 'text', zero: false, choices: RFM_SEGMENTS },
  rfmR: { column: 'rfm_r', valueType: 'number', zero: false },
  rfmF: { column: 'rfm_f', valueType: 'number', zero: false },
  rfmM: { column: 'rfm_m', valueType: 'number', zero: false },
  pAlive: { column: 'p_alive', valueType: 'number', zero: false },
  expected30: { column: 'expected_30', valueType: 'number', zero: false },
  expected90: { column: 'expected_90', valueType: 'number', zero: false },
  expected365: { column: 'expected_365', valueType: 'number', zero: false },
  expectedSpend: { column: 'expected_spend', valueType: 'number', zero: false },
  clv: { column: 'clv', valueType: 'number', zero: false },
  lapseState: { column: 'lapse_state', valueType: 'text', zero: false, choices: LAPSE_STATES },
  firstPurchaseAt: { column: 'first_purchase_at', valueType: 'timestamp', zero: false },
};

const invalid = (message: string, details?: unknown) => new AppError('filters.invalid', 400, message, details);

export function parseFilters(json: string | undefined): Filter[] {
  if (!json) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    throw invalid('filters must be a JSON array of {field, op, value}');
  }
  const result = z.array(filterSchema).max(50).safeParse(parsed);
  if (!result.success) throw invalid('filters must be a JSON array of {field, op, value}', { issues: result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) });
  return result.data;
}

export function resolveFilter(filter: Filter, definitions: Attribute[]): ResolvedFilter {
  const { field, op } = filter;
  const needsValue = op !== 'empty' && op !== 'not_empty';
  const value = filter.value ?? null;
  if (needsValue && (value === null || (Array.isArray(value) && value.length === 0))) throw invalid(`The filter on ${field} needs a value`, { field });
  if (op === 'in' && !Array.isArray(value)) throw invalid(`"in" on ${field} needs a list of values`, { field });

  if (field === 'email' || field === 'phone') {
    if (Array.isArray(value)) throw invalid(`${field} takes one value`, { field });
    const text = value === null ? null : String(value);
    return { type: 'contact', kind: field, op, value: text === null ? null : field === 'email' ? text.trim().toLowerCase() : phoneDigits(text) || text };
  }
  if (field === 'tag') return { type: 'tag', op, value: Array.isArray(value) ? value : value === null ? [] : [String(value)] };
  if (field === 'organisation') return { type: 'organisation', op, value: value === null ? null : String(value) };
  if (field === 'channel') {
    if (op !== 'eq' && op !== 'neq' && op !== 'in' && op !== 'empty' && op !== 'not_empty') throw invalid('channel compares with eq, neq, in, empty or not_empty', { field });
    return { type: 'channel', op, value: [value ?? []].flat().map((v) => normalizeText(String(v))) };
  }
  if (field === 'acquired') {
    // The acquisition day as the Sources report counts it (set day, else customer since, else first purchase, else added).
    if (Array.isArray(value) || op === 'contains' || op === 'in') throw invalid('acquired compares one day (YYYY-MM-DD)', { field });
    if (value !== null && !/^\d{4}-\d{2}-\d{2}$/.test(String(value))) throw invalid(`acquired compares days written YYYY-MM-DD, not "${String(value)}"`, { field });
    return { type: 'acquired', op, value: value === null ? null : String(value) };
  }
  if (field.startsWith('attr.')) {
    const definition = definitions.find((d) => d.key === field.slice(5));
    if (!definition) throw new AppError('attributes.unknown', 400, `There is no attribute "${field.slice(5)}"`, { key: field.slice(5) });
    const { column, valueType } = attributeColumn(definition);
    return { type: 'attribute', attributeId: definition.id, column, multi: definition.type === 'multichoice', valueType, op, value: coerce(field, valueType, value, definition.type === 'boolean') };
  }
  const metric = METRIC_COLUMNS[field as keyof typeof METRIC_COLUMNS];
  if (metric) {
    const coerced = coerce(field, metric.valueType, value, false);
    const bad = metric.choices ? [coerced].flat().find((v) => v !== null && !metric.choices!.includes(String(v))) : undefined;
    if (bad !== undefined) throw invalid(`${field} is one of ${metric.choices!.join(', ')}, not "${String(bad)}"`, { field });
    return { type: 'metric', column: metric.column, valueType: metric.valueType, zero: metric.zero, op, value: coerced };
  }
  const known = COLUMNS[field];
  if (!known) throw invalid(`Unknown filter field "${field}"`, { field });
  const coerced = coerce(field, known.valueType, value, false);
  return { type: 'column', column: known.column, valueType: known.valueType, op, value: field === 'name' && typeof coerced === 'string' ? normalizeText(coerced) : coerced };
}

export function resolveSort(sort: string, definitions: Attribute[]): ResolvedSort {
  if (sort.startsWith('attr.')) {
    const definition = definitions.find((d) => d.key === sort.slice(5));
    if (!definition) throw new AppError('sort.invalid', 400, `There is no attribute "${sort.slice(5)}" to sort by`);
    return { type: 'attribute', attributeId: definition.id, ...attributeColumn(definition) };
  }
  const metric = METRIC_COLUMNS[sort as keyof typeof METRIC_COLUMNS];
  if (metric) return { type: 'metric', column: metric.column, valueType: metric.valueType, zero: metric.zero };
  const known = (SORT_FIELDS as readonly string[]).includes(sort) ? COLUMNS[sort] : undefined;
  if (!known) throw new AppError('sort.invalid', 400, `Cannot sort by "${sort}"; use ${SORT_FIELDS.join(', ')} or attr.<key>`);
  return { type: 'column', ...known };
}

function attributeColumn(definition: Attribute): { column: 'value_text' | 'value_number' | 'value_date'; valueType: ValueType } {
  switch (definition.type) {
    case 'number':
    case 'money':
    case 'boolean':
      return { column: 'value_number', valueType: 'number' };
    case 'date':
      return { column: 'value_date', valueType: 'date' };
    default:
      return { column: 'value_text', valueType: 'text' };
  }
}

function coerce(field: string, valueType: ValueType, value: Filter['value'], booleanAsNumber: boolean): Scalar | Scalar[] | null {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return value.map((v) => coerce(field, valueType, v, booleanAsNumber) as Scalar);
  if (booleanAsNumber && typeof value === 'boolean') return value ? 1 : 0;
  if (valueType === 'number') {
    const n = typeof value === 'number' ? value : Number(value);
    if (!Number.isFinite(n)) throw invalid(`${field} compares numbers; "${String(value)}" is not one`, { field });
    return n;
  }
  if (typeof value === 'boolean') throw invalid(`${field} does not take yes/no`, { field });
  return String(value);
}
