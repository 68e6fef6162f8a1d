import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe } from 'vitest';
import { openDatabase, type Database } from './connection.ts';
import type { DialectName } from './dialect.ts';
import { migrateToLatest } from './migrator.ts';

/**
 * The dialects the database suites run on: always SQLite (a file in a temporary folder, from
 * the real migrations); PostgreSQL too when RAPPORT_TEST_DATABASE_URL is set. Each suite gets a
 * database of its own, dropped afterwards — tests never assume an empty server.
 */
export const testDialects: DialectName[] = process.env.RAPPORT_TEST_DATABASE_URL ? ['sqlite', 'postgres'] : ['sqlite'];

export interface TestDatabase {
  database: Database;
  drop(): Promise<void>;
}

export async function createTestDatabase(dialect: DialectName): Promise<TestDatabase> {
  if (dialect === 'sqlite') {
    // A file, as in use (imports write it from a second connection on another thread).
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-test-'));
    const database = openDatabase({ sqlitePath: path.join(dir, 'rapport.db') });
    await migrateToLatest(database);
    return {
      database,
      drop: async () => {
        await database.close();
        try {
          fs.rmSync(dir, { recursive: true, force: true });
        } catch (error) {
          // Something still wrote there after the close (a connection left open?): say what.
          throw new Error(`${(error as Error).message}; left in it: ${fs.existsSync(dir) ? fs.readdirSync(dir).join(', ') : 'nothing'}`, { cause: error });
        }
      },
    };
  }
  const adminUrl = process.env.RAPPORT_TEST_DATABASE_URL;
  if (!adminUrl) throw new Error('RAPPORT_TEST_DATABASE_URL is not set');
  const name = `rapport_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  await withAdminClient(adminUrl, (client) => client.query(`create database ${name}`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = openDatabase({ url: url.toString() });
  await migrateToLatest(database);
  return {
    database,
    drop: async () => {
      await database.close();
      await withAdminClient(adminUrl, (client) => client.query(`drop database if exists ${name} with (force)`));
    },
  };
}

async function withAdminClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * Runs `suite` once per test dialect with a fresh, migrated database.
 * `get()` returns it inside tests and hooks.
 */
export function describeEachDatabase(name: string, suite: (get: () => Database, dialect: DialectName) => void): void {
  for (const dialect of testDialects) {
    describe(`${name} [${dialect}]`, () => {
      let test: TestDatabase | undefined;
      beforeAll(async () => {
        test = await createTestDatabase(dialect);
      });
      afterAll(async () => {
        await test?.drop();
      });
      suite(() => {
        if (!test) throw new Error('test database not ready');
        return test.database;
      }, dialect);
    });
  }
}
