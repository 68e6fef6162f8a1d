import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Kysely } from 'kysely';
import { sqliteFileOf } from '../../db/connection.ts';
import { toDbTime } from '../../db/dialect.ts';
import { openSqliteWriter } from '../../db/sqlite-writer.ts';
import type { DB } from '../../db/schema.ts';
import type { Clock } from '../../shared/clock.ts';
import { badRequest, notFound } from '../../shared/errors.ts';
import { newId } from '../../shared/ids.ts';
import { createWorkspacesRepository } from '../workspaces/workspaces.repository.ts';
import { detectDateFormat, parseDateParts, type DetectedDateFormat } from './date-values.ts';
import { proposeCustomerMapping, proposeTransactionMapping, type ColumnMapping } from './import-fields.ts';
import { createCustomerImporter, CUSTOMER_FIELDS, type CustomerReadSettings } from './customers-import.ts';
import { listAttributes } from '../attributes/attributes.usecases.ts';
import { createImportsRepository, type ImportRow } from './imports.repository.ts';
import { detectDecimalSeparator } from './number-values.ts';
import { sampleTable, streamTable, TableReadError, type DelimitedFormat, type TableRow, type TableSample } from './table-reader.ts';
import { createRowReader, type TransactionReadSettings } from './transaction-rows.ts';
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

/** A customers file: format, headers, and the columns proposed for fields and attributes. */
export async function inspectCustomersFile(
  deps: ImportDeps,
  workspaceId: string,
  filePath: string,
  overrides: { format?: Partial<DelimitedFormat>; mapping?: Partial<Record<string, string>>; adjustMapping?: MappingAdjustment<Partial<Record<string, string>>>; read?: Partial<CustomerReadSettings> } = {},
): Promise<{ sample: TableSample; settings: CustomerImportSettings }> {
  const workspace = await createWorkspacesRepository(deps.db).getWorkspace(workspaceId);
  if (!workspace) throw notFound('workspace');
  const sample = await readSample(filePath, overrides.format);
  const attributes = await listAttributes(deps, workspaceId);
  const proposed = proposeCustomerMapping(sample.headers, attributes);
  const mapping = overrides.mapping ?? overrides.adjustMapping?.(proposed, sample.headers) ?? proposed;
  for (const [field, header] of Object.entries(mapping)) {
    if (header !== undefined && !sample.headers.includes(header)) throw badRequest('import.unknown_column', `The mapping reads ${field} from a column "${header}" that the file does not have (its columns: ${sample.headers.join(', ')})`, { field, column: header });
    if (field.startsWith('attr.') && !attributes.some((a) => `attr.${a.key}` === field)) throw badRequest('import.unknown_attribute', `There is no attribute "${field.slice(5)}" (define it in Settings → Attributes)`, { field });
    if (!field.startsWith('attr.') && !(CUSTOMER_FIELDS as readonly string[]).includes(field)) throw badRequest('import.unknown_field', `"${field}" is not a customer field (${CUSTOMER_FIELDS.join(', ')}, or attr.<key>)`, { field });
  }
  const dates = [mapping.birthday, mapping.customerSince].flatMap((h) => (h === undefined ? [] : sample.rows.map((r) => r.cells[sample.headers.indexOf(h)] ?? '')));
  const date = dates.length ? detectDateFormat(dates, !monthFirstZone(workspace.time_zone)) : null;
  const read: CustomerReadSettings = { headers: sample.headers, mapping, dateFormat: date?.format ?? 'iso', decimal: '.', currency: workspace.base_currency, ...overrides.read };
  return { sample, settings: { kind: 'customers', format: sample.format, read } };
}

/** Changes to the proposed mapping, made before the formats are detected from the columns it names (`rapport import --map`). */
export type MappingAdjustment<M> = (proposed: M, headers: string[]) => M;

export interface FileInspection {
  sample: TableSample;
  proposed: ColumnMapping;
  reasons: Partial<Record<string, 'header' | 'values'>>;
  date: DetectedDateFormat | null;
  settings: TransactionImportSettings;
}

export interface TransactionInspectionOverrides {
  format?: Partial<DelimitedFormat>;
  mapping?: ColumnMapping;
  adjustMapping?: MappingAdjustment<ColumnMapping>;
  read?: Partial<TransactionReadSettings>;
  options?: Partial<TransactionImportOptions>;
}

/** Reads the start of a file and proposes how to import it (format, mapping, date and number formats). */
export async function inspectTransactionsFile(
  deps: ImportDeps,
  workspaceId: string,
  filePath: string,
  overrides: TransactionInspectionOverrides = {},
): Promise<FileInspection> {
  const workspace = await createWorkspacesRepository(deps.db).getWorkspace(workspaceId);
  if (!workspace) throw notFound('workspace');
  return inspectTransactionsSample(filePath, { currency: workspace.base_currency, timeZone: workspace.time_zone }, overrides);
}

