import type { Attribute } from '@contracts/attributes.ts';
import type { Filter } from '@contracts/customers.ts';
import { formatFilter, parseFilter, type FilterNode, type FilterValue } from '@contracts/filter-syntax.ts';
import { currencyFractionDigits } from '../../i18n/format.ts';
import { fieldOf, filterFields, OPS_BY_TYPE, type FilterField, type FilterOp } from './filterModel.ts';

/**
 * The visual filter builder's chips ⇄ the filter language (docs/filters.md). Chips hold ids and
 * money in minor units; the language names things and writes money in the currency's units.
 */
export interface FilterTextLookups {
  /** The workspace currency: money chips are minor units of it, the language writes major units. */
  currency: string;
  attributes: readonly Attribute[];
  tags: readonly { id: string; name: string }[];
  sources: readonly { id: string; name: string }[];
  campaigns: readonly { id: string; name: string }[];
  /** Display names of the customers and organisations chips refer to by id (organisation, referredBy). */
  customers: Readonly<Record<string, string>>;
}

/** Chip field → language name (attributes: attr.<key>). */
export const CHIP_FIELD_NAMES: Readonly<Record<string, string>> = {
  kind: 'kind',
  name: 'name',
  email: 'email',
  phone: 'phone',
  city: 'city',
  country: 'country',
  tag: 'tag',
  organisation: 'organisation',
  completeness: 'completeness',
  customerSince: 'customer_since',
  nextFollowUp: 'next_follow_up',
  lastPurchaseAt: 'last_purchase',
  createdAt: 'created',
  updatedAt: 'updated',
  tier: 'tier',
  rfmSegment: 'rfm',
  lapseState: 'lapse',
  revenue365: 'revenue_365d',
  revenueLifetime: 'revenue_lifetime',
  revenue90: 'revenue_90d',
  revenue30: 'revenue_30d',
  profit365: 'profit_365d',
  profitLifetime: 'profit_lifetime',
  purchases: 'purchases',
  averageOrder: 'average_order',
  averageGapDays: 'average_gap_days',
  daysSinceLastPurchase: 'days_since_last_purchase',
  firstPurchaseAt: 'first_purchase',
  valueRank: 'value_rank',
  valuePercentile: 'value_percentile',
  rfmR: 'rfm_r',
  rfmF: 'rfm_f',
  rfmM: 'rfm_m',
  pAlive: 'p_alive',
  expected30: 'expected_purchases_30d',
  expected90: 'expected_purchases_90d',
  expected365: 'expected_purchases_365d',
  expectedSpend: 'expected_spend',
  clv: 'clv',
  source: 'source',
  channel: 'source.channel',
  campaign: 'campaign',
  acquired: 'acquired',
  referredBy: 'referred_by',
};

/** Language names (and their aliases) → chip field. */
const TEXT_FIELD_CHIPS: Readonly<Record<string, string>> = {
  ...Object.fromEntries(Object.entries(CHIP_FIELD_NAMES).map(([chip, name]) => [name, chip])),
  revenue: 'revenueLifetime',
  channel: 'channel',
  tags: 'tag',
  organization: 'organisation',
  rfm_segment: 'rfmSegment',
  lapse_state: 'lapseState',
  last_purchase_at: 'lastPurchaseAt',
  first_purchase_at: 'firstPurchaseAt',
};

/** Fields the chip model has beyond the builder's menu (they come from links and saved views). */
const EXTRA_FIELDS: readonly FilterField[] = [
  { key: 'expected30', type: 'number' },
  { key: 'expected90', type: 'number' },
  { key: 'expectedSpend', type: 'money' },
];

function chipFields(attributes: readonly Attribute[]): FilterField[] {
  return [...filterFields(attributes), ...EXTRA_FIELDS];
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const fold = (text: string) => text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/ё/g, 'е').trim();

export interface ChipsAsText {
  /** The chips that could be written, joined by `and` ('' for none). */
  text: string;
  /** Chips that could not be written (a name not loaded yet, an unknown field): they stay chips. */
  kept: Filter[];
}

