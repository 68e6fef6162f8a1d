import { sql, type Kysely } from 'kysely';
import { columnTypes, type DialectName } from '../dialect.ts';

/**
 * Purchases and getting data in: the transaction ledger (sales and refunds, with optional
 * line items kept with their transaction), customers' external ids (the first key an import matches on), import jobs
 * with their rejected rows, and saved column mappings.
 */
export function transactionsImports(dialect: DialectName) {
  const t = columnTypes(dialect);
  const money = dialect === 'postgres' ? 'bigint' : 'integer';
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema.alterTable('customers').addColumn('external_id', 'text').execute();
      await db.schema.createIndex('customers_external_id_unique').on('customers').columns(['workspace_id', 'external_id']).unique().execute();

      await db.schema
        .createTable('transactions')
        .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
        .addColumn('id', 'text', (c) => c.notNull())
        // Null: the "unknown customer" bucket (imported rows that name no customer).
        .addColumn('customer_id', 'text')
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('occurred_at', t.timestamp, (c) => c.notNull())
        // Signed integer minor units: a refund is negative, so a sum is the net value.
        .addColumn('amount_minor', money, (c) => c.notNull())
        .addColumn('currency', 'text', (c) => c.notNull())
        .addColumn('cost_minor', money)
        .addColumn('channel', 'text')
        .addColumn('campaign', 'text')
        .addColumn('external_id', 'text')
        .addColumn('note', 'text')
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('import_id', 'text')
        // What an import wrote, so that importing the same rows again changes nothing.
        .addColumn('content_hash', 'text')
        // Line items as a JSON array of [position, productCode, description, quantity,
        // unitPrice, amountMinor] (see transactions.repository.ts). One row per purchase, not
        // per line: an import of half a million invoice lines writes 26,000 rows (ADR 0005).
        .addColumn('lines', t.json)
        .addColumn('line_count', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_by', 'text')
        .addColumn('created_at', t.timestamp, (c) => c.notNull())
        .addColumn('updated_at', t.timestamp, (c) => c.notNull())
        .addPrimaryKeyConstraint('transactions_pk', ['workspace_id', 'id'])
        .addForeignKeyConstraint('transactions_customer_fk', ['workspace_id', 'customer_id'], 'customers', ['workspace_id', 'id'])
        .addCheckConstraint('transactions_kind_check', sql`kind in ('sale', 'refund')`)
        .addCheckConstraint('transactions_source_check', sql`source in ('manual', 'import', 'api')`)
        .execute();
      await db.schema.createIndex('transactions_external_id_unique').on('transactions').columns(['workspace_id', 'external_id']).unique().execute();
      await db.schema.createIndex('transactions_customer_idx').on('transactions').columns(['workspace_id', 'customer_id', 'occurred_at']).execute();
      await db.schema.createIndex('transactions_time_idx').on('transactions').columns(['workspace_id', 'occurred_at']).execute();
      await db.schema.createIndex('transactions_import_idx').on('transactions').columns(['workspace_id', 'import_id']).execute();

      await db.schema
        .createTable('imports')
        .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
        .addColumn('id', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('file_name', 'text', (c) => c.notNull())
        .addColumn('file_path', 'text')
        .addColumn('file_size', money, (c) => c.notNull().defaultTo(0))
        .addColumn('file_sha256', 'text')
        // JSON: format (encoding, delimiter, sheet, header), column mapping, options.
        .addColumn('settings', t.json, (c) => c.notNull())
        .addColumn('rows_total', 'integer')
        .addColumn('rows_done', 'integer', (c) => c.notNull().defaultTo(0))
        // JSON: created / updated / unchanged / rejected counts and the like.
        .addColumn('counts', t.json, (c) => c.notNull())
        .addColumn('error', 'text')
        .addColumn('created_by', 'text')
        .addColumn('created_at', t.timestamp, (c) => c.notNull())
        .addColumn('started_at', t.timestamp)
        .addColumn('heartbeat_at', t.timestamp)
        .addColumn('finished_at', t.timestamp)
        .addPrimaryKeyConstraint('imports_pk', ['workspace_id', 'id'])
        .addCheckConstraint('imports_kind_check', sql`kind in ('customers', 'transactions')`)
        .execute();
      await db.schema.createIndex('imports_created_idx').on('imports').columns(['workspace_id', 'created_at']).execute();

      await db.schema
        .createTable('import_rejections')
        .addColumn('workspace_id', 'text', (c) => c.notNull())
        .addColumn('import_id', 'text', (c) => c.notNull())
        .addColumn('row_number', 'integer', (c) => c.notNull())
        // JSON: the row's cells as read, and [{ column, value, code, message }].
        .addColumn('cells', t.json, (c) => c.notNull())
        .addColumn('problems', t.json, (c) => c.notNull())
        .addPrimaryKeyConstraint('import_rejections_pk', ['workspace_id', 'import_id', 'row_number'])
        .addForeignKeyConstraint('import_rejections_import_fk', ['workspace_id', 'import_id'], 'imports', ['workspace_id', 'id'], (c) => c.onDelete('cascade'))
        .execute();

      await db.schema
        .createTable('import_mappings')
        .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
        .addColumn('id', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        // The normalised headers it was made for, to offer it again for the next such file.
        .addColumn('headers_key', 'text', (c) => c.notNull())
        .addColumn('mapping', t.json, (c) => c.notNull())
        .addColumn('created_at', t.timestamp, (c) => c.notNull())
        .addPrimaryKeyConstraint('import_mappings_pk', ['workspace_id', 'id'])
        .addUniqueConstraint('import_mappings_name_unique', ['workspace_id', 'kind', 'name'])
        .execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      for (const table of ['import_mappings', 'import_rejections', 'imports', 'transactions']) await db.schema.dropTable(table).execute();
      await db.schema.dropIndex('customers_external_id_unique').execute();
      await db.schema.alterTable('customers').dropColumn('external_id').execute();
    },
  };
}
