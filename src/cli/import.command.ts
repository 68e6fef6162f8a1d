import fs from 'node:fs';
import path from 'node:path';
import { Command, Option } from 'commander';
import cliProgress from 'cli-progress';
import { badRequest } from '../shared/errors.ts';
import { DATE_FORMATS, type DateFormat } from '../modules/imports/date-values.ts';
import { CUSTOMER_FIELDS } from '../modules/imports/customers-import.ts';
import { isCustomerField } from '../contracts/imports.ts';
import { TRANSACTION_FIELDS } from '../modules/imports/import-fields.ts';
import { countsSince, type ImportCounts } from '../modules/imports/import-run.ts';
import { purchasesChanged } from '../modules/analytics/analytics-jobs.ts';
import { createImport, runImport, type ImportDeps, type ImportProgress, type ImportSettings } from '../modules/imports/imports.usecases.ts';
import { inspectCustomersFile, inspectTransactionsFile } from '../modules/imports/import-inspection.ts';
import { describeProblems, rejectedRowsCsv } from '../modules/imports/rejected-rows.ts';
import type { DelimitedFormat, Delimiter } from '../modules/imports/table-reader.ts';
import { ENCODINGS, type TextEncodingName } from '../modules/imports/text-encoding.ts';
import { parseStatusRule, type StatusRules } from '../modules/imports/status-rules.ts';
import { systemClock } from '../shared/clock.ts';
import { withDatabase } from './database.ts';
import { importUndoCommand } from './import-undo.command.ts';
import { pickWorkspace } from './workspace-option.ts';

interface ImportOptions {
  kind: 'transactions' | 'customers';
  sheet?: string;
  workspace?: string;
  dryRun?: boolean;
  encoding?: TextEncodingName;
  delimiter?: string;
  header?: boolean;
  map: string[];
  dateFormat?: DateFormat;
  decimal?: '.' | ',';
  currency?: string;
  refundPrefix: string[];
  refundPrefixAnyCase?: boolean;
  status: string[];
  statusAnyCase?: boolean;
  unmatched: 'create' | 'reject';
  noCustomer: 'unknown' | 'reject';
  rejected?: string;
  json?: boolean;
  replace?: boolean;
}

const DELIMITER_NAMES: Record<string, Delimiter> = { comma: ',', ',': ',', semicolon: ';', ';': ';', tab: '\t', '\\t': '\t', pipe: '|', '|': '|', whitespace: 'whitespace', space: 'whitespace' };

export function importCommand(): Command {
  return new Command('import')
    .addCommand(importUndoCommand())
    .description('import transactions or customers from a CSV, TSV, text, gzip or XLSX file (columns detected from English or Russian headers; see --map)')
    .argument('<file>', 'the file to import')
    .addOption(new Option('--kind <what>', 'what the file holds').choices(['transactions', 'customers']).default('transactions'))
    .option('--sheet <name>', 'for a workbook: the sheet to read (default the first)')
    .option('-w, --workspace <id or name>', 'the workspace (needed when there are several)')
    .option('--dry-run', 'read everything and report what would change, without writing')
    .addOption(new Option('--encoding <name>', 'override the detected text encoding').choices([...ENCODINGS]))
    .option('--delimiter <d>', 'override the detected delimiter: comma, semicolon, tab, pipe or whitespace')
    .option('--header', 'the first line names the columns')
    .option('--no-header', 'the first line is data (columns are then called "Column 1", "Column 2"…)')
    .option('--map <field=column>', `read a field from a column (repeatable; an empty column unmaps the field). Transaction fields: ${TRANSACTION_FIELDS.join(', ')}. Customer fields (--kind customers): ${CUSTOMER_FIELDS.join(', ')}, attr.<key>`, (v: string, all: string[]) => [...all, v], [])
    .addOption(new Option('--date-format <f>', 'how dates are written (detected; required when dd/mm and mm/dd both fit)').choices([...DATE_FORMATS]))
    .addOption(new Option('--decimal <sep>', 'decimal separator (detected)').choices(['.', ',']))
    .option('--currency <code>', 'currency of amounts without a currency column (default: the workspace\'s)')
    .option('--refund-prefix <p>', 'order numbers starting with this are cancellations, matched exactly as written (repeatable). Without it: C, or none for a recognised export; --refund-prefix "" for none', (v: string, all: string[]) => [...all, v], [])
    .option('--refund-prefix-any-case', 'match the refund prefix in any case (c536379 as C536379)')
    .option('--status <value=meaning>', 'what a status or event type value means: sale, refunded (a sale refunded later), refund or skip (not a purchase); exact as written, repeatable', (v: string, all: string[]) => [...all, v], [])
    .option('--status-any-case', 'match --status values in any case')
    .addOption(new Option('--unmatched <what>', 'rows whose customer is not in Rapport').choices(['create', 'reject']).default('create'))
    .addOption(new Option('--no-customer <what>', 'rows that name no customer').choices(['unknown', 'reject']).default('unknown'))
    .option('--rejected <file>', 'where to write rejected rows as CSV with an "error" column (default: <file>.rejected.csv here)')
    .option('--replace', 'the file was imported before with another mapping: undo that import, then import it again')
    .option('--json', 'print the outcome as JSON')
    .action(async (file: string, options: ImportOptions) => {
      const filePath = path.resolve(file);
      if (!fs.existsSync(filePath)) throw badRequest('cli.file_missing', `No file at ${filePath}`);
      await withDatabase(async (database) => {
        const workspaceId = await pickWorkspace(database, options.workspace);
        const deps = { db: database.db, clock: systemClock };
        const log = options.json ? () => undefined : (line: string) => console.error(line);
        const format = {
          ...(options.encoding && { encoding: options.encoding }),
          ...(options.delimiter && { delimiter: delimiterOf(options.delimiter) }),
          ...(options.header !== undefined && { hasHeader: options.header }),
          ...(options.sheet && { sheet: options.sheet }),
        };
        const settings = options.kind === 'customers' ? await customerSettings(deps, workspaceId, filePath, format, options, log) : await transactionSettings(deps, workspaceId, filePath, format, options, log);
        await runAndReport(deps, workspaceId, filePath, settings, options, log);
      });
    });
}