/** The chips as filter-language text, e.g. `tier = gold and revenue_365d > 500`. */
export function chipsToFilterText(filters: readonly Filter[], lookups: FilterTextLookups): ChipsAsText {
  const fields = chipFields(lookups.attributes);
  const nodes: FilterNode[] = [];
  const kept: Filter[] = [];
  for (const filter of filters) {
    const node = chipToNode(filter, fields, lookups);
    if (node) nodes.push(node);
    else kept.push(filter);
  }
  const text = nodes.length === 0 ? '' : formatFilter(nodes.length === 1 ? nodes[0]! : { type: 'and', items: nodes });
  return { text, kept };
}

function chipToNode(filter: Filter, fields: readonly FilterField[], lookups: FilterTextLookups): FilterNode | null {
  const field = fields.find((candidate) => candidate.key === filter.field);
  const name = field?.attribute ? `attr.${field.attribute.key}` : CHIP_FIELD_NAMES[filter.field];
  if (!field || !name) return null;
  const at = 0;
  if (filter.op === 'empty' || filter.op === 'not_empty') return { type: 'set', field: name, at, negated: filter.op === 'empty' };
  const raw = filter.value;
  if (raw === null || raw === undefined) return null;
  if (filter.op === 'in') {
    const values = [raw].flat().map((item) => chipValue(item, field, lookups));
    if (values.length === 0 || values.some((value) => value === null)) return null;
    return { type: 'in', field: name, at, negated: false, values: values as FilterValue[] };
  }
  if (Array.isArray(raw)) return null;
  const value = chipValue(raw, field, lookups);
  if (!value) return null;
  const op = ({ eq: '=', neq: '!=', gt: '>', gte: '>=', lt: '<', lte: '<=', contains: field.type === 'multichoice' ? '=' : 'contains' } as const)[filter.op];
  return { type: 'compare', field: name, at, op, value };
}

function chipValue(item: string | number | boolean, field: FilterField, lookups: FilterTextLookups): FilterValue | null {
  const at = 0;
  const text = (value: string | undefined): FilterValue | null => (value === undefined ? null : { kind: 'text', text: value, quoted: false, at });
  const byId = (list: readonly { id: string; name: string }[]) => text(list.find((entry) => entry.id === item)?.name);
  switch (field.type) {
    case 'number':
    case 'percent':
      return typeof item === 'number' ? { kind: 'number', value: item, at } : null;
    case 'money': {
      if (typeof item !== 'number') return null;
      const digits = currencyFractionDigits(lookups.currency);
      return { kind: 'number', value: Number((item / 10 ** digits).toFixed(digits)), at };
    }
    case 'instant':
    case 'day':
      return typeof item === 'string' && DAY.test(item) ? { kind: 'date', day: item, at } : null;
    case 'boolean':
      return typeof item === 'boolean' ? { kind: 'bool', value: item, at } : null;
    case 'choice':
    case 'multichoice':
      if (field.choices) return text(String(item));
      return text(field.attribute?.options.find((option) => option.id === item)?.label);
    case 'tag':
      return byId(lookups.tags);
    case 'source':
      return byId(lookups.sources);
    case 'campaign':
      return byId(lookups.campaigns);
    case 'organisation':
    case 'customer':
      return typeof item === 'string' ? text(lookups.customers[item]) : null;
    default:
      return text(String(item));
  }
}

/**
 * The chips for a parsed filter when it is a plain `and` of comparisons the builder can show
 * (no or/not/functions, no relative dates, only names that are known); otherwise null.
 */
export function filterTextToChips(tree: FilterNode | null, lookups: FilterTextLookups): Filter[] | null {
  if (tree === null) return [];
  const leaves = tree.type === 'and' ? tree.items : [tree];
  const fields = chipFields(lookups.attributes);
  const chips: Filter[] = [];
  for (const leaf of leaves) {
    const chip = nodeToChip(leaf, fields, lookups);
    if (!chip) return null;
    chips.push(chip);
  }
  return chips;
}

function chipFieldFor(name: string, lookups: FilterTextLookups): string | null {
  const lower = name.toLowerCase();
  const key = lower.startsWith('attr.') ? lower.slice(5) : lower;
  const builtIn = lower.startsWith('attr.') ? undefined : TEXT_FIELD_CHIPS[lower];
  if (builtIn) return builtIn;
  const attribute = lookups.attributes.find((candidate) => candidate.key.toLowerCase() === key);
  return attribute ? `attr.${attribute.key}` : null;
}

