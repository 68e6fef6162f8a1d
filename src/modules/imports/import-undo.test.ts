import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../db/testing.ts';
import { systemClock } from '../../shared/clock.ts';
import { createWorkspace } from '../workspaces/workspaces.usecases.ts';
import { inspectTransactionsFile } from './import-inspection.ts';
import { undoImport } from './import-undo.usecases.ts';
import { createImport, runImport, type ImportDeps } from './imports.usecases.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-import-undo-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

// Two files of one shop: January's orders, then an export that repeats order 1002 with one more line and adds 1003.
const JANUARY = ['Order,Date,Email,Product,Qty,Price', '1001,2026-01-05,ann@example.com,Mug,2,10.00', '1002,2026-01-06,bob@example.com,Pot,1,20.00', ''].join('\n');
const FEBRUARY = ['Order,Date,Email,Product,Qty,Price', '1002,2026-01-06,bob@example.com,Pot,1,20.00', '1002,2026-01-06,bob@example.com,Lid,1,5.00', '1003,2026-02-01,cy@example.com,Cup,3,4.00', ''].join('\n');

describeEachDatabase('undoing an import, and importing a file again read differently', (get, dialect) => {
  async function setup(name: string) {
    const db = get().db;
    const { workspaceId } = await createWorkspace({ db, dialect, clock: systemClock }, { workspaceName: name, baseCurrency: 'EUR', locale: 'en', timeZone: 'UTC', ownerName: 'O', email: `${name}-${dialect}@example.com`, password: 'correct horse battery' });
    const deps: ImportDeps = { db, clock: systemClock };
    const importFile = async (file: string, map: Record<string, string> = {}, replace = false) => {
      const { settings } = await inspectTransactionsFile(deps, workspaceId, file, { adjustMapping: (proposed) => ({ ...proposed, ...map }) });
      const record = await createImport(deps, workspaceId, null, file, settings, path.basename(file), { replace });
      const outcome = await runImport(deps, { workspaceId, importId: record.id, actorId: null, filePath: file, settings, dryRun: false });
      return { id: record.id, outcome };
    };
    const ledger = async () =>
      (await db.selectFrom('transactions').select(['external_id', 'amount_minor', 'line_count']).where('workspace_id', '=', workspaceId).orderBy('external_id').execute()).map((t) => [t.external_id, Number(t.amount_minor), t.line_count]);
    const customers = async () => (await db.selectFrom('customers').select('display_name').where('workspace_id', '=', workspaceId).orderBy('display_name').execute()).map((c) => c.display_name);
    return { db, workspaceId, deps, importFile, ledger, customers };
  }

  it('removes what an import created and puts back what it changed, in one go, and says so', async () => {
    const { workspaceId, deps, importFile, ledger, customers } = await setup('undo');
    const jan = path.join(dir, `jan-${dialect}.csv`);
    const feb = path.join(dir, `feb-${dialect}.csv`);
    fs.writeFileSync(jan, JANUARY);
    fs.writeFileSync(feb, FEBRUARY);
    await importFile(jan);
    const afterJanuary = await ledger();
    expect(afterJanuary).toEqual([['1001', 2000, 1], ['1002', 2000, 1]]);
    const second = await importFile(feb);
    expect(await ledger()).toEqual([['1001', 2000, 1], ['1002', 2500, 2], ['1003', 1200, 1]]);
    expect(await customers()).toEqual(['ann@example.com', 'bob@example.com', 'cy@example.com']);

    const outcome = await undoImport(deps, workspaceId, second.id, null);
    expect(outcome).toEqual({ transactionsRemoved: 1, transactionsRestored: 1, customersRemoved: 1, customersKept: 0 });
    expect(await ledger()).toEqual(afterJanuary);
    expect(await customers()).toEqual(['ann@example.com', 'bob@example.com']);
    await expect(undoImport(deps, workspaceId, second.id, null)).rejects.toMatchObject({ code: 'import.already_undone' });
  });

  it('refuses to undo a dry run, which wrote nothing', async () => {
    const { workspaceId, deps, ledger } = await setup('dry');
    const file = path.join(dir, `dry-${dialect}.csv`);
    fs.writeFileSync(file, JANUARY);
    const { settings } = await inspectTransactionsFile(deps, workspaceId, file);
    const record = await createImport(deps, workspaceId, null, file, { ...settings, dryRun: true }, path.basename(file));
    await runImport(deps, { workspaceId, importId: record.id, actorId: null, filePath: file, settings, dryRun: true });
    expect(await ledger()).toEqual([]);
    await expect(undoImport(deps, workspaceId, record.id, null)).rejects.toMatchObject({ code: 'import.dry_run' });
  });

  it('refuses to import a file again read differently, unless told to replace the first import', async () => {
    const { importFile, ledger } = await setup('again');
    const file = path.join(dir, `again-${dialect}.csv`);
    fs.writeFileSync(file, JANUARY);
    await importFile(file);
    // The same reading again changes nothing.
    const same = await importFile(file);
    expect(same.outcome.counts).toMatchObject({ transactionsCreated: 0, transactionsUnchanged: 2 });
    // Read differently (the product column left out): refused, naming the earlier import.
    await expect(importFile(file, { description: undefined as unknown as string })).rejects.toMatchObject({ code: 'import.already_imported' });
    await importFile(file, { description: undefined as unknown as string }, true);
    expect(await ledger()).toEqual([['1001', 2000, 1], ['1002', 2000, 1]]);
  });
});
