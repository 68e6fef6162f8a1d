import { LAPSE_STATES, RFM_SEGMENTS, TIERS } from '@contracts/analytics.ts';
import type { Attribute } from '@contracts/attributes.ts';
import type { Filter, FILTER_OPS } from '@contracts/customers.ts';
import { parseDecimal } from '../../forms/parseDecimal.ts';
import { currencyFractionDigits } from '../../i18n/format.ts';

export type FilterOp = (typeof FILTER_OPS)[number];
export type FilterValueType =
  | 'text'
  | 'number'
  | 'percent'
  | 'money'
  | 'instant'
  | 'day'
  | 'boolean'
  | 'choice'
  | 'multichoice'
  | 'kind'
  | 'tag'
  | 'organisation'
  | 'source'
  | 'channel'
  | 'campaign'
  | 'customer';

export interface FilterField {
  key: string;
  type: FilterValueType;
  /** The attribute behind an `attr.<key>` field (its label and options). */
  attribute?: Attribute;
  /** A fixed list's values and the catalogue key naming each (tier: gold, silver, other). */
  choices?: { values: readonly string[]; labelKey: (value: string) => string };
}

/** Built-in fields; their labels are `customers.fields.<key>`. */
export const BASE_FILTER_FIELDS: readonly FilterField[] = [
  { key: 'kind', type: 'kind' },
  { key: 'name', type: 'text' },
  { key: 'email', type: 'text' },
  { key: 'phone', type: 'text' },
  { key: 'city', type: 'text' },
  { key: 'country', type: 'text' },
  { key: 'tag', type: 'tag' },
  { key: 'organisation', type: 'organisation' },
  { key: 'completeness', type: 'number' },
  { key: 'customerSince', type: 'day' },
  { key: 'nextFollowUp', type: 'day' },
  { key: 'lastPurchaseAt', type: 'instant' },
  { key: 'createdAt', type: 'instant' },
  { key: 'updatedAt', type: 'instant' },
];

/** Customer-value metrics (see METRIC_FIELDS in the contract); labels are `customers.fields.<key>` too. */
export const VALUE_FILTER_FIELDS: readonly FilterField[] = [
  { key: 'tier', type: 'choice', choices: { values: TIERS, labelKey: (value) => `value.tier.${value}` } },
  { key: 'rfmSegment', type: 'choice', choices: { values: RFM_SEGMENTS, labelKey: (value) => `value.segment.${value}.name` } },
  { key: 'lapseState', type: 'choice', choices: { values: LAPSE_STATES, labelKey: (value) => `value.lapse.${value}` } },
  { key: 'revenue365', type: 'money' },
  { key: 'revenueLifetime', type: 'money' },
  { key: 'revenue90', type: 'money' },
  { key: 'revenue30', type: 'money' },
  { key: 'profit365', type: 'money' },
  { key: 'profitLifetime', type: 'money' },
  { key: 'purchases', type: 'number' },
  { key: 'averageOrder', type: 'money' },
  { key: 'averageGapDays', type: 'number' },
  { key: 'daysSinceLastPurchase', type: 'number' },
  { key: 'firstPurchaseAt', type: 'instant' },
  { key: 'valueRank', type: 'number' },
  { key: 'valuePercentile', type: 'number' },
  { key: 'rfmR', type: 'number' },
  { key: 'rfmF', type: 'number' },
  { key: 'rfmM', type: 'number' },
  { key: 'pAlive', type: 'percent' },
  { key: 'expected365', type: 'number' },
  { key: 'clv', type: 'money' },
];

/** Where they came from and who brought them; labels are `customers.fields.<key>` too. */
export const ACQUISITION_FILTER_FIELDS: readonly FilterField[] = [
  { key: 'source', type: 'source' },
  { key: 'channel', type: 'channel' },
  { key: 'campaign', type: 'campaign' },
  { key: 'acquired', type: 'day' },
  { key: 'referredBy', type: 'customer' },
];

const PRESENCE: FilterOp[] = ['empty', 'not_empty'];

