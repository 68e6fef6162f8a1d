import fs from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../db/testing.ts';
import { fixedClock } from '../../shared/clock.ts';
import { missingDataReason, sharedDataFile } from '../../shared/shared-data.ts';
import { createWorkspace } from '../workspaces/workspaces.usecases.ts';
import { createImport, runImport } from './imports.usecases.ts';
import { inspectTransactionsFile } from './import-inspection.ts';

/**
 * The two public datasets imported whole, against figures computed here by a separate,
 * deliberately simple reader (not the importer's parser, not its output).
 */
const RETAIL = 'online-retail/online_retail.csv.gz';
const CDNOW = 'cdnow/CDNOW_master.txt';
const clock = fixedClock(new Date('2026-11-01T00:00:00.000Z'));

/** Splits one CSV line with a regular expression: quoted fields with "" escapes, no line breaks inside (true of this file). */
function splitCsvLine(line: string): string[] {
  const cells: string[] = [];
  const re = /("((?:[^"]|"")*)"|[^,]*)(,|$)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(line)) !== null) {
    cells.push(m[2] !== undefined ? m[2].replace(/""/g, '"') : m[1]!);
    if (m[3] === '') break;
  }
  return cells;
}

/** Pence of quantity × price, via thousandths of a pound: a different route from the importer's. */
function pence(quantity: string, price: string): number {
  const [whole, fraction = ''] = price.replace('-', '').split('.');
  const thousandths = (Number(whole) * 1000 + Number(fraction.padEnd(3, '0').slice(0, 3))) * (price.startsWith('-') ? -1 : 1);
  const tenthsOfPence = Number(quantity) * thousandths; // × 1/10 pence
  return Math.sign(tenthsOfPence) * Math.round(Math.abs(tenthsOfPence) / 10);
}

interface RetailFigures {
  lines: number;
  invoices: number;
  refunds: number;
  customers: number;
  withoutCustomer: number;
  salesPence: number;
  refundsPence: number;
}

function retailFigures(file: string): RetailFigures {
  const lines = gunzipSync(fs.readFileSync(file)).toString('utf8').split('\n').slice(1).filter((l) => l.trim() !== '');
  const invoices = new Map<string, { total: number; customer: string }>();
  const customers = new Set<string>();
  for (const line of lines) {
    const [invoice, , , quantity, , price, customer] = splitCsvLine(line.replace(/\r$/, ''));
    const entry = invoices.get(invoice!) ?? { total: 0, customer: customer! };
    entry.total += pence(quantity!, price!);
    invoices.set(invoice!, entry);
    if (customer) customers.add(customer);
  }
  let refunds = 0;
  let salesPence = 0;
  let refundsPence = 0;
  let withoutCustomer = 0;
  for (const [invoice, { total, customer }] of invoices) {
    const refund = invoice.startsWith('C') || total < 0;
    if (refund) {
      refunds++;
      refundsPence += total;
    } else salesPence += total;
    if (!customer) withoutCustomer++;
  }
  return { lines: lines.length, invoices: invoices.size, refunds, customers: customers.size, withoutCustomer, salesPence, refundsPence };
}

async function newWorkspace(db: Parameters<typeof createWorkspace>[0]['db'], dialect: 'sqlite' | 'postgres', currency: string) {
  return (await createWorkspace({ db, dialect, clock }, { workspaceName: `Import ${currency}`, baseCurrency: currency, locale: 'en', timeZone: 'UTC', ownerName: 'Owner', email: `owner-${currency.toLowerCase()}@example.com`, password: 'correct horse battery' })).workspaceId;
}

async function importFile(db: Parameters<typeof createWorkspace>[0]['db'], workspaceId: string, file: string) {
  const deps = { db, clock };
  const inspection = await inspectTransactionsFile(deps, workspaceId, file);
  const record = await createImport(deps, workspaceId, null, file, inspection.settings);
  return runImport(deps, { workspaceId, importId: record.id, actorId: null, filePath: file, settings: inspection.settings, dryRun: false });
}

const retail = sharedDataFile(RETAIL);
const cdnow = sharedDataFile(CDNOW);
if (!retail) console.log(`Online Retail import test ${missingDataReason(RETAIL)}`);
if (!cdnow) console.log(`CDNOW import test ${missingDataReason(CDNOW)}`);

