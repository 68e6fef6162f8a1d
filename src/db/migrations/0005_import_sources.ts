import type { Kysely } from 'kysely';
import { columnTypes, type DialectName } from '../dialect.ts';

/**
 * Imports of real exports: shipping and payment fees kept apart from what the customer spent,
 * and what each import changed (the customers it created, the transactions it changed, as they
 * were before), so that an import can be undone; an undone import keeps its record.
 */
export function importSources(dialect: DialectName) {
  const t = columnTypes(dialect);
  const money = dialect === 'postgres' ? 'bigint' : 'integer';
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema.alterTable('transactions').addColumn('shipping_minor', money).execute();
      await db.schema.alterTable('transactions').addColumn('fee_minor', money).execute();
      await db.schema.alterTable('imports').addColumn('undone_at', t.timestamp).execute();
      await db.schema
        .createTable('import_changes')
        .addColumn('workspace_id', 'text', (c) => c.notNull())
        .addColumn('import_id', 'text', (c) => c.notNull())
        .addColumn('entity', 'text', (c) => c.notNull())
        .addColumn('entity_id', 'text', (c) => c.notNull())
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('before', t.json)
        .addPrimaryKeyConstraint('import_changes_pk', ['workspace_id', 'import_id', 'entity', 'entity_id'])
        .addForeignKeyConstraint('import_changes_import_fk', ['workspace_id', 'import_id'], 'imports', ['workspace_id', 'id'], (c) => c.onDelete('cascade'))
        .execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropTable('import_changes').execute();
      await db.schema.alterTable('imports').dropColumn('undone_at').execute();
      await db.schema.alterTable('transactions').dropColumn('fee_minor').execute();
      await db.schema.alterTable('transactions').dropColumn('shipping_minor').execute();
    },
  };
}
