import { normalizeText } from '../../shared/text.ts';

/**
 * The values of a file that placed nowhere (a source nobody has, a referrer no customer is),
 * each once with the rows that carry it: the first spelling met, how many rows, the first few.
 */
export interface Unplaced {
  field: string;
  column: string;
  value: string;
  rows: number;
  exampleRows: number[];
  candidates?: { id: string; label: string }[];
}

const MAX_VALUES = 500;
const EXAMPLES = 5;
const indexes = new WeakMap<Unplaced[], Map<string, Unplaced>>();
const keyOf = (e: { field: string; value: string }) => `${e.field}\u0000${normalizeText(e.value)}`;

/** Adds to a list kept in the import's counts (so a resumed import goes on counting). */
export function createUnplacedList<T extends Unplaced>(list: T[]) {
  let index = indexes.get(list);
  if (!index) {
    index = new Map(list.map((e) => [keyOf(e), e]));
    indexes.set(list, index);
  }
  const known = index;
  return {
    add(entry: { field: string; column: string; value: string }, row: number, candidates?: { id: string; label: string }[]): void {
      const found = known.get(keyOf(entry));
      if (found) {
        found.rows++;
        if (found.exampleRows.length < EXAMPLES && !found.exampleRows.includes(row)) found.exampleRows.push(row);
        return;
      }
      if (list.length >= MAX_VALUES) return;
      const added = { ...entry, rows: 1, exampleRows: [row], ...(candidates && { candidates }) } as T;
      list.push(added);
      known.set(keyOf(entry), added);
    },
  };
}

/** Most rows first, as the unknown codes of a transactions import are listed. */
export function byRows<T extends Unplaced>(list: T[]): T[] {
  return list.toSorted(mostRowsFirst);
}

function mostRowsFirst(a: Unplaced, b: Unplaced): number {
  return b.rows - a.rows || a.value.localeCompare(b.value);
}

/** Two lists as one (a resubmission's values added to its import's). */
export function mergeUnplaced<T extends Unplaced>(into: T[], more: T[]): T[] {
  const copy = (e: T): T => ({ ...e, exampleRows: [...e.exampleRows] });
  const out = into.map(copy);
  const byKey = new Map(out.map((e) => [keyOf(e), e]));
  for (const e of more) {
    const before = byKey.get(keyOf(e));
    if (!before) {
      if (out.length >= MAX_VALUES) continue;
      const added = copy(e);
      out.push(added);
      byKey.set(keyOf(added), added);
      continue;
    }
    before.rows += e.rows;
    for (const row of e.exampleRows) if (before.exampleRows.length < EXAMPLES && !before.exampleRows.includes(row)) before.exampleRows.push(row);
  }
  return byRows(out);
}
