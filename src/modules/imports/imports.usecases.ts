import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Kysely } from 'kysely';
import { sqliteFileOf } from '../../db/connection.ts';
import { toDbTime } from '../../db/dialect.ts';
import { openSqliteWriter } from '../../db/sqlite-writer.ts';
import type { DB } from '../../db/schema.ts';
import type { Clock } from '../../shared/clock.ts';
import { crashPoint } from '../../shared/crash-points.ts';
import { conflict } from '../../shared/errors.ts';
import { newId } from '../../shared/ids.ts';
import { linkPurchaseCodes } from '../campaigns/purchase-codes.ts';
import { undoImport } from './import-undo.usecases.ts';
import { createCustomerImporter, type CustomerReadSettings } from './customers-import.ts';
import { createImportsRepository, type ImportRow } from './imports.repository.ts';
import { sampleTable, streamTable, TableReadError, type DelimitedFormat, type TableRow } from './table-reader.ts';
import type { TransactionReadSettings } from './transaction-rows.ts';
import { createTransactionImporter, type TransactionImportOptions } from './transactions-import.ts';
import { emptyCounts, rejectionRows, type ImportCounts, type Rejection } from './import-run.ts';

export interface ImportDeps {
  db: Kysely<DB>;
  clock: Clock;
}

/** Everything an import needs to read its file again: stored with the import, so it can resume. */
export interface TransactionImportSettings {
  kind: 'transactions';
  format: DelimitedFormat;
  read: TransactionReadSettings;
  options: TransactionImportOptions;
}

export interface CustomerImportSettings {
  kind: 'customers';
  format: DelimitedFormat;
  read: CustomerReadSettings;
}

export type ImportSettings = TransactionImportSettings | CustomerImportSettings;

export interface ImportProgress {
  rowsDone: number;
  bytesRead: number;
  bytesTotal: number;
  counts: ImportCounts;
}

export interface ImportOutcome {
  importId: string | null;
  /** stopped: asked to stop before the end (the import stays running, to be resumed). */
  status: 'done' | 'failed' | 'stopped';
  counts: ImportCounts;
  error: string | null;
  /** The first rejected rows (all of them are stored with the import). */
  rejections: Rejection[];
  resumedAfterRow: number;
  /** What was read around rather than refused (an unclosed quote). */
  warnings: string[];
}

/** Creates the import's record (or finds the unfinished one of the same file, to resume it). */
export async function createImport(
  deps: ImportDeps,
  workspaceId: string,
  actorId: string | null,
  filePath: string,
  settings: ImportSettings & { dryRun?: boolean },
  fileName = path.basename(filePath),
  options: { fresh?: boolean; replace?: boolean } = {},
): Promise<ImportRow> {
  const repo = createImportsRepository(deps.db);
  const sha256 = await fileSha256(filePath);
  const unfinished = options.fresh ? undefined : await repo.unfinishedOf(workspaceId, sha256);
  if (unfinished && canonicalJson(unfinished.settings) === canonicalJson(settings)) return unfinished;
  if (!settings.dryRun) await replaceEarlierReading(deps, workspaceId, actorId, sha256, settings, options.replace === true);
  const row: ImportRow = {
    workspace_id: workspaceId, id: newId(), kind: settings.kind, status: 'queued', file_name: fileName, file_path: filePath, file_size: fs.statSync(filePath).size,
    file_sha256: sha256, settings, rows_total: null, rows_done: 0, counts: emptyCounts(), error: null, created_by: actorId,
    created_at: toDbTime(deps.clock.now()), started_at: null, heartbeat_at: null, finished_at: null, undone_at: null,
  };
  await repo.insertImport(row);
  return row;
}

/** What is held in memory at a time: small enough that a batch's rows die young (cheap to collect). */
const ROWS_PER_BATCH = Number(process.env.RAPPORT_IMPORT_ROWS_PER_BATCH) || 2_000;
/** What is committed at a time (the pages every batch touches are written once a commit); the app's connection waits that long. */
const ROWS_PER_COMMIT = Number(process.env.RAPPORT_IMPORT_ROWS_PER_COMMIT) || 20_000;

/**
 * Runs an import to the end (or a dry run: everything but the writes). Each batch and the
 * import's progress commit together; a resumed import skips the rows already committed.
 */
