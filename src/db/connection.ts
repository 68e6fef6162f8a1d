import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import pg from 'pg';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import type { DialectName } from './dialect.ts';
import { configureSqlite } from './sqlite-pragmas.js';
import { withStatementCache } from './statement-cache.ts';
import type { DB } from './schema.ts';

// PostgreSQL sends bigint and timestamps as strings; read them as the SQLite side does:
// bigint as a JS number (money in minor units stays far below 2^53), instants as ISO strings.
pg.types.setTypeParser(20, Number);
pg.types.setTypeParser(1184, (v) => new Date(v).toISOString());
pg.types.setTypeParser(1114, (v) => new Date(`${v}Z`).toISOString());
pg.types.setTypeParser(1082, (v) => v); // date stays 'YYYY-MM-DD', as on SQLite

export interface Database {
  db: Kysely<DB>;
  dialect: DialectName;
  /** Human-readable location, never with a password. */
  location: string;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** postgres:// URL; when absent, SQLite at sqlitePath. */
  url?: string | undefined;
  /** File path or ':memory:'. */
  sqlitePath?: string;
}

export function openDatabase(options: DatabaseOptions): Database {
  if (options.url) return openPostgres(options.url);
  return openSqlite(options.sqlitePath ?? ':memory:');
}

const sqliteFiles = new WeakMap<Kysely<DB>, string>();

/** The SQLite file behind a Kysely instance from openDatabase (null for PostgreSQL and in-memory databases): for a second connection to it. */
export function sqliteFileOf(db: Kysely<DB>): string | null {
  return sqliteFiles.get(db) ?? null;
}

function openSqlite(file: string): Database {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const connection = new SqliteDatabase(file);
  configureSqlite(connection);
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: withStatementCache(connection) }) });
  if (file !== ':memory:') sqliteFiles.set(db, path.resolve(file));
  return { db, dialect: 'sqlite', location: file, close: () => db.destroy() };
}

function openPostgres(url: string): Database {
  // JIT compilation off: it costs a report query more (about 0.4 s at 100,000 customers) than it
  // can win on queries of this size; the server's default turns it on above a plan cost they reach.
  const pool = new pg.Pool({ connectionString: url, max: 10, options: '-c jit=off' });
  // An idle connection closed by the server (restart, failover, admin) must not crash the
  // process: the pool drops that client and the next query opens a new one.
  pool.on('error', () => {});
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return { db, dialect: 'postgres', location: redactUrl(url), close: () => db.destroy() };
}

export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'postgres (unparseable URL)';
  }
}

/** A cheap round trip, for /healthz. */
export async function pingDatabase(database: Database): Promise<number> {
  const started = performance.now();
  await sql`select 1`.execute(database.db);
  return Math.round((performance.now() - started) * 100) / 100;
}