/** The same inspection for a given currency and time zone, outside any workspace (`rapport model fit --file`). */
export async function inspectTransactionsSample(
  filePath: string,
  workspace: { currency: string; timeZone: string },
  overrides: TransactionInspectionOverrides = {},
): Promise<FileInspection> {
  const sample = await readSample(filePath, overrides.format);
  const cells = sample.rows.map((r) => r.cells);
  const proposal = proposeTransactionMapping(sample.headers, cells);
  const mapping = overrides.mapping ?? overrides.adjustMapping?.(proposal.mapping, sample.headers) ?? proposal.mapping;
  for (const [field, header] of Object.entries(mapping)) {
    if (header !== undefined && !sample.headers.includes(header)) throw badRequest('import.unknown_column', `The mapping reads ${field} from a column "${header}" that the file does not have (its columns: ${sample.headers.join(', ')})`, { field, column: header });
  }
  const columnValues = (header: string | undefined) => (header === undefined ? [] : cells.map((r) => r[sample.headers.indexOf(header)] ?? ''));
  let date = mapping.date ? detectDateFormat(columnValues(mapping.date), !monthFirstZone(workspace.timeZone)) : null;
  if (date?.ambiguous && mapping.date) date = await settleDayMonth(filePath, sample.format, sample.headers.indexOf(mapping.date), date);
  const numeric = [mapping.amount, mapping.unitPrice, mapping.cost, mapping.quantity].flatMap(columnValues);
  const read: TransactionReadSettings = {
    headers: sample.headers,
    mapping,
    dateFormat: date?.format ?? 'iso',
    decimal: detectDecimalSeparator(numeric),
    currency: workspace.currency,
    timeZone: workspace.timeZone,
    refundPrefixes: ['C'],
    ...overrides.read,
  };
  const options: TransactionImportOptions = { unmatchedCustomers: 'create', noCustomerKey: 'unknown', ...overrides.options };
  return { sample, proposed: proposal.mapping, reasons: proposal.reasons, date, settings: { kind: 'transactions', format: sample.format, read, options } };
}

/**
 * dd/mm against mm/dd, decided from the whole column: the first value with a day above 12
 * settles it. A column where no value does stays ambiguous, for the user to confirm.
 */
async function settleDayMonth(filePath: string, format: DelimitedFormat, column: number, detected: DetectedDateFormat): Promise<DetectedDateFormat> {
  const stream = streamTable(filePath, format, 5000);
  for await (const batch of stream.batches) {
    for (const row of batch) {
      const m = /^\s*(\d{1,2})[./-](\d{1,2})[./-]/.exec(row.cells[column] ?? '');
      if (!m) continue;
      const [a, b] = [Number(m[1]), Number(m[2])];
      // Only a date that exists settles it (31.02 has a day above 12, but is no date at all).
      const value = row.cells[column]!;
      if (a > 12 && b <= 12 && parseDateParts(value, 'dmy')) return { ...detected, format: 'dmy', ambiguous: false, settledBy: { row: row.number, value } };
      if (b > 12 && a <= 12 && parseDateParts(value, 'mdy')) return { ...detected, format: 'mdy', ambiguous: false, settledBy: { row: row.number, value } };
    }
  }
  return detected;
}

/** Where dates are written month first (the United States): the proposal for a column that reads both ways. */
function monthFirstZone(timeZone: string): boolean {
  return /^(US\/|Pacific\/Honolulu$|America\/(New_York|Chicago|Denver|Los_Angeles|Phoenix|Anchorage|Juneau|Sitka|Yakutat|Nome|Adak|Metlakatla|Boise|Detroit|Menominee|Indiana\/|Kentucky\/|North_Dakota\/))/.test(timeZone);
}

async function readSample(filePath: string, format: Partial<DelimitedFormat> | undefined): Promise<TableSample> {
  try {
    return await sampleTable(filePath, format);
  } catch (error) {
    if (error instanceof TableReadError) throw badRequest('import.unreadable_file', error.message, { line: error.line });
    throw error;
  }
}

/** The first rows as the import will read them: values or the reasons they will be rejected. */
export function previewRows(inspection: FileInspection, count = 10) {
  const read = createRowReader(inspection.settings.read);
  return inspection.sample.rows.slice(0, count).map((row) => read(row));
}

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
  options: { fresh?: boolean } = {},
): Promise<ImportRow> {
  const repo = createImportsRepository(deps.db);
  const sha256 = await fileSha256(filePath);
  const unfinished = options.fresh ? undefined : await repo.unfinishedOf(workspaceId, sha256);
  if (unfinished && JSON.stringify(unfinished.settings) === JSON.stringify(settings)) return unfinished;
  const row: ImportRow = {
    workspace_id: workspaceId, id: newId(), kind: settings.kind, status: 'queued', file_name: fileName, file_path: filePath, file_size: fs.statSync(filePath).size,
    file_sha256: sha256, settings, rows_total: null, rows_done: 0, counts: emptyCounts(), error: null, created_by: actorId,
    created_at: toDbTime(deps.clock.now()), started_at: null, heartbeat_at: null, finished_at: null,
  };
  await repo.insertImport(row);
  return row;
}

/** What is held in memory at a time: small enough that a batch's rows die young (cheap to collect). */
const ROWS_PER_BATCH = 2_000;
/** What is committed at a time (the pages every batch touches are written once a commit); the app's connection waits that long. */
const ROWS_PER_COMMIT = 20_000;

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
  const context = { clock: deps.clock, workspaceId: job.workspaceId, importId: job.importId, actorId: job.actorId };
  const importer: { processBatch: ReturnType<typeof createTransactionImporter>['processBatch']; settle?: (db: Kysely<DB>) => Promise<void>; ownTransactions?: true } =
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
  if (job.importId) {
    await repo.updateImport(job.workspaceId, job.importId, { status, error: error ?? (stream.warnings.join('; ') || null), rows_total: counts.rows, rows_done: counts.rows, counts, finished_at: toDbTime(deps.clock.now()) });
  }
  return { importId: job.importId, status, counts, error, rejections: kept, resumedAfterRow, warnings: stream.warnings };
}

export async function fileSha256(filePath: string): Promise<string> {
  const h = createHash('sha256');
  for await (const chunk of fs.createReadStream(filePath)) h.update(chunk as Buffer);
  return h.digest('hex');
}