export async function runImport(
  deps: ImportDeps,
  job: { workspaceId: string; importId: string | null; actorId: string | null; filePath: string; settings: ImportSettings; dryRun: boolean; counts?: ImportCounts },
  onProgress?: (progress: ImportProgress) => void,
  /** Asks the import to stop at its next batch: what is committed stays, and the import is left to resume. */
  signal?: AbortSignal,
): Promise<ImportOutcome> {
  const counts = job.counts ? { ...job.counts } : emptyCounts();
  const resumedAfterRow = counts.lastRow;
  if (resumedAfterRow === 0 && job.settings.format.headerRow) await noteLinesAbove(job.filePath, job.settings.format, counts);
  const context = { clock: deps.clock, workspaceId: job.workspaceId, importId: job.importId, actorId: job.actorId };
  const importer: { processBatch: ReturnType<typeof createTransactionImporter>['processBatch']; settle?: (db: Kysely<DB>) => Promise<void>; finish?: (counts: ImportCounts) => Promise<void>; ownTransactions?: true } =
    job.settings.kind === 'customers' ? createCustomerImporter({ ...context, db: deps.db }, job.settings.read, job.dryRun) : createTransactionImporter(context, job.settings.read, job.settings.options, job.dryRun);
  const repo = createImportsRepository(deps.db);
  const kept: Rejection[] = [];
  const stream = streamTable(job.filePath, job.settings.format, ROWS_PER_BATCH);
  const progress = () => ({ rows_done: counts.rows, counts: { ...counts, bytesRead: stream.bytesRead() }, heartbeat_at: toDbTime(deps.clock.now()) });
  if (job.importId) await repo.updateImport(job.workspaceId, job.importId, { status: 'running', started_at: toDbTime(deps.clock.now()) });
  let readError: TableReadError | null = null;
  const batches = stream.batches[Symbol.asyncIterator]();
  /** The next rows not imported yet; null at the end of the file, or at a read error (kept for the outcome). */
  const nextBatch = async (): Promise<TableRow[] | null> => {
    try {
      for (let next = await batches.next(); !next.done; next = await batches.next()) {
        const batch = resumedAfterRow > 0 ? next.value.filter((r) => r.number > resumedAfterRow) : next.value;
        if (batch.length > 0) return batch;
      }
    } catch (e) {
      if (!(e instanceof TableReadError)) throw e;
      readError = e;
    }
    return null;
  };
  let batchesDone = 0;
  // PostgreSQL plans its foreign-key checks once per connection, when the tables may still be
  // nearly empty (a sequential scan); fresh statistics make it plan them again, with the index.
  // Cheap while the tables are small; after a few doublings the plans hold.
  const refreshStatistics = async (imports: ReturnType<typeof createImportsRepository>) => {
    batchesDone++;
    if (!job.dryRun && (batchesDone & (batchesDone - 1)) === 0 && batchesDone <= 64) await imports.refreshStatistics();
  };
  // SQLite files get a writer thread: the file is read and parsed here while the last batch is written there.
  const sqliteFile = job.dryRun || importer.ownTransactions ? null : sqliteFileOf(deps.db);
  const writer = sqliteFile ? openSqliteWriter(sqliteFile) : null;
  let batch: TableRow[] | null = null;
  let stopped = false;
  const stopAsked = () => signal?.aborted === true;
  try {
    batch = await nextBatch(); // inside the try: whatever fails, the writer's thread is closed
    while (batch) {
      if (stopAsked()) {
        stopped = true;
        break;
      }
      if (job.dryRun || importer.ownTransactions) {
        // Customers are written a row at a time, each in its own transaction (the same path as the API).
        const rejections = await importer.processBatch({ read: deps.db, write: deps.db }, batch, counts);
        crashPoint('import.batch');
        if (kept.length < 1000) kept.push(...rejections.slice(0, 1000 - kept.length));
        if (job.importId) {
          // A dry run keeps its rejected rows too, so the check step can show which rows would fail.
          await repo.saveRejections(rejectionRows(job.workspaceId, job.importId, rejections));
          await repo.updateImport(job.workspaceId, job.importId, progress());
        }
        await refreshStatistics(repo);
        batch = await nextBatch();
      } else {
        // Many batches to a commit: the pages every batch touches (indexes, customers' purchase
        // dates) are written once a commit, not once a batch. Each commit carries the import's
        // progress; the next batch is read inside it.
        const commit = (read: Kysely<DB> | null, write: Kysely<DB>) =>
          write.transaction().execute(async (trx) => {
            const imports = createImportsRepository(trx);
            for (let rows = 0; batch && rows < ROWS_PER_COMMIT && !stopAsked(); batch = await nextBatch()) {
              const rejections = await importer.processBatch({ read: read ?? trx, write: trx }, batch, counts, false);
              rows += batch.length;
              crashPoint('import.batch'); // written, not committed
              if (kept.length < 1000) kept.push(...rejections.slice(0, 1000 - kept.length));
              if (job.importId) await imports.saveRejections(rejectionRows(job.workspaceId, job.importId, rejections));
              await refreshStatistics(imports); // inside the transaction, which sees its own rows
            }
            await importer.settle?.(trx);
            if (job.importId) await imports.updateImport(job.workspaceId, job.importId, progress());
          });
        // With a writer thread, the import reads on the app's own connection, held meanwhile (as
        // a transaction holds it), so nothing else in this process waits on the writer's lock.
        if (writer) await deps.db.connection().execute((connection) => commit(connection, writer.db));
        else await commit(null, deps.db);
        crashPoint('import.commit');
      }
      const report = { rowsDone: counts.rows, bytesRead: stream.bytesRead(), bytesTotal: stream.size, counts: { ...counts } };
      // Progress is what is committed: with a writer thread, once its commit has held.
      if (writer) writer.afterCommit(() => onProgress?.(report));
      else onProgress?.(report);
    }
    await writer?.flush(); // the last commit has held
  } finally {
    await batches.return?.(); // closes the file when a batch failed
    await writer?.close();
  }
  if (stopped) return { importId: job.importId, status: 'stopped', counts, error: null, rejections: kept, resumedAfterRow, warnings: stream.warnings };
  const error = (readError as TableReadError | null)?.message ?? null;
  const status = error ? 'failed' : 'done';
  if (!error && job.importId && !job.dryRun && job.settings.kind === 'transactions' && !counts.codes) await linkImportCodes(deps, job.workspaceId, job.importId, job.actorId, counts);
  // Customers files: who referred whom, once every customer of the file is in (kept with the import in the same commit).
  if (!error) await importer.finish?.(counts);
  if (job.importId) {
    await repo.updateImport(job.workspaceId, job.importId, { status, error: error ?? (stream.warnings.join('; ') || null), rows_total: counts.rows, rows_done: counts.rows, counts, finished_at: toDbTime(deps.clock.now()) });
  }
  return { importId: job.importId, status, counts, error, rejections: kept, resumedAfterRow, warnings: stream.warnings };
}