function nodeToChip(node: FilterNode, fields: readonly FilterField[], lookups: FilterTextLookups): Filter | null {
  if (node.type !== 'compare' && node.type !== 'in' && node.type !== 'set') return null;
  const key = chipFieldFor(node.field, lookups);
  if (!key) return null;
  const field = fieldOf(key, fields);
  const allowed = (op: FilterOp) => OPS_BY_TYPE[field.type].includes(op);
  if (node.type === 'set') {
    const op: FilterOp = node.negated ? 'empty' : 'not_empty';
    return allowed(op) ? { field: key, op } : null;
  }
  if (node.type === 'in') {
    if (node.negated || !allowed('in')) return null;
    const values = node.values.map((value) => textValue(value, field, lookups));
    if (values.some((value) => typeof value !== 'string')) return null;
    return { field: key, op: 'in', value: values as string[] };
  }
  const ops: Partial<Record<typeof node.op, FilterOp>> = { '=': 'eq', '!=': 'neq', '>': 'gt', '>=': 'gte', '<': 'lt', '<=': 'lte', contains: 'contains' };
  let op = ops[node.op];
  // "Has" a choice of a multiple-choice attribute is `=` in the language and `contains` in the chips.
  if (field.type === 'multichoice' && op === 'eq') op = 'contains';
  else if (field.type === 'multichoice' && op === 'contains') return null;
  if (!op || !allowed(op)) return null;
  const value = textValue(node.value, field, lookups);
  return value === null ? null : { field: key, op, value };
}

function textValue(value: FilterValue, field: FilterField, lookups: FilterTextLookups): string | number | boolean | null {
  const text = value.kind === 'text' ? value.text : value.kind === 'number' ? String(value.value) : null;
  const byName = (list: readonly { id: string; name: string }[]) => {
    if (text === null) return null;
    const matches = list.filter((entry) => fold(entry.name) === fold(text));
    return matches.length === 1 ? matches[0]!.id : null;
  };
  switch (field.type) {
    case 'number':
    case 'percent':
      return value.kind === 'number' ? value.value : null;
    case 'money':
      return value.kind === 'number' ? Math.round(value.value * 10 ** currencyFractionDigits(lookups.currency)) : null;
    case 'instant':
    case 'day':
      // Relative days ("90 days ago") have no chip: a chip holds one fixed day.
      return value.kind === 'date' ? value.day : null;
    case 'boolean':
      return value.kind === 'bool' ? value.value : null;
    case 'choice':
    case 'multichoice': {
      if (text === null) return null;
      if (field.choices) {
        const wanted = fold(text).replace(/['’]/g, '').replace(/[^\p{L}\p{N}]+/gu, '_');
        return field.choices.values.find((choice) => choice === wanted) ?? null;
      }
      return field.attribute?.options.find((option) => fold(option.label) === fold(text))?.id ?? null;
    }
    case 'kind': {
      const kind = text === null ? '' : fold(text).replace('organization', 'organisation');
      return kind === 'person' || kind === 'organisation' ? kind : null;
    }
    case 'tag':
      return byName(lookups.tags);
    case 'source':
      return byName(lookups.sources);
    case 'campaign':
      return byName(lookups.campaigns);
    case 'organisation':
    case 'customer':
      return byName(Object.entries(lookups.customers).map(([id, name]) => ({ id, name })));
    default:
      return text;
  }
}

/**
 * One filter made of several parts that must all hold (the chips' text, the text filter, the
 * list's kind): `(a or b) and c`. Parts that do not parse are left out.
 */
export function combineFilterTexts(parts: readonly string[]): string {
  const trees = parts.flatMap((part) => {
    try {
      const tree = parseFilter(part);
      return tree ? [tree] : [];
    } catch {
      return [];
    }
  });
  if (trees.length === 0) return '';
  return formatFilter(trees.length === 1 ? trees[0]! : { type: 'and', items: trees.flatMap((tree) => (tree.type === 'and' ? tree.items : [tree])) });
}
