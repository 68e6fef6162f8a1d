import { toDbTime } from '../../db/dialect.ts';
import type { CustomerHistoryTable } from '../../db/schema.ts';
import { conflict, notFound } from '../../shared/errors.ts';
import { newId } from '../../shared/ids.ts';
import { createTransactionsRepository } from '../transactions/transactions.repository.ts';
import { createImportChangesRepository } from './import-changes.repository.ts';
import { createImportsRepository } from './imports.repository.ts';
import type { ImportDeps } from './imports.usecases.ts';

export interface UndoOutcome {
  transactionsRemoved: number;
  transactionsRestored: number;
  customersRemoved: number;
  /** Customers the import created that have purchases from elsewhere since (or employees): kept. */
  customersKept: number;
}

/**
 * Undoes an import, in one database transaction: the transactions it created are removed, the
 * ones it changed are put back as they were, and the customers it created are removed unless
 * something else holds on to them now. The import keeps its record, marked undone with what the
 * undo did; each removed customer's history says so.
 */
export async function undoImport(deps: ImportDeps, workspaceId: string, importId: string, actorId: string | null): Promise<UndoOutcome> {
  return deps.db.transaction().execute(async (trx) => {
    const imports = createImportsRepository(trx);
    const record = await imports.getImport(workspaceId, importId);
    if (!record) throw notFound('import');
    if (record.undone_at) throw conflict('import.already_undone', `Import ${importId} was already undone (${record.undone_at})`);
    if ((record.settings as { dryRun?: boolean } | null)?.dryRun === true) throw conflict('import.dry_run', `Import ${importId} was a dry run: it wrote nothing, so there is nothing to undo`);
    if (record.status === 'running' || record.status === 'queued') throw conflict('import.running', `Import ${importId} is still running: stop it (or let it finish) before undoing it`);
    const changes = createImportChangesRepository(trx);
    const recorded = await changes.changesOf(workspaceId, importId);
    const touched = new Set(await changes.customersOfImport(workspaceId, importId));
    const transactionsRemoved = await changes.deleteTransactionsOfImport(workspaceId, importId);
    let transactionsRestored = 0;
    for (const c of recorded) {
      if (c.entity !== 'transaction' || c.action !== 'updated' || !c.before) continue;
      await changes.restoreTransaction(workspaceId, c.before);
      if (typeof c.before.customer_id === 'string') touched.add(c.before.customer_id);
      transactionsRestored++;
    }
    const created = recorded.filter((c) => c.entity === 'customer' && c.action === 'created').map((c) => c.entity_id);
    const removable = await changes.withoutPurchases(workspaceId, created);
    const now = toDbTime(deps.clock.now());
    const history: CustomerHistoryTable[] = removable.map((id) => ({ workspace_id: workspaceId, id: newId(), customer_id: id, actor_id: actorId, at: now, action: 'deleted', field: 'import', old_value: importId, new_value: 'undone' }));
    await changes.deleteCustomers(workspaceId, removable);
    await changes.recordHistory(history);
    const gone = new Set(removable);
    await createTransactionsRepository(trx).refreshPurchaseDates(workspaceId, [...touched].filter((id) => !gone.has(id)));
    const outcome = { transactionsRemoved, transactionsRestored, customersRemoved: removable.length, customersKept: created.length - removable.length };
    await imports.updateImport(workspaceId, importId, { undone_at: now, counts: { ...(record.counts as object), undo: outcome } });
    return outcome;
  });
}
