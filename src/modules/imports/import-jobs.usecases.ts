import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Readable } from 'node:stream';
import type { z } from 'zod';
import type { customerInspectionSchema, customerInspectRequestSchema, ImportJob, Inspection, inspectRequestSchema, resubmitSchema, startCustomerImportSchema, startImportSchema } from '../../contracts/imports.ts';
import { NUMBERED_CONTACT_FIELD } from '../../contracts/imports.ts';
import { toDbTime } from '../../db/dialect.ts';
import { badRequest, notFound } from '../../shared/errors.ts';
import { newId } from '../../shared/ids.ts';
import type { Actor } from '../auth/permissions.ts';
import { headerKey, type ColumnMapping } from './import-fields.ts';
import { createImportsRepository, type ImportRow } from './imports.repository.ts';
import { createImport } from './imports.usecases.ts';
import type { JobDeps, StoredSettings } from './import-job-runner.ts';
import { inspectCustomersFile, inspectTransactionsFile, previewRows, type FileInspection } from './import-inspection.ts';
import { previewOrders } from './order-preview.ts';
import { createTransactionImporter } from './transactions-import.ts';
import { emptyCounts, rejectionRows, type ImportCounts, type Rejection } from './import-run.ts';
import { addAcquisitionOutcomes, addReferralOutcomes } from './import-outcomes.ts';
import { createCustomerImporter, CUSTOMER_FIELDS } from './customers-import.ts';
import { listAttributes } from '../attributes/attributes.usecases.ts';
import { purchasesChanged } from '../analytics/analytics-jobs.ts';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';

/**
 * The web wizard's side of imports: files uploaded into the data directory, inspected and
 * previewed, then imported as background jobs that anyone in the workspace can follow
 * (import-job-runner.ts); rejected rows can be fixed and sent again.
 */

function uploadDir(deps: JobDeps, workspaceId: string): string {
  return path.join(deps.dataDir, 'uploads', workspaceId);
}

function uploadPath(deps: JobDeps, workspaceId: string, uploadId: string): string {
  if (!/^[0-9a-f-]{36}$/.test(uploadId)) throw notFound('upload');
  const file = path.join(uploadDir(deps, workspaceId), uploadId);
  if (!fs.existsSync(file)) throw notFound('upload');
  return file;
}

function uploadName(deps: JobDeps, workspaceId: string, uploadId: string): string {
  try {
    return (JSON.parse(fs.readFileSync(`${uploadPath(deps, workspaceId, uploadId)}.json`, 'utf8')) as { fileName: string }).fileName;
  } catch {
    return 'upload';
  }
}

const UPLOAD_LIFETIME_MS = 7 * 24 * 3600 * 1000;

/** Uploads older than a week go (an import keeps its rejected rows in the database, not in the file). */
function sweepUploads(dir: string, now: number): void {
  for (const name of fs.readdirSync(dir)) {
    const file = path.join(dir, name);
    try {
      if (now - fs.statSync(file).mtimeMs > UPLOAD_LIFETIME_MS) fs.rmSync(file, { force: true });
    } catch {
      // gone already
    }
  }
}

/** Streams an uploaded file to disk, whatever its size. */
export async function saveUpload(deps: JobDeps, actor: Actor, body: Readable, fileName: string): Promise<{ uploadId: string; fileName: string; size: number }> {
  const dir = uploadDir(deps, actor.workspaceId);
  fs.mkdirSync(dir, { recursive: true });
  sweepUploads(dir, deps.clock.now().getTime());
  const uploadId = newId();
  const file = path.join(dir, uploadId);
  await pipeline(body, fs.createWriteStream(file));
  const size = fs.statSync(file).size;
  if (size === 0) {
    fs.rmSync(file);
    throw badRequest('import.empty_file', 'The file is empty');
  }
  const name = path.basename(fileName || 'upload').slice(0, 200);
  fs.writeFileSync(`${file}.json`, JSON.stringify({ fileName: name, size, by: actor.userId }));
  return { uploadId, fileName: name, size };
}

