import { badRequest } from '../../../shared/errors.ts';
import { headerKey, type ColumnMapping, type TransactionField } from '../import-fields.ts';
import type { TransactionReadSettings } from '../transaction-rows.ts';
import { ONEC_SALES_DOCUMENTS, ONEC_SALES_REGISTER } from './ledger.presets.ts';
import { PAYPAL_ACTIVITY, SQUARE_ITEMS, SQUARE_TRANSACTIONS, STRIPE_PAYMENTS } from './payment.presets.ts';
import { SHOPIFY_ORDERS, WOOCOMMERCE_ADVANCED_LINES, WOOCOMMERCE_ADVANCED_ORDERS, WOOCOMMERCE_CSV_EXPORT, WOOCOMMERCE_LINES, WOOCOMMERCE_ORDERS } from './shop.presets.ts';
import type { SourcePreset } from './source-preset.ts';

/**
 * The export layouts Rapport recognises from a file's header, most specific first (a layout
 * whose signature holds another's is tried before it).
 */
export const SOURCE_PRESETS: SourcePreset[] = [
  SHOPIFY_ORDERS, WOOCOMMERCE_ADVANCED_LINES, WOOCOMMERCE_ADVANCED_ORDERS, WOOCOMMERCE_CSV_EXPORT, WOOCOMMERCE_LINES, WOOCOMMERCE_ORDERS, STRIPE_PAYMENTS, SQUARE_ITEMS, SQUARE_TRANSACTIONS, PAYPAL_ACTIVITY, ONEC_SALES_DOCUMENTS, ONEC_SALES_REGISTER,
];

export interface DetectedSource {
  preset: SourcePreset;
  mapping: ColumnMapping;
  read: Partial<TransactionReadSettings>;
  /** The layout's notes, and how this file is read beyond them (a title that says the rows are returns). */
  notes: string;
  returnsTitle: string | null;
}

/** Share of a layout's signature a header must have for a missing column to be reported rather than the layout ignored. */
const NEARLY = 0.7;

/**
 * The layout a header is in, with its mapping onto the file's own header names; null when it
 * is none of them. A header that has most of a layout's signature but not a column the layout
 * needs is refused, naming the system and the column: reading it generically would be wrong.
 */
export function detectSource(headers: string[], titles: string[] = []): DetectedSource | null {
  const byKey = new Map(headers.map((h) => [headerKey(h), h]));
  const has = (name: string) => byKey.get(headerKey(name));
  let nearest: { preset: SourcePreset; missing: string[]; share: number } | null = null;
  for (const preset of SOURCE_PRESETS) {
    const missing = preset.signature.filter((name) => !has(name));
    if (missing.length === 0) return detected(preset, presetMapping(preset, has), titles);
    const share = 1 - missing.length / preset.signature.length;
    if (share >= NEARLY && (!nearest || share > nearest.share)) nearest = { preset, missing, share };
  }
  if (nearest) {
    const names = nearest.missing.map((m) => `"${m}"`).join(', ');
    throw badRequest('import.source_column_missing', `This looks like a ${nearest.preset.system} export, but it has no ${names} column${nearest.missing.length > 1 ? 's' : ''} (export it again with all columns, or map the columns yourself)`, { system: nearest.preset.system, missing: nearest.missing });
  }
  return null;
}

/** A layout by its id (a saved or requested preset). */
export function sourcePreset(id: string): SourcePreset | undefined {
  return SOURCE_PRESETS.find((p) => p.id === id);
}

function presetMapping(preset: SourcePreset, has: (name: string) => string | undefined): ColumnMapping {
  const mapping: ColumnMapping = {};
  for (const [field, header] of Object.entries(preset.mapping) as [TransactionField, string][]) {
    const found = has(header) ?? preset.alternatives?.[field]?.map(has).find((h) => h !== undefined);
    if (found !== undefined) mapping[field] = found;
  }
  const missing = preset.required.filter((f) => mapping[f] === undefined);
  if (missing.length > 0) {
    const names = missing.map((f) => `"${preset.mapping[f]}"`).join(', ');
    throw badRequest('import.source_column_missing', `This looks like a ${preset.system} export, but it has no ${names} column${missing.length > 1 ? 's' : ''}`, { system: preset.system, missing: missing.map((f) => preset.mapping[f]) });
  }
  return mapping;
}

function detected(preset: SourcePreset, mapping: ColumnMapping, titles: string[]): DetectedSource {
  const read: Partial<TransactionReadSettings> = { refundPrefixes: [], statuses: preset.statuses, carryForward: false, ...preset.read };
  const title = preset.returnsTitle ? titles.find((t) => preset.returnsTitle!.test(t)) : undefined;
  if (title === undefined) return { preset, mapping, read, notes: preset.notes, returnsTitle: null };
  const shown = title.slice(0, 80);
  return { preset, mapping, read: { ...read, allRefunds: true }, notes: `${preset.notes} The title "${shown}" says these are returns: every row is read as a refund.`, returnsTitle: shown };
}