type Log = (line: string) => void;

/** How to read a transactions file: detected, with the command's overrides; refuses what it cannot settle. */
async function transactionSettings(deps: ImportDeps, workspaceId: string, filePath: string, format: Partial<DelimitedFormat>, options: ImportOptions, log: Log): Promise<ImportSettings> {
  const { settings, date, source, questions } = await inspectTransactionsFile(deps, workspaceId, filePath, {
    format,
    adjustMapping: (proposed, headers) => applyMapOptions(proposed, options.map, headers, (f) => (TRANSACTION_FIELDS as readonly string[]).includes(f), TRANSACTION_FIELDS.join(', ')),
    read: {
      ...(options.dateFormat && { dateFormat: options.dateFormat }),
      ...(options.decimal && { decimal: options.decimal }),
      ...(options.currency && { currency: options.currency.toUpperCase() }),
      ...(options.refundPrefix.length > 0 && { refundPrefixes: options.refundPrefix.filter((p) => p !== '') }),
      ...(options.refundPrefixAnyCase && { refundPrefixIgnoreCase: true }),
      ...(options.statusAnyCase && { statusIgnoreCase: true }),
    },
    statuses: statusRules(options.status),
    options: { unmatchedCustomers: options.unmatched, noCustomerKey: options.noCustomer },
  });
  log(`Reading ${path.basename(filePath)}: ${settings.format.encoding}, ${describeDelimiter(settings.format.delimiter)}, ${settings.format.hasHeader ? `with a header${settings.format.headerRow ? ` on line ${settings.format.headerRow}` : ''}` : 'no header'}.`);
  if (source) log(`Detected: ${source.system} export. ${source.notes}`);
  for (const [field, column] of Object.entries(settings.read.mapping)) log(`  ${field.padEnd(20)} ← ${column}`);
  for (const q of questions) log(`Warning: ${q.message}${q.applied ? '' : ` (--map ${q.field}="${q.column}" to use it)`}`);
  if (date?.ambiguous && !options.dateFormat) {
    throw badRequest('import.date_ambiguous', `Dates in "${settings.read.mapping.date}" fit both ${date.candidates.join(' and ')}; say which with --date-format`);
  }
  if (!settings.read.mapping.date) throw badRequest('import.date_unmapped', 'No column is read as the date: name it with --map date=<column>');
  if (date?.format === null && !options.dateFormat) throw badRequest('import.date_unknown', `Could not tell how the dates in "${settings.read.mapping.date}" are written; say it with --date-format (${DATE_FORMATS.join(', ')})`);
  log(`  dates ${settings.read.dateFormat}${date?.settledBy ? ` (settled by row ${date.settledBy.row}: ${date.settledBy.value})` : ''}, decimal "${settings.read.decimal}", currency ${settings.read.currency}${options.dryRun ? ' — dry run, nothing is written' : ''}`);
  return settings;
}

