import type { ColumnMapping, TransactionField } from '../import-fields.ts';
import type { StatusRules } from '../status-rules.ts';
import type { TransactionReadSettings } from '../transaction-rows.ts';

/**
 * An export layout Rapport knows: the system it comes from, the headers that identify it, how
 * its columns map to fields, and how its rows are read (statuses, order-level values, dates).
 */
export interface SourcePreset {
  id: string;
  /** As shown: "Shopify orders". */
  system: string;
  /** Headers that identify the layout: all of them are in the file's header. */
  signature: string[];
  /** Field → header, as the system writes it (columns missing from a file are left unmapped unless required). */
  mapping: ColumnMapping;
  /** Other headers a field is read from when the first is not in the file. */
  alternatives?: Partial<Record<TransactionField, string[]>>;
  /** Fields without which the layout cannot be read: a file that has the signature but not these columns is refused, naming them. */
  required: TransactionField[];
  /** Values of the status (and event type) columns and what they mean. */
  statuses: StatusRules;
  read?: Partial<Pick<TransactionReadSettings, 'dateFormat' | 'decimal' | 'timeZone' | 'carryForward' | 'statusIgnoreCase' | 'skipZeroAmount' | 'returnsShareOrderId' | 'feeCurrencyHeader'>>;
  /** A report title above the header that says every row is a return (1C prints positive amounts under «Возврат товаров от покупателя»). */
  returnsTitle?: RegExp;
  /** How the layout is read, for the documentation and the wizard. */
  notes: string;
}
