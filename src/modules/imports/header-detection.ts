import { parseDecimal } from './number-values.ts';
import { parseDateParts } from './date-values.ts';

type CellKind = 'empty' | 'number' | 'date' | 'email' | 'text';

function kindOf(cell: string): CellKind {
  const v = cell.trim();
  if (v === '') return 'empty';
  if (parseDateParts(v, 'iso') || parseDateParts(v, 'dmy') || parseDateParts(v, 'mdy')) return 'date';
  if (parseDecimal(v, '.') !== null || parseDecimal(v, ',') !== null) return 'number';
  if (/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(v)) return 'email';
  return 'text';
}

/**
 * Whether the first row names the columns: it does when, in some column, the first cell is
 * text while the rows below hold numbers, dates or emails; it does not when every first
 * cell is of the kind its column holds (a file of numbers without a header). A file of
 * nothing but text is taken to have a header, as spreadsheets almost always do.
 */
export function looksLikeHeader(rows: string[][]): boolean {
  if (rows.length < 2) return rows.length === 1 && rows[0]!.every((c) => kindOf(c) === 'text' || kindOf(c) === 'empty');
  const first = rows[0]!;
  const body = rows.slice(1, 101);
  let typedColumns = 0;
  for (let col = 0; col < first.length; col++) {
    const kinds = body.map((r) => kindOf(r[col] ?? '')).filter((k) => k !== 'empty');
    if (kinds.length === 0) continue;
    const counts = new Map<CellKind, number>();
    for (const k of kinds) counts.set(k, (counts.get(k) ?? 0) + 1);
    const [dominant, n] = [...counts.entries()].toSorted((a, b) => b[1] - a[1])[0]!;
    if (dominant === 'text' || n < kinds.length * 0.8) continue;
    typedColumns++;
    const head = kindOf(first[col] ?? '');
    if (head === 'text') return true;
  }
  if (typedColumns > 0) return false;
  return first.every((c) => kindOf(c) === 'text' || kindOf(c) === 'empty');
}
