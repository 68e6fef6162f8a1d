import { sql, type Kysely } from 'kysely';
import { postgresFoldFunction } from '../../shared/fold-sql.ts';
import { columnTypes, type DialectName } from '../dialect.ts';

/**
 * Segments and reports: saved filters (dynamic, or a snapshot whose members are frozen, some
 * kept back as a holdout), a daily measurement of each segment's size and revenue, a campaign's
 * target segment and response window, the workspace's report settings (JSON), and on
 * PostgreSQL the text folding function that SQLite registers per connection.
 */
export function segments(dialect: DialectName) {
  const t = columnTypes(dialect);
  const money = dialect === 'postgres' ? 'bigint' : 'integer';
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      if (dialect === 'postgres') await sql.raw(postgresFoldFunction()).execute(db);
      await db.schema
        .createTable('segments')
        .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
        .addColumn('id', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('name_key', 'text', (c) => c.notNull())
        .addColumn('description', 'text')
        .addColumn('filter', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('frozen_at', t.timestamp)
        .addColumn('created_by', 'text')
        .addColumn('created_at', t.timestamp, (c) => c.notNull())
        .addColumn('updated_at', t.timestamp, (c) => c.notNull())
        .addPrimaryKeyConstraint('segments_pk', ['workspace_id', 'id'])
        .addUniqueConstraint('segments_name_uq', ['workspace_id', 'name_key'])
        .addCheckConstraint('segments_kind_check', sql`kind in ('dynamic', 'snapshot')`)
        .execute();
      await db.schema
        .createTable('segment_members')
        .addColumn('workspace_id', 'text', (c) => c.notNull())
        .addColumn('segment_id', 'text', (c) => c.notNull())
        .addColumn('customer_id', 'text', (c) => c.notNull())
        .addColumn('holdout', 'integer', (c) => c.notNull().defaultTo(0))
        .addPrimaryKeyConstraint('segment_members_pk', ['workspace_id', 'segment_id', 'customer_id'])
        .addForeignKeyConstraint('segment_members_segment_fk', ['workspace_id', 'segment_id'], 'segments', ['workspace_id', 'id'], (c) => c.onDelete('cascade'))
        .addForeignKeyConstraint('segment_members_customer_fk', ['workspace_id', 'customer_id'], 'customers', ['workspace_id', 'id'], (c) => c.onDelete('cascade'))
        .execute();
      await db.schema.createIndex('segment_members_customer_idx').on('segment_members').columns(['workspace_id', 'customer_id']).execute();
      await db.schema
        .createTable('segment_stats')
        .addColumn('workspace_id', 'text', (c) => c.notNull())
        .addColumn('segment_id', 'text', (c) => c.notNull())
        .addColumn('day', 'text', (c) => c.notNull())
        .addColumn('customers', 'integer', (c) => c.notNull())
        .addColumn('revenue_365', money, (c) => c.notNull())
        .addColumn('total_revenue_365', money, (c) => c.notNull())
        .addPrimaryKeyConstraint('segment_stats_pk', ['workspace_id', 'segment_id', 'day'])
        .addForeignKeyConstraint('segment_stats_segment_fk', ['workspace_id', 'segment_id'], 'segments', ['workspace_id', 'id'], (c) => c.onDelete('cascade'))
        .execute();
      await db.schema.alterTable('campaigns').addColumn('target_segment_id', 'text').execute();
      await db.schema.alterTable('campaigns').addColumn('response_days', 'integer').execute();
      await db.schema
        .createTable('report_settings')
        .addColumn('workspace_id', 'text', (c) => c.notNull().primaryKey().references('workspaces.id').onDelete('cascade'))
        .addColumn('settings', 'text', (c) => c.notNull())
        .addColumn('updated_at', t.timestamp, (c) => c.notNull())
        .execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      for (const table of ['report_settings', 'segment_stats', 'segment_members', 'segments']) await db.schema.dropTable(table).execute();
      await db.schema.alterTable('campaigns').dropColumn('response_days').execute();
      await db.schema.alterTable('campaigns').dropColumn('target_segment_id').execute();
      if (dialect === 'postgres') await sql`drop function if exists rapport_fold(text)`.execute(db);
    },
  };
}