/**
 * What the codes on the import's purchases mean, linked once its rows are all in. The outcome is
 * kept with the import in the same commit as the links, so a run killed after it does not link
 * (or count) again.
 */
async function linkImportCodes(deps: ImportDeps, workspaceId: string, importId: string, actorId: string | null, counts: ImportCounts): Promise<void> {
  const actor = { workspaceId, userId: actorId ?? 'cli', role: 'owner' as const, via: 'session' as const, scope: 'read_write' as const };
  const outcome = await linkPurchaseCodes(deps.db, deps.clock, actor, { importId }, async (trx, o) => {
    await createImportsRepository(trx).updateImport(workspaceId, importId, { counts: { ...counts, codes: o } });
  });
  crashPoint('import.codes');
  counts.codes = outcome;
}

/**
 * A file imported before and now read differently (a column mapped otherwise): what the first
 * import keyed by its reading would be added to, not updated. Refused, or (replace) that
 * import is undone first. The same reading again is safe: it changes nothing.
 */
async function replaceEarlierReading(deps: ImportDeps, workspaceId: string, actorId: string | null, sha256: string, settings: ImportSettings & { dryRun?: boolean }, replace: boolean): Promise<void> {
  const earlier = await createImportsRepository(deps.db).doneOf(workspaceId, sha256, settings.kind);
  // Keys sorted: PostgreSQL's jsonb gives a stored object's keys back in an order of its own.
  const reading = (s: unknown) => canonicalJson({ ...(s as ImportSettings & { dryRun?: boolean }), dryRun: undefined, format: undefined });
  const other = earlier.find((e) => reading(e.settings) !== reading(settings));
  if (!other) return;
  if (!replace) {
    throw conflict('import.already_imported', `This file was imported before (import ${other.id}) and is now read differently: importing it again would add to what that import wrote. Undo that import first (rapport import undo ${other.id}), or import with --replace to undo it and import again.`, { importId: other.id });
  }
  for (const e of earlier) await undoImport(deps, workspaceId, e.id, actorId);
}

/** JSON with keys in one order (PostgreSQL's jsonb gives stored settings back with their keys sorted). */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined).toSorted(([a], [b]) => (a < b ? -1 : 1))) : v));
}

/** A report's title and notes above the header: skipped, and listed with the import. */
async function noteLinesAbove(filePath: string, format: DelimitedFormat, counts: ImportCounts): Promise<void> {
  const { above = [] } = await sampleTable(filePath, format, 1);
  counts.skipped = (counts.skipped ?? 0) + above.length;
  counts.skippedRows = [...(counts.skippedRows ?? []), ...above.map((a) => ({ row: a.row, reason: `above the header: "${a.text.slice(0, 120)}"` }))];
}

export async function fileSha256(filePath: string): Promise<string> {
  const h = createHash('sha256');
  for await (const chunk of fs.createReadStream(filePath)) h.update(chunk as Buffer);
  return h.digest('hex');
}
