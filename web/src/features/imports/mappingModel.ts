import type { TransactionField } from '@contracts/imports.ts';

/** Field → the header of the column it is read from (transaction fields, or a customers file's fields). */
export type Mapping<F extends string = TransactionField> = Partial<Record<F, string>>;

/** The field a column is read as, or null when it is ignored. */
export function fieldOfColumn<F extends string = TransactionField>(mapping: Mapping<F>, header: string): F | null {
  for (const [field, mapped] of Object.entries(mapping) as [F, string | undefined][]) if (mapped === header) return field;
  return null;
}

/**
 * Reads `header` as `field` (or ignores it, with null). A field comes from one column only:
 * the column that had it before is ignored from now on.
 */
export function withColumnField<F extends string = TransactionField>(mapping: Mapping<NoInfer<F>>, header: string, field: NoInfer<F> | null): Mapping<F> {
  const next: Mapping<F> = {};
  for (const [key, mapped] of Object.entries(mapping) as [F, string | undefined][]) {
    if (mapped !== undefined && mapped !== header && key !== field) next[key] = mapped;
  }
  if (field) next[field] = header;
  return next;
}

/** Headers compared as the server compares them: no case, spaces, punctuation or ё. */
export function headerKey(header: string): string {
  return header.toLowerCase().replace(/ё/g, 'е').replace(/[^\p{L}\p{N}]+/gu, '');
}

/**
 * A saved mapping applied to this file: saved mappings are offered for files whose headers
 * match loosely ("Order No" and "order no."), so each header is looked up the same way.
 */
export function applySavedMapping(saved: Mapping, headers: readonly string[]): Mapping {
  const byKey = new Map(headers.map((header) => [headerKey(header), header]));
  const next: Mapping = {};
  for (const [field, header] of Object.entries(saved) as [TransactionField, string | undefined][]) {
    const match = header === undefined ? undefined : byKey.get(headerKey(header));
    if (match !== undefined) next[field] = match;
  }
  return next;
}

/** What the import cannot start without: a date, and an amount, a unit price or an order total (as the server checks). */
export function missingFields(mapping: Mapping): TransactionField[] {
  const missing: TransactionField[] = [];
  if (!mapping.date) missing.push('date');
  if (!mapping.amount && !mapping.unitPrice && !mapping.orderTotal) missing.push('amount');
  return missing;
}

/** A few distinct, non-empty values of a column, to recognise it by. */
export function sampleValues(rows: readonly { cells: readonly string[] }[], index: number, count = 3): string[] {
  const values = new Set<string>();
  for (const row of rows) {
    const value = row.cells[index]?.trim();
    if (value) values.add(value);
    if (values.size >= count) break;
  }
  return [...values];
}
