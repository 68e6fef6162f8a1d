import { PostgresAdapter, type Kysely } from 'kysely';
import { jsonArrayFrom as pgJsonArrayFrom, jsonObjectFrom as pgJsonObjectFrom } from 'kysely/helpers/postgres';
import { jsonArrayFrom as sqliteJsonArrayFrom, jsonObjectFrom as sqliteJsonObjectFrom } from 'kysely/helpers/sqlite';

/**
 * Every difference between SQLite and PostgreSQL that the rest of the code must know
 * about lives here (see docs/adr/0002-data-layer.md). Anything else is plain Kysely.
 */
export type DialectName = 'sqlite' | 'postgres';

export interface ColumnTypes {
  /** Instants: ISO-8601 UTC text on SQLite, timestamptz on PostgreSQL; both read back as ISO strings. */
  timestamp: 'text' | 'timestamptz';
  /** Calendar dates (birthdays, business days) as `YYYY-MM-DD`. */
  date: 'text' | 'date';
  /** Free-form JSON documents. */
  json: 'text' | 'jsonb';
}

export function columnTypes(dialect: DialectName): ColumnTypes {
  return dialect === 'postgres'
    ? { timestamp: 'timestamptz', date: 'date', json: 'jsonb' }
    : { timestamp: 'text', date: 'text', json: 'text' };
}

/** Which database a Kysely instance (or transaction) talks to. */
export function dialectOf(db: Pick<Kysely<never>, 'getExecutor'>): DialectName {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}

/** A correlated subquery as a JSON array of its rows, in the dialect's own JSON functions. */
export function jsonArrayFrom<O>(dialect: DialectName, subquery: Parameters<typeof sqliteJsonArrayFrom<O>>[0]) {
  return dialect === 'postgres' ? pgJsonArrayFrom(subquery) : sqliteJsonArrayFrom(subquery);
}

/** A correlated subquery's one row as a JSON object (null without a row). */
export function jsonObjectFrom<O>(dialect: DialectName, subquery: Parameters<typeof sqliteJsonObjectFrom<O>>[0]) {
  return dialect === 'postgres' ? pgJsonObjectFrom(subquery) : sqliteJsonObjectFrom(subquery);
}

/** A JSON column as the driver returns it (SQLite: text; PostgreSQL: parsed) → parsed. */
export function parseJsonColumn<T>(value: unknown): T {
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}

/** True when a write failed on a UNIQUE or PRIMARY KEY constraint. */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/** Stored form of an instant. Always through here, so SQLite's text timestamps sort correctly. */
export function toDbTime(date: Date): string {
  return date.toISOString();
}