/** How to read a customers file (people and organisations, their attributes and tags). */
async function customerSettings(deps: ImportDeps, workspaceId: string, filePath: string, format: Partial<DelimitedFormat>, options: ImportOptions, log: Log): Promise<ImportSettings> {
  const { settings, source } = await inspectCustomersFile(deps, workspaceId, filePath, {
    format,
    adjustMapping: (proposed, headers) => applyMapOptions(proposed, options.map, headers, isCustomerField, `${CUSTOMER_FIELDS.join(', ')}, email.2, phoneLabel.2…, attr.<key>`),
    read: { ...(options.dateFormat && { dateFormat: options.dateFormat }), ...(options.decimal && { decimal: options.decimal }) },
  });
  log(`Reading ${path.basename(filePath)}: ${settings.format.encoding}, ${settings.format.type === 'vcard' ? 'vCard' : describeDelimiter(settings.format.delimiter)}, customers${options.dryRun ? ' — dry run, nothing is written' : ''}.`);
  if (source) log(`Detected: ${source.system}. ${source.notes}`);
  for (const [field, column] of Object.entries(settings.read.mapping)) log(`  ${field.padEnd(20)} ← ${column}`);
  return settings;
}

/** Runs the import with a progress bar, writes its rejected rows out to fix, and reports. */
async function runAndReport(deps: ImportDeps, workspaceId: string, filePath: string, settings: ImportSettings, options: ImportOptions, log: Log): Promise<void> {
  const dryRun = options.dryRun ?? false;
  const record = dryRun ? null : await createImport(deps, workspaceId, null, filePath, settings, path.basename(filePath), { replace: options.replace ?? false });
  const resumeAfter = (record?.counts as ImportCounts | undefined)?.lastRow ?? 0;
  if (resumeAfter > 0) log(`Resuming the unfinished import of this file after row ${resumeAfter}.`);
  const progress = progressReporter(options.json ?? false);
  const outcome = await runImport(deps, { workspaceId, importId: record?.id ?? null, actorId: null, filePath, settings, dryRun, counts: record ? (record.counts as ImportCounts) : undefined }, progress.update);
  progress.stop();
  // A resumed run reports what it changed itself (the import's totals are kept with it).
  const thisRun = countsSince(outcome.counts, resumeAfter > 0 ? (record!.counts as ImportCounts) : undefined);
  // A running server recomputes customer value within seconds; `rapport recompute` does it now.
  if (!dryRun) await purchasesChanged(deps, workspaceId, null);

  let rejectedFile: string | null = null;
  if (record && outcome.counts.rejected > 0) {
    rejectedFile = path.resolve(options.rejected ?? `${path.basename(filePath).replace(/\.gz$/, '')}.rejected.csv`);
    const out = fs.createWriteStream(rejectedFile);
    for await (const chunk of rejectedRowsCsv(deps.db, workspaceId, record.id, settings.read.headers)) out.write(chunk);
    await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())));
  }
  if (options.json) {
    console.log(JSON.stringify({ importId: outcome.importId, status: outcome.status, error: outcome.error, warnings: outcome.warnings, dryRun, resumedAfterRow: resumeAfter, counts: thisRun, importTotals: outcome.counts, rejectedFile }, null, 2));
  } else {
    if (resumeAfter > 0) console.log(`Resumed after row ${resumeAfter.toLocaleString('en')}: what this run changed —`);
    printSummary(settings.kind, thisRun, dryRun);
    for (const r of outcome.rejections.slice(0, 10)) console.error(`  row ${r.row}: ${describeProblems(r.problems)}`);
    const skipped = thisRun.skippedRows ?? [];
    if (skipped.length > 0) console.error(`Left out on purpose (${(thisRun.skipped ?? 0).toLocaleString('en')} rows):`);
    for (const r of skipped.slice(0, 20)) console.error(`  row ${r.row}: ${r.reason}`);
    if ((thisRun.skipped ?? 0) > 20) console.error(`  … and ${((thisRun.skipped ?? 0) - 20).toLocaleString('en')} more`);
    if (outcome.counts.rejected > 10) console.error(`  … and ${outcome.counts.rejected - 10} more`);
    if (rejectedFile) console.error(`Rejected rows, with the reason in an "error" column: ${rejectedFile}`);
    if (outcome.error) console.error(`Stopped early: ${outcome.error}`);
    for (const warning of outcome.warnings) console.error(`Note: ${warning}`);
  }
  const verdict = failedImport(outcome.counts);
  if (verdict) console.error(verdict);
  if (outcome.status === 'failed' || verdict) process.exitCode = 3;
}

/** A run where most rows were rejected failed, whatever it kept: one sentence on why. */
function failedImport(c: ImportCounts): string | null {
  const read = c.rows - (c.skipped ?? 0);
  if (read <= 0 || c.rejected * 2 <= read) return null;
  return `The import failed: ${c.rejected.toLocaleString('en')} of ${read.toLocaleString('en')} rows were rejected — check the mapping above and the rejected rows (most often a column read as the wrong field, or the wrong date or decimal format).`;
}