/** The comparisons that make sense for each kind of value, the most useful first. */
export const OPS_BY_TYPE: Record<FilterValueType, readonly FilterOp[]> = {
  text: ['contains', 'eq', 'neq', ...PRESENCE],
  number: ['eq', 'neq', 'gt', 'gte', 'lt', 'lte', ...PRESENCE],
  // A probability: "at least" and "below" are what anyone asks of it.
  percent: ['gte', 'lt', 'gt', 'lte', ...PRESENCE],
  money: ['eq', 'neq', 'gt', 'gte', 'lt', 'lte', ...PRESENCE],
  // Instants compare with midnight of the day given: "on or after" and "before" read naturally.
  instant: ['gte', 'lt', ...PRESENCE],
  day: ['eq', 'gte', 'lte', 'gt', 'lt', ...PRESENCE],
  boolean: ['eq', ...PRESENCE],
  choice: ['eq', 'neq', 'in', ...PRESENCE],
  multichoice: ['contains', 'in', ...PRESENCE],
  kind: ['eq'],
  tag: ['eq', 'neq'],
  organisation: ['eq', ...PRESENCE],
  source: ['eq', 'neq', ...PRESENCE],
  channel: ['eq', 'neq', ...PRESENCE],
  campaign: ['eq', 'neq', ...PRESENCE],
  customer: ['eq', ...PRESENCE],
};

const ATTRIBUTE_VALUE_TYPES: Record<Attribute['type'], FilterValueType> = {
  text: 'text',
  number: 'number',
  money: 'money',
  date: 'day',
  boolean: 'boolean',
  choice: 'choice',
  multichoice: 'multichoice',
};

export function attributeFilterField(attribute: Attribute): FilterField {
  return { key: `attr.${attribute.key}`, type: ATTRIBUTE_VALUE_TYPES[attribute.type], attribute };
}

export function filterFields(attributes: readonly Attribute[]): FilterField[] {
  return [...BASE_FILTER_FIELDS, ...VALUE_FILTER_FIELDS, ...ACQUISITION_FILTER_FIELDS, ...attributes.map(attributeFilterField)];
}

export function needsValue(op: FilterOp): boolean {
  return op !== 'empty' && op !== 'not_empty';
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The filter for what the user entered, in the API's units (money in minor units of the
 * workspace currency, dates as YYYY-MM-DD); null while the value is missing or unreadable.
 */
export function buildFilter(
  field: FilterField,
  op: FilterOp,
  raw: string | readonly string[],
  { currency, locale }: { currency: string; locale: string },
): Filter | null {
  if (!needsValue(op)) return { field: field.key, op };
  if (op === 'in') {
    const list = (Array.isArray(raw) ? raw : [raw]).filter((item) => item !== '');
    return list.length > 0 ? { field: field.key, op, value: [...list] } : null;
  }
  const text = (Array.isArray(raw) ? (raw[0] ?? '') : (raw as string)).trim();
  if (text === '') return null;
  switch (field.type) {
    case 'number': {
      const value = parseDecimal(text, locale);
      return value === null ? null : { field: field.key, op, value };
    }
    case 'percent': {
      const value = parseDecimal(text, locale);
      return value === null ? null : { field: field.key, op, value: value / 100 };
    }
    case 'money': {
      const value = parseDecimal(text, locale);
      return value === null ? null : { field: field.key, op, value: Math.round(value * 10 ** currencyFractionDigits(currency)) };
    }
    case 'instant':
    case 'day':
      return DAY.test(text) ? { field: field.key, op, value: text } : null;
    case 'boolean':
      return text === 'true' || text === 'false' ? { field: field.key, op, value: text === 'true' } : null;
    default:
      return { field: field.key, op, value: text };
  }
}

/**
 * How a comparison is named for a kind of value ("after" for dates, "has tag" for tags): the
 * suffix of `filters.ops.<key>` (the builder's choices) and `filters.chips.<key>` (the chips).
 */
export function opKey(type: FilterValueType, op: FilterOp): string {
  if ((type === 'instant' || type === 'day') && ['eq', 'gt', 'gte', 'lt', 'lte'].includes(op)) return `date_${op}`;
  if (type === 'tag') return `tag_${op}`;
  if (type === 'multichoice' && op === 'contains') return 'has';
  return op;
}

export function fieldOf(key: string, fields: readonly FilterField[]): FilterField {
  return fields.find((field) => field.key === key) ?? { key, type: 'text' };
}