describeEachDatabase('import of the Online Retail file', (get, dialect) => {
  let expected: RetailFigures;
  let workspaceId: string;
  let first: Awaited<ReturnType<typeof importFile>>;

  beforeAll(async () => {
    if (!retail) return;
    expected = retailFigures(retail);
    workspaceId = await newWorkspace(get().db, dialect, 'GBP');
    first = await importFile(get().db, workspaceId, retail);
  }, 300_000);

  it.skipIf(!retail)('reads every line, groups them into invoices, and records cancellations as refunds', async () => {
    expect(expected.lines).toBe(541_909);
    expect(first.status).toBe('done');
    expect(first.counts).toMatchObject({ rows: expected.lines, rejected: 0, linesAdded: expected.lines, transactionsCreated: expected.invoices, refundsCreated: expected.refunds, customersCreated: expected.customers, unknownCustomer: expected.withoutCustomer });
    const db = get().db;
    const byKind = await db
      .selectFrom('transactions')
      .select(['kind', sql<number>`count(*)`.as('n'), sql<number>`sum(amount_minor)`.as('total')])
      .where('workspace_id', '=', workspaceId)
      .groupBy('kind')
      .orderBy('kind')
      .execute();
    expect(byKind.map((r) => ({ kind: r.kind, n: Number(r.n), total: Number(r.total) }))).toEqual([
      { kind: 'refund', n: expected.refunds, total: expected.refundsPence },
      { kind: 'sale', n: expected.invoices - expected.refunds, total: expected.salesPence },
    ]);
    const lines = await db.selectFrom('transactions').select(sql<number>`sum(line_count)`.as('n')).where('workspace_id', '=', workspaceId).executeTakeFirstOrThrow();
    expect(Number(lines.n)).toBe(expected.lines);
  });

  it.skipIf(!retail)('fills in first and latest purchase from the ledger (sales only)', async () => {
    // Customer 12346 bought once (2011-01-18 10:01, 74,215 medium ceramic storage jars) and cancelled the same order.
    const c = await get().db.selectFrom('customers').select(['first_purchase_at', 'last_purchase_at', 'country']).where('workspace_id', '=', workspaceId).where('external_id', '=', '12346').executeTakeFirstOrThrow();
    expect(c).toEqual({ first_purchase_at: '2011-01-18T10:01:00.000Z', last_purchase_at: '2011-01-18T10:01:00.000Z', country: 'United Kingdom' });
  });

  it.skipIf(!retail)('changes nothing when the same file is imported again', async () => {
    const again = await importFile(get().db, workspaceId, retail!);
    expect(again.counts).toMatchObject({ rows: expected.lines, rejected: 0, transactionsCreated: 0, transactionsUpdated: 0, transactionsUnchanged: expected.invoices, linesAdded: 0, customersCreated: 0 });
  }, 300_000);
});

describeEachDatabase('import of the CDNOW master file', (get, dialect) => {
  it.skipIf(!cdnow)('makes one purchase per row and one customer per id, with the file\'s total in cents', async () => {
    const text = fs.readFileSync(cdnow!, 'utf8');
    const rows = text.split(/\r?\n/).slice(1).map((l) => l.trim().split(/\s+/)).filter((r) => r.length === 4);
    const cents = rows.reduce((sum, r) => sum + Math.round(Number(r[3]) * 100), 0);
    const ids = new Set(rows.map((r) => r[0]));
    expect(rows.length).toBe(69_659);
    expect(ids.size).toBe(23_570);

    const workspaceId = await newWorkspace(get().db, dialect, 'USD');
    const outcome = await importFile(get().db, workspaceId, cdnow!);
    expect(outcome.counts).toMatchObject({ rows: 69_659, rejected: 0, transactionsCreated: 69_659, customersCreated: 23_570, refundsCreated: 0 });
    const total = await get().db.selectFrom('transactions').select(sql<number>`sum(amount_minor)`.as('s')).where('workspace_id', '=', workspaceId).executeTakeFirstOrThrow();
    expect(Number(total.s)).toBe(cents);
    // Customer 00001 bought once, on 1997-01-01; customer 00002 twice, on 1997-01-12.
    const c = await get().db.selectFrom('customers').select(['external_id', 'first_purchase_at', 'last_purchase_at']).where('workspace_id', '=', workspaceId).where('external_id', 'in', ['00001', '00002']).orderBy('external_id').execute();
    expect(c).toEqual([
      { external_id: '00001', first_purchase_at: '1997-01-01T00:00:00.000Z', last_purchase_at: '1997-01-01T00:00:00.000Z' },
      { external_id: '00002', first_purchase_at: '1997-01-12T00:00:00.000Z', last_purchase_at: '1997-01-12T00:00:00.000Z' },
    ]);
    const again = await importFile(get().db, workspaceId, cdnow!);
    expect(again.counts).toMatchObject({ transactionsCreated: 0, transactionsUpdated: 0, transactionsUnchanged: 69_659, customersCreated: 0 });
  }, 300_000);
});
