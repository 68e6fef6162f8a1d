import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, sqliteFileOf, type Database } from './connection.ts';
import { openSqliteWriter, type SqliteWriter } from './sqlite-writer.ts';

const bodies = async (db: Database['db']) => (await sql<{ body: string }>`select body from notes order by id`.execute(db)).rows.map((r) => r.body);

/** The writer thread against a real SQLite file, beside the app's own connection to it. */
describe('SQLite writer thread', () => {
  let dir: string;
  let app: Database;
  let writer: SqliteWriter;

  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-writer-'));
    app = openDatabase({ sqlitePath: path.join(dir, 'rapport.db') });
    await sql`create table notes (id integer primary key, body text not null unique)`.execute(app.db);
    writer = openSqliteWriter(sqliteFileOf(app.db)!);
  });

  afterEach(async () => {
    await writer.close();
    await app.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });


  it('fails, not hangs, when its thread cannot open the file', async () => {
    const broken = openSqliteWriter(path.join(dir, 'no such folder', 'rapport.db'));
    await expect(broken.db.transaction().execute((trx) => bodies(trx))).rejects.toThrow(/directory does not exist|unable to open/i);
    await broken.close();
  });

  it('is known only for SQLite files', () => {
    expect(sqliteFileOf(app.db)).toBe(path.join(dir, 'rapport.db'));
    expect(sqliteFileOf(openDatabase({ sqlitePath: ':memory:' }).db)).toBeNull();
  });

  it('reads its own writes inside a transaction; the app sees them once the commit has held', async () => {
    await writer.db.transaction().execute(async (trx) => {
      await sql`insert into notes (body) values ('first'), ('second')`.execute(trx);
      expect(await bodies(trx)).toEqual(['first', 'second']);
      expect(await bodies(app.db)).toEqual([]); // not committed yet
    });
    await writer.flush();
    expect(await bodies(app.db)).toEqual(['first', 'second']);
  });

  it('rolls back a transaction whose write failed, throws at the next read, and goes on afterwards', async () => {
    await sql`insert into notes (body) values ('taken')`.execute(app.db);
    const failed = writer.db.transaction().execute(async (trx) => {
      await sql`insert into notes (body) values ('kept only if all is well')`.execute(trx);
      await sql`insert into notes (body) values ('taken')`.execute(trx); // queued: fails on the other thread
      await bodies(trx); // the failure arrives here
    });
    await expect(failed).rejects.toMatchObject({ code: 'SQLITE_CONSTRAINT_UNIQUE' });
    expect(await bodies(app.db)).toEqual(['taken']);

    await writer.db.transaction().execute((trx) => sql`insert into notes (body) values ('later')`.execute(trx));
    await writer.flush();
    expect(await bodies(app.db)).toEqual(['taken', 'later']);
  });

  it('throws a failed commit at flush, when nothing read after the failure', async () => {
    await sql`insert into notes (body) values ('taken')`.execute(app.db);
    await writer.db.transaction().execute((trx) => sql`insert into notes (body) values ('taken')`.execute(trx));
    await expect(writer.flush()).rejects.toMatchObject({ code: 'SQLITE_CONSTRAINT_UNIQUE' });
    expect(await bodies(app.db)).toEqual(['taken']);
  });

  it('throws a failed commit at the next commit, before anything after it is committed', async () => {
    await sql`insert into notes (body) values ('taken')`.execute(app.db);
    await writer.db.transaction().execute((trx) => sql`insert into notes (body) values ('taken')`.execute(trx));
    const next = writer.db.transaction().execute((trx) => sql`insert into notes (body) values ('after the failure')`.execute(trx));
    await expect(next).rejects.toMatchObject({ code: 'SQLITE_CONSTRAINT_UNIQUE' });
    await writer.flush();
    expect(await bodies(app.db)).toEqual(['taken']);
  });
});