/** The file as Rapport reads it, with the proposed (or given) settings and a preview. */
export async function inspectUpload(deps: JobDeps, actor: Actor, request: z.output<typeof inspectRequestSchema>): Promise<Inspection> {
  const file = uploadPath(deps, actor.workspaceId, request.uploadId);
  const inspection = await inspectTransactionsFile(deps, actor.workspaceId, file, {
    ...(request.format && { format: request.format }),
    ...(request.mapping && { mapping: request.mapping }),
    ...(request.read && { read: request.read }),
    ...(request.options && { options: request.options }),
  });
  const { settings, sample } = inspection;
  const saved = await createImportsRepository(deps.db).mappingsFor(actor.workspaceId, 'transactions', headersKeyOf(sample.headers));
  return {
    uploadId: request.uploadId,
    fileName: uploadName(deps, actor.workspaceId, request.uploadId),
    headers: sample.headers,
    sheets: sample.sheets,
    settings: { format: { type: settings.format.type, encoding: settings.format.encoding, delimiter: settings.format.delimiter, hasHeader: settings.format.hasHeader, sheet: settings.format.sheet ?? null }, mapping: settings.read.mapping, read: { dateFormat: settings.read.dateFormat, decimal: settings.read.decimal, currency: settings.read.currency, refundPrefixes: settings.read.refundPrefixes }, options: settings.options },
    proposed: inspection.proposed,
    reasons: inspection.reasons as Record<string, 'header' | 'values' | 'preset'>,
    source: inspection.source,
    questions: inspection.questions,
    ...orderPreview(inspection),
    date: inspection.date ? { candidates: inspection.date.candidates, ambiguous: inspection.date.ambiguous, settledBy: inspection.date.settledBy ?? null } : null,
    preview: previewRows(inspection, 20).map((r, i) => {
      const row = sample.rows[i]!;
      if (r.ok === 'skipped') return { row: r.row, cells: row.cells, ok: false, values: null, problems: [{ column: null, value: null, code: 'import.row_skipped', message: `Left out: ${r.reason}` }] };
      if (!r.ok) return { row: r.row, cells: row.cells, ok: false, values: null, problems: r.problems };
      const l = r.line;
      return {
        row: l.row, cells: row.cells, ok: true, problems: [],
        values: { customer: l.customer ? (l.customer.externalId ?? l.customer.email ?? l.customer.phone) : null, orderId: l.orderId, occurredAt: l.occurredAt, amountMinor: l.amountMinor, currency: l.currency, kind: l.refund ? 'refund' : 'sale', quantity: l.quantity, description: l.description },
      };
    }),
    savedMappings: saved.map((m) => ({ id: m.id, name: m.name, mapping: m.mapping as ColumnMapping })),
  };
}

/** Starts an import (or a dry run) in the background; the answer comes back at once. */
export async function startImport(deps: JobDeps, actor: Actor, request: z.output<typeof startImportSchema>): Promise<ImportJob> {
  const file = uploadPath(deps, actor.workspaceId, request.uploadId);
  const { settings } = request;
  // Read the file again with exactly these settings: headers, and a mapping that names real columns.
  const inspection = await inspectTransactionsFile(deps, actor.workspaceId, file, { format: settings.format, mapping: settings.mapping, read: settings.read, options: settings.options });
  if (!settings.mapping.date) throw badRequest('import.date_unmapped', 'Choose the column that holds the date', { field: 'date' });
  if (!settings.mapping.amount && !settings.mapping.unitPrice && !settings.mapping.orderTotal) throw badRequest('import.amount_unmapped', 'Choose the column that holds the amount (or the unit price)', { field: 'amount' });
  const stored: StoredSettings = { ...inspection.settings, dryRun: request.dryRun };
  if (request.saveMappingAs) {
    await createImportsRepository(deps.db).saveMapping({ workspace_id: actor.workspaceId, id: newId(), name: request.saveMappingAs, kind: 'transactions', headers_key: headersKeyOf(inspection.sample.headers), mapping: settings.mapping, created_at: toDbTime(deps.clock.now()) });
  }
  const record = await createImport(deps, actor.workspaceId, actor.userId, file, stored, uploadName(deps, actor.workspaceId, request.uploadId), { fresh: true });
  deps.jobs.start(deps, actor.workspaceId, record.id);
  return toJob(record);
}

