import fs from 'node:fs';
import path from 'node:path';
import { Command, Option } from 'commander';
import { createAnalyticsRepository } from '../modules/analytics/analytics.repository.ts';
import { runRecompute } from '../modules/analytics/analytics-jobs.ts';
import { systemClock } from '../shared/clock.ts';
import { fitModels, type ModelFitResult } from '../modules/analytics/model-fit.ts';
import { describeModel } from '../modules/analytics/model-summary.ts';
import { dayInZone, dayNumber, type DayPurchase } from '../modules/analytics/repeat-summaries.ts';
import { inspectTransactionsSample } from '../modules/imports/import-inspection.ts';
import type { ColumnMapping } from '../modules/imports/import-fields.ts';
import { createRowReader } from '../modules/imports/transaction-rows.ts';
import { currencyExponent } from '../modules/imports/number-values.ts';
import { streamTable } from '../modules/imports/table-reader.ts';
import { DATE_FORMATS, type DateFormat } from '../modules/imports/date-values.ts';
import { createWorkspacesRepository } from '../modules/workspaces/workspaces.repository.ts';
import type { Database } from '../db/connection.ts';
import { badRequest } from '../shared/errors.ts';
import { withDatabase } from './database.ts';
import { pickWorkspace } from './workspace-option.ts';

