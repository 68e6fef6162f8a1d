import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { badRequest } from '../shared/errors.ts';
import { redactUrl } from './connection.ts';

/**
 * A consistent copy of a live SQLite database through SQLite's online backup API: it
 * copies pages under a read transaction, so writers keep going and the copy is a
 * snapshot of one moment. The copy is integrity-checked before it is reported.
 */
export async function backupSqlite(source: string, destination: string): Promise<{ bytes: number }> {
  if (!fs.existsSync(source)) throw badRequest('backup.no_database', `There is no database at ${source} yet`);
  if (fs.existsSync(destination)) throw badRequest('backup.exists', `${destination} already exists; choose another --out`);
  fs.mkdirSync(path.dirname(destination), { recursive: true });
  const db = new SqliteDatabase(source, { readonly: true, fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    await db.backup(destination);
  } finally {
    db.close();
  }
  const copy = new SqliteDatabase(destination, { readonly: true });
  try {
    const check = copy.pragma('integrity_check', { simple: true });
    if (check !== 'ok') throw new Error(`The backup failed its integrity check: ${String(check)}`);
  } finally {
    copy.close();
  }
  return { bytes: fs.statSync(destination).size };
}

/** The pg_dump line for a PostgreSQL deployment (the password stays in the environment, not the line). */
export function pgDumpCommand(databaseUrl: string, now: Date): string {
  const stamp = now.toISOString().slice(0, 10);
  const safe = redactUrl(databaseUrl).includes('***') ? `"$DATABASE_URL"` : `'${databaseUrl}'`;
  return `pg_dump --format=custom --no-owner --file=rapport-${stamp}.dump ${safe}`;
}