/** A customers file as Rapport reads it: format, the proposed mapping (fields and attributes), a checked preview. */
export async function inspectCustomerUpload(deps: JobDeps, actor: Actor, request: z.output<typeof customerInspectRequestSchema>): Promise<z.infer<typeof customerInspectionSchema>> {
  const file = uploadPath(deps, actor.workspaceId, request.uploadId);
  const { sample, settings, source, date, questions } = await inspectCustomersFile(deps, actor.workspaceId, file, { ...(request.format && { format: request.format }), ...(request.mapping && { mapping: request.mapping }), ...(request.read && { read: request.read }), ambiguousDates: 'ask' });
  const attributes = await listAttributes(deps, actor.workspaceId);
  // The preview is a dry run of the first rows: the same checks the import makes, nothing written.
  const rows = sample.rows.slice(0, 20);
  const rejected = await createCustomerImporter({ clock: deps.clock, workspaceId: actor.workspaceId, importId: null, actorId: actor.userId, db: deps.db }, settings.read, true).processBatch({ read: deps.db, write: deps.db }, rows, emptyCounts());
  const problems = new Map(rejected.map((r) => [r.row, r.problems]));
  return {
    uploadId: request.uploadId,
    fileName: uploadName(deps, actor.workspaceId, request.uploadId),
    headers: sample.headers,
    sheets: sample.sheets,
    settings: { format: { type: settings.format.type, encoding: settings.format.encoding, delimiter: settings.format.delimiter, hasHeader: settings.format.hasHeader, sheet: settings.format.sheet ?? null }, mapping: settings.read.mapping, read: { dateFormat: settings.read.dateFormat, decimal: settings.read.decimal, currency: settings.read.currency } },
    source,
    fields: [...CUSTOMER_FIELDS.map((key) => ({ key, label: key, attribute: false })), ...numberedContactFields(settings.read.mapping), ...attributes.map((a) => ({ key: `attr.${a.key}`, label: a.label, attribute: true }))],
    preview: rows.map((r) => ({ row: r.number, cells: r.cells, ok: !problems.has(r.number), problems: problems.get(r.number) ?? [] })),
    date: date ? { candidates: date.candidates, ambiguous: date.ambiguous, settledBy: date.settledBy ?? null } : null,
    questions,
  };
}

/** The further email and phone columns the mapping reads (a contacts export's "E-mail 2 - Value"…), as fields to choose. */
function numberedContactFields(mapping: Partial<Record<string, string>>) {
  return Object.keys(mapping).flatMap((key) => {
    const m = NUMBERED_CONTACT_FIELD.exec(key);
    return m ? [{ key, label: `${m[1] === 'email' ? 'Email' : 'Phone'} ${m[3]}${m[2] ? ' label' : ''}`, attribute: false }] : [];
  });
}

/** Starts a customers import (or dry run) in the background. */
export async function startCustomerImport(deps: JobDeps, actor: Actor, request: z.output<typeof startCustomerImportSchema>): Promise<ImportJob> {
  const file = uploadPath(deps, actor.workspaceId, request.uploadId);
  const { settings } = await inspectCustomersFile(deps, actor.workspaceId, file, { format: request.settings.format, mapping: request.settings.mapping, read: request.settings.read });
  const record = await createImport(deps, actor.workspaceId, actor.userId, file, { ...settings, dryRun: request.dryRun }, uploadName(deps, actor.workspaceId, request.uploadId), { fresh: true });
  deps.jobs.start(deps, actor.workspaceId, record.id);
  return toJob(record);
}

export async function getImportJob(deps: JobDeps, actor: Actor, importId: string): Promise<ImportJob> {
  const record = await createImportsRepository(deps.db).getImport(actor.workspaceId, importId);
  if (!record) throw notFound('import');
  return toJob(record);
}

export async function listImportJobs(deps: JobDeps, actor: Actor): Promise<ImportJob[]> {
  return (await createImportsRepository(deps.db).listImports(actor.workspaceId, 50)).map(toJob);
}

export async function rejectionPage(deps: JobDeps, actor: Actor, importId: string, after: number, limit: number) {
  const repo = createImportsRepository(deps.db);
  const record = await repo.getImport(actor.workspaceId, importId);
  if (!record) throw notFound('import');
  const rows = await repo.rejections(actor.workspaceId, importId, after, limit + 1);
  const page = rows.slice(0, limit);
  return {
    headers: (record.settings as StoredSettings).read.headers,
    items: page.map((r) => ({ row: r.row_number, cells: r.cells, problems: r.problems })),
    nextAfter: rows.length > limit ? page.at(-1)!.row_number : null,
  };
}

