import { sql, type Kysely } from 'kysely';
import { dialectOf, parseJsonColumn } from '../../db/dialect.ts';
import type { DB, ImportMappingsTable, ImportRejectionsTable, ImportsTable } from '../../db/schema.ts';
import { chunked } from '../transactions/transactions.repository.ts';

export type ImportRow = ImportsTable;

export function createImportsRepository(db: Kysely<DB>) {
  return {
    async insertImport(row: ImportRow): Promise<void> {
      await db.insertInto('imports').values({ ...row, settings: JSON.stringify(row.settings), counts: JSON.stringify(row.counts) }).execute();
    },

    async getImport(workspaceId: string, id: string): Promise<ImportRow | undefined> {
      const row = await db.selectFrom('imports').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
      return row && { ...row, settings: parseJsonColumn(row.settings), counts: parseJsonColumn(row.counts) };
    },

    /** An import of the same file that did not finish (killed half-way): it is resumed, not started again. */
    async unfinishedOf(workspaceId: string, sha256: string): Promise<ImportRow | undefined> {
      const row = await db
        .selectFrom('imports')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('file_sha256', '=', sha256)
        .where('status', 'in', ['queued', 'running'])
        .orderBy('created_at', 'desc')
        .executeTakeFirst();
      return row && { ...row, settings: parseJsonColumn(row.settings), counts: parseJsonColumn(row.counts) };
    },

    /** The finished imports of the same file (not undone), newest first: a new reading of it must not add to what they wrote. */
    async doneOf(workspaceId: string, sha256: string, kind: ImportRow['kind']): Promise<ImportRow[]> {
      const rows = await db
        .selectFrom('imports')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('file_sha256', '=', sha256)
        .where('kind', '=', kind)
        .where('status', '=', 'done')
        .where('undone_at', 'is', null)
        .orderBy('created_at', 'desc')
        .execute();
      return rows.map((row) => ({ ...row, settings: parseJsonColumn(row.settings), counts: parseJsonColumn(row.counts) }));
    },

    async listImports(workspaceId: string, limit: number): Promise<ImportRow[]> {
      const rows = await db.selectFrom('imports').selectAll().where('workspace_id', '=', workspaceId).orderBy('created_at', 'desc').limit(limit).execute();
      return rows.map((row) => ({ ...row, settings: parseJsonColumn(row.settings), counts: parseJsonColumn(row.counts) }));
    },

    async updateImport(workspaceId: string, id: string, patch: Partial<Omit<ImportRow, 'workspace_id' | 'id'>>): Promise<void> {
      const values = { ...patch } as Record<string, unknown>;
      if (patch.counts !== undefined) values.counts = JSON.stringify(patch.counts);
      if (patch.settings !== undefined) values.settings = JSON.stringify(patch.settings);
      await db.updateTable('imports').set(values).where('workspace_id', '=', workspaceId).where('id', '=', id).execute();
    },

    /** Rejected rows; a row rejected again (resubmitted, still wrong) keeps its latest reasons. */
    async saveRejections(rows: ImportRejectionsTable[]): Promise<void> {
      for (const chunk of chunked(rows, 5)) {
        await db
          .insertInto('import_rejections')
          .values(chunk.map((r) => ({ ...r, cells: JSON.stringify(r.cells), problems: JSON.stringify(r.problems) })))
          .onConflict((oc) => oc.columns(['workspace_id', 'import_id', 'row_number']).doUpdateSet((eb) => ({ cells: eb.ref('excluded.cells'), problems: eb.ref('excluded.problems') })))
          .execute();
      }
    },

    async deleteRejections(workspaceId: string, importId: string, rowNumbers: number[]): Promise<void> {
      for (const chunk of chunked(rowNumbers, 1)) {
        await db.deleteFrom('import_rejections').where('workspace_id', '=', workspaceId).where('import_id', '=', importId).where('row_number', 'in', chunk).execute();
      }
    },

    async rejections(workspaceId: string, importId: string, afterRow: number, limit: number) {
      const rows = await db
        .selectFrom('import_rejections')
        .select(['row_number', 'cells', 'problems'])
        .where('workspace_id', '=', workspaceId)
        .where('import_id', '=', importId)
        .where('row_number', '>', afterRow)
        .orderBy('row_number')
        .limit(limit)
        .execute();
      return rows.map((r) => ({ row_number: r.row_number, cells: parseJsonColumn<string[]>(r.cells), problems: parseJsonColumn<{ column: string | null; value: string | null; code: string; message: string }[]>(r.problems) }));
    },

    /** Takes a job to run: queued, or running with its last sign of life before `staleBefore`. */
    async claim(workspaceId: string, id: string, now: string, staleBefore: string): Promise<boolean> {
      const result = await db
        .updateTable('imports')
        .set({ status: 'running', heartbeat_at: now })
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', id)
        .where((eb) => eb.or([eb('status', '=', 'queued'), eb.and([eb('status', '=', 'running'), eb.or([eb('heartbeat_at', 'is', null), eb('heartbeat_at', '<', staleBefore)])])]))
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    /** Jobs of every workspace left queued, or running without a heartbeat since `staleBefore`. */
    async abandoned(staleBefore: string): Promise<{ workspace_id: string; id: string }[]> {
      return db
        .selectFrom('imports')
        .select(['workspace_id', 'id'])
        .where((eb) => eb.or([eb('status', '=', 'queued'), eb.and([eb('status', '=', 'running'), eb.or([eb('heartbeat_at', 'is', null), eb('heartbeat_at', '<', staleBefore)])])]))
        .execute();
    },

    async saveMapping(row: ImportMappingsTable): Promise<void> {
      await db
        .insertInto('import_mappings')
        .values({ ...row, mapping: JSON.stringify(row.mapping) })
        .onConflict((oc) => oc.columns(['workspace_id', 'kind', 'name']).doUpdateSet((eb) => ({ mapping: eb.ref('excluded.mapping'), headers_key: eb.ref('excluded.headers_key') })))
        .execute();
    },

    async mappingsFor(workspaceId: string, kind: 'customers' | 'transactions', headersKey: string) {
      const rows = await db.selectFrom('import_mappings').selectAll().where('workspace_id', '=', workspaceId).where('kind', '=', kind).where('headers_key', '=', headersKey).orderBy('created_at', 'desc').execute();
      return rows.map((r) => ({ ...r, mapping: parseJsonColumn(r.mapping) }));
    },

    /** Planner statistics of the tables an import fills (PostgreSQL only; SQLite plans each statement afresh). */
    async refreshStatistics(): Promise<void> {
      if (dialectOf(db as unknown as Kysely<never>) !== 'postgres') return;
      await sql`analyze customers, customer_contacts, transactions`.execute(db);
    },

    async countRejections(workspaceId: string, importId: string): Promise<number> {
      const row = await db
        .selectFrom('import_rejections')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('workspace_id', '=', workspaceId)
        .where('import_id', '=', importId)
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
  };
}
