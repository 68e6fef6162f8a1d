import { sql, type Kysely } from 'kysely';
import { defaultSourceRows } from '../../modules/sources/default-sources.ts';
import type { DB } from '../schema.ts';
import { columnTypes, type DialectName } from '../dialect.ts';

/**
 * Where customers came from: a workspace's sources in two levels (channel → source), and each
 * customer's acquisition source and date. Workspaces that exist already get the default set
 * in their language, as new ones do.
 */
export function acquisitionSources(dialect: DialectName) {
  const t = columnTypes(dialect);
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('sources')
        .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
        .addColumn('id', 'text', (c) => c.notNull())
        .addColumn('channel', 'text', (c) => c.notNull())
        .addColumn('channel_key', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('name_key', 'text', (c) => c.notNull())
        .addColumn('created_at', t.timestamp, (c) => c.notNull())
        .addPrimaryKeyConstraint('sources_pk', ['workspace_id', 'id'])
        .addUniqueConstraint('sources_name_uq', ['workspace_id', 'channel_key', 'name_key'])
        .execute();
      await db.schema.alterTable('customers').addColumn('source_id', 'text').execute();
      await db.schema.alterTable('customers').addColumn('acquired_on', 'text').execute();
      await db.schema.createIndex('customers_source_idx').on('customers').columns(['workspace_id', 'source_id']).execute();
      const workspaces = await sql<{ id: string; locale: string; created_at: string }>`select id, locale, created_at from workspaces`.execute(db);
      for (const w of workspaces.rows) {
        await (db as Kysely<DB>).insertInto('sources').values(defaultSourceRows(w.id, w.locale, new Date(w.created_at))).execute();
      }
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropIndex('customers_source_idx').execute();
      await db.schema.alterTable('customers').dropColumn('acquired_on').execute();
      await db.schema.alterTable('customers').dropColumn('source_id').execute();
      await db.schema.dropTable('sources').execute();
    },
  };
}
