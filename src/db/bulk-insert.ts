import { CompiledQuery, type Kysely } from 'kysely';
import { dialectOf } from './dialect.ts';
import type { DB } from './schema.ts';

/**
 * Inserts many rows with few statements and no query building per row: on SQLite a
 * multi-row VALUES list (up to its 32,766 bound variables a statement, prepared once per
 * shape), on PostgreSQL one `unnest` of a typed array per column. For imports, where
 * Kysely's builder cost more than the database's own work.
 */
export type ColumnKind = 'text' | 'integer' | 'bigint' | 'double' | 'timestamp' | 'date' | 'json';

// JSON goes as text (a JSON text per row) and is cast per value: an array of jsonb does not travel as one parameter.
const PG_ARRAY: Record<ColumnKind, string> = { text: 'text[]', integer: 'integer[]', bigint: 'bigint[]', double: 'double precision[]', timestamp: 'timestamptz[]', date: 'date[]', json: 'text[]' };

export type ColumnKinds<T extends keyof DB> = { [K in keyof DB[T] & string]: ColumnKind };

export async function bulkInsert<T extends keyof DB & string>(db: Kysely<DB>, table: T, kinds: ColumnKinds<T>, rows: DB[T][]): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(kinds) as (keyof DB[T] & string)[];
  const names = columns.map((c) => `"${c}"`).join(', ');
  if (dialectOf(db as unknown as Kysely<never>) === 'postgres') {
    for (let start = 0; start < rows.length; start += 10_000) {
      const chunk = rows.slice(start, start + 10_000);
      const arrays = columns.map((c) => chunk.map((r) => jsonText(r[c] as unknown, kinds[c])));
      const unnest = columns.map((c, i) => `$${i + 1}::${PG_ARRAY[kinds[c]]}`).join(', ');
      const select = columns.map((c, i) => (kinds[c] === 'json' ? `u.c${i}::jsonb` : `u.c${i}`)).join(', ');
      await db.executeQuery(CompiledQuery.raw(`insert into "${table}" (${names}) select ${select} from unnest(${unnest}) as u(${columns.map((_, i) => `c${i}`).join(', ')})`, arrays));
    }
    return;
  }
  // Statements of a few fixed sizes (a full one, then powers of two for the rest), so each
  // shape is prepared once and reused from the statement cache.
  const full = Math.min(500, Math.max(1, Math.floor(32_000 / columns.length)));
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  let start = 0;
  while (start < rows.length) {
    const left = rows.length - start;
    const size = left >= full ? full : 2 ** Math.floor(Math.log2(left));
    const params: unknown[] = Array.from({ length: size * columns.length });
    let k = 0;
    for (let r = start; r < start + size; r++) {
      const row = rows[r]!;
      for (const c of columns) params[k++] = jsonText(row[c] as unknown, kinds[c]);
    }
    await db.executeQuery(CompiledQuery.raw(`insert into "${table}" (${names}) values ${Array.from({ length: size }, () => tuple).join(', ')}`, params));
    start += size;
  }
}

/** A JSON column's value as JSON text (both databases take text); other values as they are. */
function jsonText(value: unknown, kind: ColumnKind): unknown {
  if (value === undefined || value === null) return null;
  return kind === 'json' && typeof value !== 'string' ? JSON.stringify(value) : value;
}
