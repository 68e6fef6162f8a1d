import { Migrator } from 'kysely';
import { expect, it } from 'vitest';
import { DEFAULT_SOURCES } from '../../contracts/sources.ts';
import { migrations } from '../../db/migrations/registry.ts';
import { migrateToLatest } from '../../db/migrator.ts';
import { describeEachDatabase } from '../../db/testing.ts';

describeEachDatabase('sources migration', (db, dialect) => {
  it('gives a workspace that existed before it the default set in its language', async () => {
    const migrator = new Migrator({ db: db().db, provider: { getMigrations: async () => migrations(dialect) } });
    const down = await migrator.migrateTo('0005_import_sources');
    expect(down.error).toBeUndefined();
    expect(down.results?.at(-1)).toMatchObject({ migrationName: '0006_acquisition_sources', direction: 'Down', status: 'Success' });
    const at = '2025-01-02T03:04:05.000Z';
    await db().db.insertInto('workspaces').values({ id: 'old-ru', name: 'Старая лавка', base_currency: 'RUB', locale: 'ru', time_zone: 'Europe/Moscow', created_at: at, updated_at: at }).execute();
    expect((await migrateToLatest(db())).applied[0]).toBe('0006_acquisition_sources');
    const rows = await db().db.selectFrom('sources').select(['channel', 'name']).where('workspace_id', '=', 'old-ru').execute();
    expect(rows).toHaveLength(DEFAULT_SOURCES.reduce((n, g) => n + g.sources.length, 0));
    expect(rows).toContainEqual({ channel: 'Рекомендация', name: 'Друг или родственник' });
    expect(rows).toContainEqual({ channel: 'Офлайн', name: 'Вывеска' });
  });
});
