import type { Attribute } from '@contracts/attributes.ts';
import { SORT_FIELDS } from '@contracts/customers.ts';

/** Built-in columns, in the order the column chooser lists them; labels are `customers.fields.<key>`. */
export const BASE_COLUMNS: readonly string[] = [
  'name',
  'kind',
  'email',
  'phone',
  'city',
  'country',
  'organisation',
  'tags',
  'completeness',
  'customerSince',
  'createdAt',
  'updatedAt',
  'nextFollowUp',
  'lastPurchaseAt',
];

/** Customer-value columns (each a METRIC_FIELDS name, so it sorts as it is named); listed after the built-in ones. */
export const VALUE_COLUMNS: readonly string[] = [
  'tier',
  'revenue365',
  'revenueLifetime',
  'purchases',
  'rfmSegment',
  'lapseState',
  'pAlive',
  'clv',
  'daysSinceLastPurchase',
  'valueRank',
];

const SORTABLE = new Set<string>(SORT_FIELDS);

export function isSortable(column: string): boolean {
  return SORTABLE.has(column) || column.startsWith('attr.');
}

export function attributeKeyOf(column: string): string | null {
  return column.startsWith('attr.') ? column.slice(5) : null;
}

/** Every column that can be shown: the built-in ones, then one per attribute. */
export function availableColumns(attributes: readonly Attribute[]): string[] {
  return [...BASE_COLUMNS, ...VALUE_COLUMNS, ...attributes.map((attribute) => `attr.${attribute.key}`)];
}

/**
 * The chosen columns that still exist (an attribute may have been deleted since a view was
 * saved), with the name always first so every row can be opened.
 */
export function visibleColumns(chosen: readonly string[], attributes: readonly Attribute[]): string[] {
  const available = new Set(availableColumns(attributes));
  return ['name', ...chosen.filter((column) => column !== 'name' && available.has(column))];
}

/** Chosen columns after ticking or unticking one; new ones go in the chooser's order. */
export function toggleColumn(chosen: readonly string[], column: string, on: boolean, attributes: readonly Attribute[]): string[] {
  if (!on) return chosen.filter((key) => key !== column);
  if (chosen.includes(column)) return [...chosen];
  const order = availableColumns(attributes);
  const next = [...chosen, column];
  return next.toSorted((a, b) => order.indexOf(a) - order.indexOf(b));
}