interface FitOptions {
  workspace?: string;
  file?: string;
  until?: string;
  unit: 'day' | 'week';
  holdoutUntil?: string;
  json?: boolean;
  perCustomer?: boolean;
  map: string[];
  dateFormat?: DateFormat;
  header?: boolean;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function dateOption(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!DATE.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`)) || new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) !== value) throw badRequest('cli.bad_date', `--${name} ${value}: expected a date as YYYY-MM-DD`);
  return dayNumber(value);
}

function add(purchases: Map<string, DayPurchase[]>, customer: string, purchase: DayPurchase): void {
  const list = purchases.get(customer);
  if (list) list.push(purchase);
  else purchases.set(customer, [purchase]);
}

/** Every row of a transactions file, read as the importer reads it: customer, calendar day (as written), value. */
async function purchasesFromFile(file: string, options: FitOptions): Promise<{ purchases: Map<string, DayPurchase[]>; rejected: number; lastDay: number }> {
  const overrides = {
    format: { ...(options.header !== undefined && { hasHeader: options.header }) },
    read: { ...(options.dateFormat && { dateFormat: options.dateFormat }) },
  };
  let inspection = await inspectTransactionsSample(file, { currency: 'XXX', timeZone: 'UTC' }, overrides);
  if (options.map.length > 0) {
    const mapping: ColumnMapping = { ...inspection.settings.read.mapping };
    for (const pair of options.map) {
      const eq = pair.indexOf('=');
      if (eq < 0) throw badRequest('cli.bad_map', `--map ${pair}: expected field=column`);
      const field = pair.slice(0, eq) as keyof ColumnMapping;
      if (pair.slice(eq + 1) === '') delete mapping[field];
      else mapping[field] = pair.slice(eq + 1);
    }
    inspection = await inspectTransactionsSample(file, { currency: 'XXX', timeZone: 'UTC' }, { ...overrides, mapping });
  }
  const { mapping } = inspection.settings.read;
  if (!mapping.date || !mapping.amount) throw badRequest('cli.columns', `Could not tell which columns hold the date and the amount (found: ${Object.entries(mapping).map(([f, c]) => `${f}=${c}`).join(', ') || 'none'}); name them with --map date=<column> --map amount=<column>`);
  const key = mapping.customerExternalId ? 'externalId' : mapping.customerEmail ? 'email' : mapping.customerPhone ? 'phone' : mapping.customerName ? 'name' : null;
  if (!key) throw badRequest('cli.columns', 'No column identifies the customer: name one with --map customerExternalId=<column>');
  const read = createRowReader(inspection.settings.read);
  const minorPerUnit = 10 ** currencyExponent(inspection.settings.read.currency);
  const purchases = new Map<string, DayPurchase[]>();
  let rejected = 0;
  let lastDay = -Infinity;
  for await (const batch of streamTable(file, inspection.settings.format).batches) {
    for (const row of batch) {
      const result = read(row);
      const customer = result.ok === true ? result.line.customer?.[key] : null;
      if (result.ok !== true || !customer) {
        rejected++;
        continue;
      }
      const day = dayNumber(result.line.occurredAt);
      lastDay = Math.max(lastDay, day);
      add(purchases, customer, { day, value: Math.abs(result.line.amountMinor) / minorPerUnit, refund: result.line.refund });
    }
  }
  return { purchases, rejected, lastDay };
}

/**
 * A workspace's base-currency ledger as the recompute reads it: days in its time zone, values in
 * the currency's units, refunds lowering spend; observed up to today unless told otherwise.
 */
async function purchasesFromWorkspace(database: Database, workspaceId: string): Promise<{ purchases: Map<string, DayPurchase[]>; lastDay: number }> {
  const workspace = (await createWorkspacesRepository(database.db).getWorkspace(workspaceId))!;
  const repo = createAnalyticsRepository(database.db);
  const dayOf = dayInZone(workspace.time_zone);
  const minorPerUnit = 10 ** currencyExponent(workspace.base_currency);
  const purchases = new Map<string, DayPurchase[]>();
  const lastDay = dayOf(Date.now());
  let after = '';
  for (;;) {
    const page = await repo.customerPage(workspaceId, after, 5000);
    if (page.length === 0) break;
    after = page.at(-1)!.id;
    for (const r of await repo.ledger(workspaceId, workspace.base_currency, page[0]!.id, after)) {
      add(purchases, r.customer_id, { day: dayOf(Date.parse(r.occurred_at)), value: Math.abs(r.amount_minor) / minorPerUnit, refund: r.kind === 'refund' });
    }
  }
  return { purchases, lastDay };
}

const fixed = (v: number, digits: number) => (Number.isFinite(v) ? Number(v.toFixed(digits)) : v);

function report(result: ModelFitResult, context: { source: string; until: string; holdoutUntil: string | null; rejected?: number }, perCustomer: boolean) {
  const bg = result.bgnbd;
  const gg = result.gammaGamma;
  return {
    source: context.source,
    until: context.until,
    unit: result.unit,
    customers: result.customers,
    repeatCustomers: result.repeatCustomers,
    ...(context.rejected !== undefined && { rowsSkipped: context.rejected }),
    bgnbd: { r: fixed(bg.params.r, 6), alpha: fixed(bg.params.alpha, 6), a: fixed(bg.params.a, 6), b: fixed(bg.params.b, 6), logLikelihood: fixed(bg.logLikelihood, 4), converged: bg.converged, iterations: bg.iterations, message: bg.message },
    gammaGamma: gg ? { p: fixed(gg.params.p, 6), q: fixed(gg.params.q, 6), gamma: fixed(gg.params.gamma, 6), logLikelihood: fixed(gg.logLikelihood, 4), customers: gg.customers, converged: gg.converged, iterations: gg.iterations, message: gg.message } : null,
    holdout: result.holdout
      ? {
          until: context.holdoutUntil,
          days: result.holdout.days,
          customers: result.holdout.customers,
          predicted: fixed(result.holdout.predicted, 2),
          actual: result.holdout.actual,
          meanAbsoluteError: fixed(result.holdout.meanAbsoluteError, 4),
          byFrequency: result.holdout.byFrequency.map((g) => ({ ...g, predicted: fixed(g.predicted, 2) })),
          ...(perCustomer && { perCustomer: result.holdout.perCustomer.map((c) => ({ ...c, predicted: fixed(c.predicted, 4) })) }),
        }
      : null,
  };
}

function printTable(out: ReturnType<typeof report>): void {
  const lines = [
    `Fitted on ${out.source}, purchases up to ${out.until}, time in ${out.unit}s: ${out.customers.toLocaleString('en')} customers, ${out.repeatCustomers.toLocaleString('en')} with repeat purchases.`,
    '',
    'BG/NBD (purchase and drop-out)',
    `  r       ${out.bgnbd.r}`,
    `  alpha   ${out.bgnbd.alpha}`,
    `  a       ${out.bgnbd.a}`,
    `  b       ${out.bgnbd.b}`,
    `  log-likelihood ${out.bgnbd.logLikelihood}  ${out.bgnbd.converged ? 'converged' : `NOT converged: ${out.bgnbd.message}`} (${out.bgnbd.iterations} iterations)`,
  ];
  if (out.gammaGamma) {
    lines.push('', `Gamma-Gamma (spend per repeat purchase, ${out.gammaGamma.customers.toLocaleString('en')} customers)`, `  p       ${out.gammaGamma.p}`, `  q       ${out.gammaGamma.q}`, `  gamma   ${out.gammaGamma.gamma}`);
    lines.push(`  log-likelihood ${out.gammaGamma.logLikelihood}  ${out.gammaGamma.converged ? 'converged' : `NOT converged: ${out.gammaGamma.message}`}`);
  } else lines.push('', 'Gamma-Gamma: no customer has a repeat purchase to fit it on.');
  if (out.holdout) {
    lines.push('', `Holdout to ${out.holdout.until} (${out.holdout.days} days): ${out.holdout.customers.toLocaleString('en')} customers`, `  predicted ${out.holdout.predicted}   actual ${out.holdout.actual}   mean absolute error per customer ${out.holdout.meanAbsoluteError}`, '', '  repeat purchases before   customers   predicted   actual');
    for (const g of out.holdout.byFrequency) lines.push(`  ${g.x.padStart(22)}   ${String(g.customers).padStart(9)}   ${g.predicted.toFixed(2).padStart(9)}   ${String(g.actual).padStart(6)}`);
  }
  console.log(lines.join('\n'));
}

export function modelCommand(): Command {
  const command = new Command('model').description('customer-value models for analysts');
  command
    .command('fit')
    .description('fit BG/NBD and Gamma-Gamma on a workspace or a transactions file and print the parameters (optionally checked against a holdout period)')
    .option('-w, --workspace <id or name>', 'fit on this workspace\'s purchases')
    .option('--file <path>', 'fit on a transactions file instead (any format `rapport import` reads; columns detected the same way)')
    .option('--until <YYYY-MM-DD>', 'end of the observation (calibration) period, inclusive (default: today for a workspace, the last purchase day for a file)')
    .addOption(new Option('--unit <unit>', 'time unit of the parameters').choices(['day', 'week']).default('week'))
    .option('--holdout-until <YYYY-MM-DD>', 'compare predicted and actual purchases from --until to this date')
    .option('--per-customer', 'with --json and --holdout-until: every customer\'s predicted and actual purchases')
    .option('--map <field=column>', 'for --file: read a field from a column, e.g. --map customerExternalId="Column 1" (repeatable)', (v: string, all: string[]) => [...all, v], [])
    .addOption(new Option('--date-format <f>', 'for --file: how dates are written').choices([...DATE_FORMATS]))
    .option('--header', 'for --file: the first line names the columns (detected)')
    .option('--no-header', 'for --file: the first line is data (detected)')
    .option('--json', 'print JSON')
    .action(async (options: FitOptions) => {
      if (options.file && options.workspace) throw badRequest('cli.model_source', 'Give either --file or --workspace, not both');
      const untilOption = dateOption('until', options.until);
      const holdoutDay = dateOption('holdout-until', options.holdoutUntil);
      const unitDays = options.unit === 'day' ? 1 : 7;
      const run = (source: string, purchases: Map<string, DayPurchase[]>, lastDay: number, rejected?: number) => {
        if (purchases.size === 0 || !Number.isFinite(lastDay)) throw badRequest('model.no_purchases', `${source} has no purchases to fit on`);
        const untilDay = untilOption ?? lastDay;
        if (holdoutDay !== undefined && holdoutDay <= untilDay) throw badRequest('cli.bad_date', '--holdout-until must come after --until');
        const result = fitModels({ purchases, untilDay, unitDays, holdoutUntilDay: holdoutDay });
        const out = report(result, { source, until: new Date(untilDay * 86_400_000).toISOString().slice(0, 10), holdoutUntil: options.holdoutUntil ?? null, ...(rejected !== undefined && { rejected }) }, options.perCustomer ?? false);
        if (options.json) console.log(JSON.stringify(out, null, 2));
        else printTable(out);
        if (!result.bgnbd.converged) process.exitCode = 4;
      };
      if (options.file) {
        const file = path.resolve(options.file);
        if (!fs.existsSync(file)) throw badRequest('cli.file_missing', `No file at ${file}`);
        const { purchases, rejected, lastDay } = await purchasesFromFile(file, options);
        run(path.basename(file), purchases, lastDay, rejected);
        return;
      }
      await withDatabase(async (database) => {
        const workspaceId = await pickWorkspace(database, options.workspace);
        const { purchases, lastDay } = await purchasesFromWorkspace(database, workspaceId);
        run(`workspace ${workspaceId}`, purchases, lastDay);
      });
    });
  return command;
}

export function recomputeCommand(): Command {
  return new Command('recompute')
    .description('recompute every customer\'s value metrics now (what the server does after imports and daily)')
    .option('-w, --workspace <id or name>', 'the workspace (needed when there are several)')
    .option('--refit', 'fit the models again even if little has changed')
    .action(async (options: { workspace?: string; refit?: boolean }) => {
      await withDatabase(async (database) => {
        const workspaceId = await pickWorkspace(database, options.workspace);
        const started = Date.now();
        const outcome = await runRecompute({ db: database.db, clock: systemClock }, workspaceId, { refit: options.refit ?? false });
        if (!outcome) throw badRequest('recompute.running', 'A recompute of this workspace is running elsewhere; try again when it is done');
        const currency = (await createWorkspacesRepository(database.db).getWorkspace(workspaceId))!.base_currency;
        console.log(`Recomputed ${outcome.customers.toLocaleString('en')} customers (${outcome.buyers.toLocaleString('en')} with purchases) in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
        console.log(describeModel(outcome.model, currency, outcome.refitted));
      });
    });
}
