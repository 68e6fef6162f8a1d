import { Command } from 'commander';
import { purchasesChanged } from '../modules/analytics/analytics-jobs.ts';
import { undoImport } from '../modules/imports/import-undo.usecases.ts';
import { systemClock } from '../shared/clock.ts';
import { withDatabase } from './database.ts';
import { pickWorkspace } from './workspace-option.ts';

/** `rapport import undo ID`: what an import created is removed, what it changed put back. */
export function importUndoCommand(): Command {
  return new Command('undo')
    .description('undo an import: remove the transactions and customers it created, put back what it changed (in one transaction)')
    .argument('<id>', 'the import (its id is printed by `rapport import --json` and shown on its page)')
    .option('-w, --workspace <id or name>', 'the workspace (needed when there are several)')
    .option('--json', 'print the outcome as JSON')
    .action(async (id: string, options: { workspace?: string; json?: boolean }) => {
      await withDatabase(async (database) => {
        const workspaceId = await pickWorkspace(database, options.workspace);
        const deps = { db: database.db, clock: systemClock };
        const outcome = await undoImport(deps, workspaceId, id, null);
        await purchasesChanged(deps, workspaceId, null);
        if (options.json) console.log(JSON.stringify(outcome, null, 2));
        else console.log(`Import ${id} undone: ${outcome.transactionsRemoved.toLocaleString('en')} transactions removed, ${outcome.transactionsRestored.toLocaleString('en')} put back as they were; ${outcome.customersRemoved.toLocaleString('en')} customers removed${outcome.customersKept ? `, ${outcome.customersKept.toLocaleString('en')} kept (they have purchases or people from elsewhere now)` : ''}.`);
      });
    });
}
