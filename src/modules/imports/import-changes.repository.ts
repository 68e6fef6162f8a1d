import type { Kysely } from 'kysely';
import { parseJsonColumn } from '../../db/dialect.ts';
import type { CustomerHistoryTable, DB, ImportChangesTable, TransactionsTable } from '../../db/schema.ts';
import { chunked } from '../transactions/transactions.repository.ts';

/** What an import changed (for its undo), and the undo's own reads and writes. */
export function createImportChangesRepository(db: Kysely<DB>) {
  return {
    /** Records changes; the first record of a row wins (it holds the row as it was before the import). */
    async record(rows: ImportChangesTable[]): Promise<void> {
      for (const chunk of chunked(rows, 6)) {
        await db
          .insertInto('import_changes')
          .values(chunk.map((r) => ({ ...r, before: r.before === null ? null : JSON.stringify(r.before) })))
          .onConflict((oc) => oc.columns(['workspace_id', 'import_id', 'entity', 'entity_id']).doNothing())
          .execute();
      }
    },

    /** The full rows of these transactions, as they are now (before an import changes them). */
    async transactionsByIds(workspaceId: string, ids: string[]): Promise<TransactionsTable[]> {
      const out: TransactionsTable[] = [];
      for (const chunk of chunked(ids, 1)) out.push(...(await db.selectFrom('transactions').selectAll().where('workspace_id', '=', workspaceId).where('id', 'in', chunk).execute()));
      return out;
    },

    async changesOf(workspaceId: string, importId: string) {
      const rows = await db.selectFrom('import_changes').selectAll().where('workspace_id', '=', workspaceId).where('import_id', '=', importId).execute();
      return rows.map((r) => ({ ...r, before: r.before === null ? null : parseJsonColumn<Record<string, unknown>>(r.before) }));
    },

    /** Customers whose purchases these transactions are (to refresh their dates once they are gone). */
    async customersOfImport(workspaceId: string, importId: string): Promise<string[]> {
      const rows = await db.selectFrom('transactions').select('customer_id').distinct().where('workspace_id', '=', workspaceId).where('import_id', '=', importId).where('customer_id', 'is not', null).execute();
      return rows.map((r) => r.customer_id!);
    },

    async deleteTransactionsOfImport(workspaceId: string, importId: string): Promise<number> {
      await db.deleteFrom('coupon_redemptions').where('workspace_id', '=', workspaceId)
        .where('transaction_id', 'in', db.selectFrom('transactions').select('id').where('workspace_id', '=', workspaceId).where('import_id', '=', importId)).execute();
      const result = await db.deleteFrom('transactions').where('workspace_id', '=', workspaceId).where('import_id', '=', importId).executeTakeFirst();
      return Number(result.numDeletedRows);
    },

    async restoreTransaction(workspaceId: string, before: Record<string, unknown>): Promise<void> {
      const { workspace_id: _w, id, ...columns } = before;
      const lines = columns.lines;
      await db
        .updateTable('transactions')
        .set({ ...columns, lines: lines === null || typeof lines === 'string' ? lines : JSON.stringify(lines) } as never)
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', id as string)
        .execute();
    },

    /** Of these customers, those with no purchases and no employees left: what an undo may remove. */
    async withoutPurchases(workspaceId: string, ids: string[]): Promise<string[]> {
      const out: string[] = [];
      for (const chunk of chunked(ids, 1)) {
        const rows = await db
          .selectFrom('customers as c')
          .select('c.id')
          .where('c.workspace_id', '=', workspaceId)
          .where('c.id', 'in', chunk)
          .where(({ not, exists, selectFrom }) => not(exists(selectFrom('transactions as t').select('t.id').whereRef('t.workspace_id', '=', 'c.workspace_id').whereRef('t.customer_id', '=', 'c.id'))))
          .where(({ not, exists, selectFrom }) => not(exists(selectFrom('employments as e').select('e.person_id').whereRef('e.workspace_id', '=', 'c.workspace_id').whereRef('e.organisation_id', '=', 'c.id').where('e.person_id', 'not in', chunk))))
          .execute();
        out.push(...rows.map((r) => r.id));
      }
      return out;
    },

    async recordHistory(rows: CustomerHistoryTable[]): Promise<void> {
      for (const chunk of chunked(rows, 9)) await db.insertInto('customer_history').values(chunk).execute();
    },

    async deleteCustomers(workspaceId: string, ids: string[]): Promise<void> {
      for (const chunk of chunked(ids, 1)) await db.deleteFrom('customers').where('workspace_id', '=', workspaceId).where('id', 'in', chunk).execute();
    },
  };
}
