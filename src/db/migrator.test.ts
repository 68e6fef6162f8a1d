import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { appliedMigrations, migrateToLatest } from './migrator.ts';
import { describeEachDatabase } from './testing.ts';
import { migrations } from './migrations/registry.ts';

describeEachDatabase('migrations', (db, dialect) => {
  it('are all applied, and a second run applies none', async () => {
    expect(await appliedMigrations(db())).toEqual(Object.keys(migrations(dialect)));
    expect(await migrateToLatest(db())).toEqual({ applied: [] });
  });

  it('key every tenant table by workspace_id first', async () => {
    const tenantTables = ['users', 'api_keys', 'customers'];
    for (const table of tenantTables) {
      const columns =
        dialect === 'sqlite'
          ? (await sql<{ name: string; pk: number }>`select name, pk from pragma_table_info(${table})`.execute(db().db)).rows
              .filter((c) => c.pk > 0)
              .toSorted((x, y) => x.pk - y.pk)
              .map((c) => c.name)
          : (
              await sql<{ column_name: string }>`
                select a.attname as column_name from pg_index i
                join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey)
                where i.indrelid = ${table}::regclass and i.indisprimary
                order by array_position(i.indkey, a.attnum)`.execute(db().db)
            ).rows.map((c) => c.column_name);
      expect(columns, table).toEqual(['workspace_id', 'id']);
    }
  });

  it('enforce foreign keys', async () => {
    const insert = db()
      .db.insertInto('users')
      .values({
        workspace_id: 'no-such-workspace',
        id: 'u1',
        email: 'fk@example.com',
        name: 'x',
        role: 'member',
        password_hash: 'x',
        locale: 'en',
        disabled_at: null,
        created_at: '2026-01-01T00:00:00.000Z',
        updated_at: '2026-01-01T00:00:00.000Z',
      })
      .execute();
    await expect(insert).rejects.toThrow(/foreign key/i);
  });
});