/** Fixed rejected rows, sent again: those now good go in; the rest stay rejected with their new reasons. */
export async function resubmitRows(deps: JobDeps, actor: Actor, importId: string, request: z.output<typeof resubmitSchema>) {
  const record = await createImportsRepository(deps.db).getImport(actor.workspaceId, importId);
  if (!record) throw notFound('import');
  const settings = record.settings as StoredSettings;
  if (settings.dryRun) throw badRequest('import.dry_run', 'A dry run wrote nothing: start the import itself, then fix its rejected rows');
  if (record.status === 'running' || record.status === 'queued') throw badRequest('import.running', 'The import is still running');
  const rows = request.rows.map((r) => ({ number: r.row, cells: r.cells }));
  const context = { clock: deps.clock, workspaceId: actor.workspaceId, importId, actorId: actor.userId };
  const delta = emptyCounts();
  const settle = async (db: Kysely<DB>, batch: Rejection[]) => {
    const repo = createImportsRepository(db);
    const rejectedRows = new Set(batch.map((r) => r.row));
    const accepted = request.rows.map((r) => r.row).filter((row) => !rejectedRows.has(row));
    await repo.deleteRejections(actor.workspaceId, importId, accepted);
    await repo.saveRejections(rejectionRows(actor.workspaceId, importId, batch));
    const before = { ...emptyCounts(), ...(record.counts as ImportCounts) };
    const counts = { ...before, rejected: await repo.countRejections(actor.workspaceId, importId) };
    // What the fixed rows added counts as the import's own work.
    for (const key of ['transactionsCreated', 'transactionsUpdated', 'refundsCreated', 'linesAdded', 'customersCreated', 'customersUpdated', 'unknownCustomer'] as const) counts[key] = before[key] + delta[key];
    if (delta.acquisition) counts.acquisition = addAcquisitionOutcomes(before.acquisition, delta.acquisition);
    if (delta.referrals) counts.referrals = addReferralOutcomes(before.referrals, delta.referrals);
    await repo.updateImport(actor.workspaceId, importId, { counts });
    return { accepted, rejected: batch.map((r) => ({ row: r.row, problems: r.problems })), counts };
  };
  if (settings.kind === 'customers') {
    // Customers are written a row at a time, each in its own transaction.
    const importer = createCustomerImporter({ ...context, db: deps.db }, settings.read, false);
    const batch = await importer.processBatch({ read: deps.db, write: deps.db }, rows, delta);
    await importer.finish(delta, false); // the fixed rows' referrals (the import's own were linked when it ended)
    return deps.db.transaction().execute((trx) => settle(trx, batch));
  }
  const outcome = await deps.db.transaction().execute(async (trx) => settle(trx, await createTransactionImporter(context, settings.read, settings.options, false).processBatch({ read: trx, write: trx }, rows, delta)));
  await purchasesChanged(deps, actor.workspaceId, null);
  return outcome;
}

function headersKeyOf(headers: string[]): string {
  return headers.map(headerKey).join('|');
}

/** The first orders as stored, and the sample's rows left out (lines above the header first). */
function orderPreview(inspection: FileInspection) {
  const { orders, skipped } = previewOrders(inspection);
  return { orders, skipped: [...(inspection.sample.above ?? []).map((a) => ({ row: a.row, reason: `above the header: "${a.text.slice(0, 120)}"` })), ...skipped] };
}

function toJob(record: ImportRow): ImportJob {
  const settings = record.settings as StoredSettings;
  const { acquisition, referrals, ...counts } = { ...emptyCounts(), ...(record.counts as ImportCounts) };
  const done = record.status === 'done' || record.status === 'failed';
  return {
    id: record.id,
    kind: record.kind,
    status: record.status,
    dryRun: settings.dryRun ?? false,
    fileName: record.file_name,
    fileSize: Number(record.file_size),
    headers: settings.read.headers,
    counts,
    acquisition: acquisition ?? null,
    referrals: referrals ?? null,
    progress: done ? 1 : Math.min(1, Number(record.rows_total ?? 0) > 0 ? record.rows_done / Number(record.rows_total) : progressOf(record)),
    error: record.error,
    createdAt: record.created_at,
    startedAt: record.started_at,
    finishedAt: record.finished_at,
    undoneAt: record.undone_at ?? null,
  };
}

/** Share of the file read, from the bytes the last committed batch reached (stored with the counts). */
function progressOf(record: ImportRow): number {
  const bytes = (record.counts as { bytesRead?: number }).bytesRead ?? 0;
  return record.file_size ? Math.min(1, bytes / Number(record.file_size)) : 0;
}
