/**
 * One import of a file into a fresh database, in its own process so that its peak memory is
 * its own: prints one JSON line {seconds, peakMiB, counts}. Used by import.bench.ts.
 *   node --import tsx bench/import-run.ts <file> <sqlite path | postgres url>
 */
import { openDatabase } from '../src/db/connection.ts';
import { migrateToLatest } from '../src/db/migrator.ts';
import { createImport, runImport } from '../src/modules/imports/imports.usecases.ts';
import { inspectTransactionsFile } from '../src/modules/imports/import-inspection.ts';
import { createWorkspace } from '../src/modules/workspaces/workspaces.usecases.ts';
import { systemClock } from '../src/shared/clock.ts';

const [file, target] = process.argv.slice(2) as [string, string];
const database = target.startsWith('postgres') ? openDatabase({ url: target }) : openDatabase({ sqlitePath: target });
await migrateToLatest(database);
const { workspaceId } = await createWorkspace({ db: database.db, dialect: database.dialect, clock: systemClock }, {
  workspaceName: 'Bench', baseCurrency: 'GBP', locale: 'en', timeZone: 'UTC', ownerName: 'Bench', email: `bench-${process.pid}@example.com`, password: 'benchmark passphrase',
});
const deps = { db: database.db, clock: systemClock };
const started = performance.now();
const inspection = await inspectTransactionsFile(deps, workspaceId, file);
const record = await createImport(deps, workspaceId, null, file, inspection.settings);
const outcome = await runImport(deps, { workspaceId, importId: record.id, actorId: null, filePath: file, settings: inspection.settings, dryRun: false });
const seconds = (performance.now() - started) / 1000;
await database.close();
console.log(JSON.stringify({ seconds, peakMiB: process.resourceUsage().maxRSS / 1024, counts: outcome.counts }));