/** `--status value=meaning` options as rules. */
function statusRules(pairs: string[]): StatusRules | undefined {
  if (pairs.length === 0) return undefined;
  const rules: StatusRules = {};
  for (const pair of pairs) {
    const rule = parseStatusRule(pair);
    if (!rule) throw badRequest('cli.bad_status', `--status ${pair}: expected value=meaning with a meaning among sale, refunded, refund, skip`);
    rules[rule[0]] = rule[1];
  }
  return rules;
}

function delimiterOf(name: string): Delimiter {
  const d = DELIMITER_NAMES[name.toLowerCase()];
  if (!d) throw badRequest('cli.bad_delimiter', `Unknown delimiter "${name}": use comma, semicolon, tab, pipe or whitespace`);
  return d;
}

function describeDelimiter(d: Delimiter): string {
  return { ',': 'comma-separated', ';': 'semicolon-separated', '\t': 'tab-separated', '|': 'pipe-separated', whitespace: 'whitespace-separated' }[d];
}

/** The proposed mapping with each --map field=column applied (an empty column unmaps the field; a column moved to another field leaves its old one). */
function applyMapOptions<M extends Partial<Record<string, string>>>(mapping: M, pairs: string[], headers: string[], isField: (field: string) => boolean, fields: string): M {
  const out: Partial<Record<string, string>> = { ...mapping };
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    const field = pair.slice(0, eq);
    const column = pair.slice(eq + 1);
    if (eq < 0 || !isField(field)) throw badRequest('cli.bad_map', `--map ${pair}: expected field=column with a field among ${fields}`);
    if (column === '') delete out[field];
    else if (!headers.includes(column)) throw badRequest('cli.bad_map', `--map ${pair}: the file has no column "${column}" (its columns: ${headers.join(', ')})`);
    else {
      for (const [f, c] of Object.entries(out)) if (c === column) delete out[f];
      out[field] = column;
    }
  }
  return out as M;
}

/** A progress bar on a terminal; plain lines every few seconds otherwise (logs, CI). */
function progressReporter(silent: boolean) {
  const started = Date.now();
  const tty = process.stderr.isTTY && !silent;
  const bar = tty
    ? new cliProgress.SingleBar({ stream: process.stderr, format: 'Importing |{bar}| {percentage}% | {rows} rows | {rate} rows/s | ETA {eta_formatted}', hideCursor: true, etaBuffer: 20 }, cliProgress.Presets.shades_classic)
    : null;
  let lastLine = 0;
  let begun = false;
  const rate = (rows: number) => Math.round(rows / Math.max(0.001, (Date.now() - started) / 1000));
  return {
    update: (p: ImportProgress) => {
      if (silent) return;
      if (bar) {
        if (!begun) bar.start(p.bytesTotal, 0, { rows: '0', rate: '0' });
        begun = true;
        bar.update(p.bytesRead, { rows: p.rowsDone.toLocaleString('en'), rate: rate(p.rowsDone).toLocaleString('en') });
        return;
      }
      if (Date.now() - lastLine < 2000) return;
      lastLine = Date.now();
      const share = p.bytesTotal ? p.bytesRead / p.bytesTotal : 1;
      const left = share > 0 ? ((Date.now() - started) / 1000) * (1 / share - 1) : 0;
      console.error(`Imported ${p.rowsDone.toLocaleString('en')} rows (${Math.round(share * 100)}%), ${rate(p.rowsDone).toLocaleString('en')} rows/s, about ${Math.ceil(left)} s left`);
    },
    stop: () => {
      if (bar && begun) bar.stop();
    },
  };
}

function printSummary(kind: ImportSettings['kind'], c: ImportCounts, dryRun: boolean): void {
  const would = dryRun ? 'would be ' : '';
  const skipped = c.skipped ? `, ${c.skipped.toLocaleString('en')} left out (not purchases, totals, titles)` : '';
  console.log(`${dryRun ? 'Dry run: ' : ''}${c.rows.toLocaleString('en')} rows read, ${c.rejected.toLocaleString('en')} rejected${skipped}.`);
  if (kind === 'customers') {
    console.log(`Customers: ${c.customersCreated.toLocaleString('en')} ${would}created, ${c.customersUpdated.toLocaleString('en')} ${would}updated, ${c.customersUnchanged.toLocaleString('en')} unchanged.`);
    return;
  }
  console.log(`Transactions: ${c.transactionsCreated.toLocaleString('en')} ${would}created (${c.refundsCreated.toLocaleString('en')} refunds), ${c.transactionsUpdated.toLocaleString('en')} ${would}updated, ${c.transactionsUnchanged.toLocaleString('en')} unchanged; ${c.linesAdded.toLocaleString('en')} line items ${would}added.`);
  console.log(`Customers: ${c.customersCreated.toLocaleString('en')} ${would}created; ${c.unknownCustomer.toLocaleString('en')} transactions without a customer.`);
}
