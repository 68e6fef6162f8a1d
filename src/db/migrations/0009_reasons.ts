import { sql, type Kysely } from 'kysely';
import { defaultReasonRows } from '../../modules/reasons/default-reasons.ts';
import type { DB } from '../schema.ts';
import { columnTypes, type DialectName } from '../dialect.ts';

/**
 * Why customers choose us and why they leave: a workspace's reasons of two kinds, each
 * customer's recorded reasons (with the day, who recorded it and their own words), and
 * "lost" as a person marked it, with an exit reason. Existing workspaces get the default
 * reasons in their language, as new ones do.
 */
export function reasons(dialect: DialectName) {
  const t = columnTypes(dialect);
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('reasons')
        .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
        .addColumn('id', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('name_key', 'text', (c) => c.notNull())
        .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', t.timestamp, (c) => c.notNull())
        .addPrimaryKeyConstraint('reasons_pk', ['workspace_id', 'id'])
        .addUniqueConstraint('reasons_name_uq', ['workspace_id', 'kind', 'name_key'])
        .execute();
      await db.schema
        .createTable('customer_reasons')
        .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
        .addColumn('id', 'text', (c) => c.notNull())
        .addColumn('customer_id', 'text', (c) => c.notNull())
        .addColumn('reason_id', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('noted_on', 'text', (c) => c.notNull())
        .addColumn('recorded_by', 'text')
        .addColumn('via', 'text', (c) => c.notNull())
        .addColumn('words', 'text')
        .addColumn('created_at', t.timestamp, (c) => c.notNull())
        .addPrimaryKeyConstraint('customer_reasons_pk', ['workspace_id', 'id'])
        .addForeignKeyConstraint('customer_reasons_customer_fk', ['workspace_id', 'customer_id'], 'customers', ['workspace_id', 'id'], (c) => c.onDelete('cascade'))
        .addForeignKeyConstraint('customer_reasons_reason_fk', ['workspace_id', 'reason_id'], 'reasons', ['workspace_id', 'id'])
        .execute();
      await db.schema.createIndex('customer_reasons_customer_idx').on('customer_reasons').columns(['workspace_id', 'customer_id', 'noted_on']).execute();
      await db.schema.createIndex('customer_reasons_reason_idx').on('customer_reasons').columns(['workspace_id', 'reason_id']).execute();
      await db.schema.createIndex('customer_reasons_kind_idx').on('customer_reasons').columns(['workspace_id', 'kind', 'noted_on']).execute();
      await db.schema.alterTable('customers').addColumn('lost_at', t.timestamp).execute();
      await db.schema.alterTable('customers').addColumn('lost_reason_id', 'text').execute();
      await db.schema.alterTable('customers').addColumn('lost_note', 'text').execute();
      const workspaces = await sql<{ id: string; locale: string; created_at: string }>`select id, locale, created_at from workspaces`.execute(db);
      for (const w of workspaces.rows) {
        await (db as Kysely<DB>).insertInto('reasons').values(defaultReasonRows(w.id, w.locale, new Date(w.created_at))).execute();
      }
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.alterTable('customers').dropColumn('lost_note').execute();
      await db.schema.alterTable('customers').dropColumn('lost_reason_id').execute();
      await db.schema.alterTable('customers').dropColumn('lost_at').execute();
      await db.schema.dropTable('customer_reasons').execute();
      await db.schema.dropTable('reasons').execute();
    },
  };
}
