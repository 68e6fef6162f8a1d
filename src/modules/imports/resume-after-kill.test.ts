import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, rapport } from '../../cli/testing.ts';
import { testDialects } from '../../db/testing.ts';
import type { DialectName } from '../../db/dialect.ts';
import type { Kysely } from 'kysely';
import { openDatabase, type DatabaseOptions } from '../../db/connection.ts';
import type { DB } from '../../db/schema.ts';
import { fixedClock } from '../../shared/clock.ts';
import { missingDataReason, sharedDataFile } from '../../shared/shared-data.ts';
import { CODE_LEDGER_SQL, EXPECTED_CODES, seedCodes, writeCodedShopifyOrders } from './coded-orders.testing.ts';
import { dumpLedger, ledgerCounts, ledgerDifferences, postgresReader, sqliteReader, type LedgerDump, type LedgerReader } from './ledger-dump.testing.ts';

/**
 * Proves that a killed import loses nothing. `rapport import` commits every N rows with the
 * import's progress and, run again, resumes after the last committed row. Here the real CLI is
 * killed outright (SIGKILL: its own crash points, or the whole process group from outside) at
 * two dozen points of a generated Online Retail file — with invoices cut by commits, and the
 * same line repeated within an invoice on both sides of a cut — and of a file without order
 * numbers that repeats identical rows across cuts; each time the same command run once more must
 * leave a ledger equal, by natural keys, to that of one uninterrupted import. Then the real
 * Online Retail file, killed two-thirds through, must resume to its 541,909 lines.
 *
 * A test's name says where its crash point cuts the file on PostgreSQL; on SQLite the cut may be
 * one commit earlier (the writer thread commits behind the importer), and a failure names the
 * row it resumed after.
 */

const ROWS_PER_BATCH = 250;
const ROWS_PER_COMMIT = 1000;
const BATCHES_PER_COMMIT = ROWS_PER_COMMIT / ROWS_PER_BATCH;
const SIZES = { RAPPORT_IMPORT_ROWS_PER_BATCH: String(ROWS_PER_BATCH), RAPPORT_IMPORT_ROWS_PER_COMMIT: String(ROWS_PER_COMMIT) };
const PASSWORD = 'a long enough passphrase\n';

// ---------------------------------------------------------------------------------------------
// The files: deterministic (a seeded generator), written once to a temporary folder.

function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
type Random = () => number;
const pick = <T>(rand: Random, items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;
const between = (rand: Random, lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));

const RETAIL_HEADER = ['InvoiceNo', 'StockCode', 'Description', 'Quantity', 'InvoiceDate', 'UnitPrice', 'CustomerID', 'Country'];
const COUNTRIES = ['United Kingdom', 'United Kingdom', 'United Kingdom', 'France', 'Germany', 'EIRE', 'Spain', 'Netherlands', 'Norway', 'Australia'];
const PRICES = ['0.29', '0.42', '0.85', '1.25', '1.65', '2.10', '2.55', '3.39', '4.25', '4.95', '7.95', '12.75', '18.00'];
const QUANTITIES = [1, 1, 2, 3, 4, 6, 6, 8, 12, 12, 24, 36, 48, 96];
const WORDS = [['WHITE', 'RED', 'PINK', 'BLUE', 'VINTAGE', 'REGENCY', 'JUMBO', 'SET OF 3'], ['HANGING HEART', 'METAL', 'CERAMIC', 'PAPER', 'GLASS', 'WOODEN', 'SPOTTY'], ['T-LIGHT HOLDER', 'LANTERN', 'CAKE CASES', 'BAG', 'DOORSTOP', 'MUG', 'BUNTING', 'TEACUP']];

/** What the generator puts at the k-th commit cut (k × 1,000 rows): by default an invoice across it repeating a line on both sides. */
type CutPlan = 'repeat-across' | 'invoice-across' | 'between-invoices';
const RETAIL_CUTS: Record<number, CutPlan> = { 5: 'between-invoices', 7: 'invoice-across', 9: 'between-invoices' };
const RETAIL_ROWS = 12_137;

interface Product {
  code: string;
  description: string;
  price: string;
}

function catalogue(rand: Random, size: number): Product[] {
  return Array.from({ length: size }, (_, i) => ({
    code: `${20_000 + i * 7}${i % 5 === 0 ? pick(rand, ['A', 'B', 'C']) : ''}`,
    description: `${pick(rand, WORDS[0]!)} ${pick(rand, WORDS[1]!)} ${pick(rand, WORDS[2]!)}`,
    price: pick(rand, PRICES),
  }));
}

/** m/d/yyyy h:mm, as Online Retail's original spreadsheet writes it ("12/1/2010 8:26"). */
function usDate(minutesSinceStart: number): string {
  const d = new Date(Date.UTC(2010, 11, 1, 8, 26) + minutesSinceStart * 60_000);
  return `${d.getUTCMonth() + 1}/${d.getUTCDate()}/${d.getUTCFullYear()} ${d.getUTCHours()}:${String(d.getUTCMinutes()).padStart(2, '0')}`;
}

/** An invoice's lines as [StockCode, Description, Quantity, UnitPrice]: distinct products, some repeated later in it when `repeats`. */
function invoiceLines(rand: Random, products: Product[], size: number, cancellation: boolean, repeats: boolean): string[][] {
  const chosen = new Set<number>();
  while (chosen.size < size) chosen.add(Math.floor(rand() * products.length));
  const lines = [...chosen].map((i) => [products[i]!.code, products[i]!.description, String((cancellation ? -1 : 1) * pick(rand, QUANTITIES)), products[i]!.price]);
  if (repeats && size >= 5 && rand() < 0.3) {
    // The same line (product, quantity, price) two or three times in one invoice, as Online Retail has.
    for (let copies = between(rand, 1, 2); copies > 0; copies--) {
      const from = between(rand, 0, size - 2);
      lines[between(rand, from + 1, size - 1)] = [...lines[from]!];
    }
  }
  return lines;
}

/** Copies a line from before the cut (`before` lines in) to after it, and sometimes a third time. */
function repeatAcross(rand: Random, lines: string[][], before: number): void {
  const from = between(rand, 0, before - 1);
  lines[between(rand, before, lines.length - 1)] = [...lines[from]!];
  if (rand() < 0.4) lines[lines.length - before >= 2 ? between(rand, before, lines.length - 1) : between(rand, 0, before - 1)] = [...lines[from]!];
}

/** ~12,000 rows in the Online Retail layout: one-line and 5–40-line invoices, cancellations, invoices without a customer. */
function retailRows(): string[][] {
  const rand = seeded(352);
  const products = catalogue(rand, 300);
  const customers = Array.from({ length: 700 }, (_, i) => ({ id: String(12_346 + i * 3), country: pick(rand, COUNTRIES) }));
  const rows: string[][] = [];
  let invoiceNo = 536_365;
  let minutes = 0;
  while (rows.length < RETAIL_ROWS) {
    const cancellation = rand() < 0.06;
    let size = cancellation ? between(rand, 1, 8) : rand() < 0.2 ? 1 : between(rand, 5, 40);
    const cut = (Math.floor(rows.length / ROWS_PER_COMMIT) + 1) * ROWS_PER_COMMIT;
    const plan = RETAIL_CUTS[cut / ROWS_PER_COMMIT] ?? 'repeat-across';
    const across = rows.length + size > cut;
    if (across && plan === 'between-invoices') size = cut - rows.length;
    const lines = invoiceLines(rand, products, size, cancellation, !(across && plan === 'invoice-across'));
    if (across && plan === 'repeat-across') repeatAcross(rand, lines, cut - rows.length);
    const customer = rand() < 0.15 ? null : pick(rand, customers);
    const invoice = `${cancellation ? 'C' : ''}${invoiceNo++}`;
    minutes += between(rand, 1, 240);
    for (const [code, description, quantity, price] of lines) rows.push([invoice, code!, description!, quantity!, usDate(minutes), price!, customer?.id ?? '', customer?.country ?? 'United Kingdom']);
  }
  rows.length = RETAIL_ROWS; // the last invoice cut short
  return rows;
}

const WALLET_HEADER = ['Date', 'Email', 'Amount', 'Product'];
const WALLET_ROWS = 3_071;

/** ~3,000 payments without an order number, some exactly identical (also on both sides of every commit cut). */
function walletRows(): string[][] {
  const rand = seeded(1997);
  const products = ['Gift card', 'Monthly box', 'Tea sampler', 'Coffee beans', 'Mug', 'Delivery'];
  const rows: string[][] = [];
  let minutes = 0;
  while (rows.length < WALLET_ROWS) {
    minutes += between(rand, 0, 90);
    const d = new Date(Date.UTC(2011, 2, 1, 9, 0) + minutes * 60_000).toISOString();
    const row = [`${d.slice(0, 10)} ${d.slice(11, 16)}`, `customer${between(rand, 1, 300)}@example.com`, pick(rand, ['5.00', '9.99', '12.50', '20.00', '35.90']), pick(rand, products)];
    for (let copies = rand() < 0.08 ? between(rand, 2, 3) : 1; copies > 0; copies--) rows.push([...row]);
  }
  rows.length = WALLET_ROWS;
  for (let cut = ROWS_PER_COMMIT; cut < rows.length; cut += ROWS_PER_COMMIT) {
    rows[cut] = [...rows[cut - 1]!];
    if (cut === 2 * ROWS_PER_COMMIT) rows[cut + 1] = [...rows[cut - 1]!];
  }
  return rows;
}

function csv(header: string[], rows: string[][]): string {
  return [header, ...rows].map((r) => r.join(',')).join('\r\n') + '\r\n';
}

interface TestFile {
  name: 'retail' | 'wallet';
  rows: string[][];
  path: string;
  /** The command's arguments after the file. */
  options: string[];
}

const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-resume-'));
const FILES: Record<TestFile['name'], TestFile> = {
  retail: { name: 'retail', rows: retailRows(), path: path.join(workDir, 'retail.csv'), options: ['--date-format', 'mdy', '--json'] },
  wallet: { name: 'wallet', rows: walletRows(), path: path.join(workDir, 'wallet.csv'), options: ['--json'] },
};
fs.writeFileSync(FILES.retail.path, csv(RETAIL_HEADER, FILES.retail.rows));
fs.writeFileSync(FILES.wallet.path, csv(WALLET_HEADER, FILES.wallet.rows));
afterAll(() => fs.rmSync(workDir, { recursive: true, force: true }));

// ---------------------------------------------------------------------------------------------
// Kill points, and what the file holds where they cut it.

interface KillPoint {
  /** RAPPORT_CRASH_AT, or null: killed from outside once rows_done reaches `killAtRowsDone`. */
  crashAt: string | null;
  killAtRowsDone?: number;
  /** The rows committed when it dies (on PostgreSQL; SQLite's writer thread may be a commit behind, see expectCommitted). */
  committedRows?: number;
}

const batchPoint = (n: number): KillPoint => ({ crashAt: `import.batch:${n}`, committedRows: Math.floor((n - 1) / BATCHES_PER_COMMIT) * ROWS_PER_COMMIT });
const commitPoint = (n: number, total: number): KillPoint => ({ crashAt: `import.commit:${n}`, committedRows: Math.min(n * ROWS_PER_COMMIT, total) });
const externalPoint = (rows: number): KillPoint => ({ crashAt: null, killAtRowsDone: rows });

const RETAIL_POINTS: KillPoint[] = [
  // Each kill costs a process start and a resumed run (on both databases, in CI's time): points chosen for what their cut splits.
  ...[1, 5, 8, 12, 14, 21, 30, 36, 44].map(batchPoint),
  ...[2, 4, 8, 12, 13].map((n) => commitPoint(n, RETAIL_ROWS)),
  ...[2_000, 10_000].map(externalPoint),
];
const WALLET_POINTS: KillPoint[] = [batchPoint(6), batchPoint(9), commitPoint(1, WALLET_ROWS), commitPoint(2, WALLET_ROWS), externalPoint(1_000)];

/** Rows i and i+1 (0-based) are lines of one invoice. */
const sameInvoice = (rows: string[][], i: number) => i >= 0 && i + 1 < rows.length && rows[i]![0] === rows[i + 1]![0];
const lineContent = (r: string[]) => JSON.stringify([r[1], r[2], r[3], r[5]]);

/** What a cut after `committed` rows splits: an invoice, and within it the same line on both sides; or identical rows without an order number. */
function cutAt(file: TestFile, committed: number): { invoiceAcross: string | null; repeatAcross: boolean } {
  const rows = file.rows;
  if (committed <= 0 || committed >= rows.length) return { invoiceAcross: null, repeatAcross: false };
  if (file.name === 'wallet') return { invoiceAcross: null, repeatAcross: rows.slice(0, committed).some((r) => r.join() === rows[committed]!.join()) };
  if (!sameInvoice(rows, committed - 1)) return { invoiceAcross: null, repeatAcross: false };
  const invoice = rows[committed]![0]!;
  const before = new Set(rows.slice(0, committed).filter((r) => r[0] === invoice).map(lineContent));
  return { invoiceAcross: invoice, repeatAcross: rows.slice(committed).some((r) => r[0] === invoice && before.has(lineContent(r))) };
}

/** A batch crash point whose last (uncommitted) batch ends inside an invoice that goes on into the next commit. */
function batchEndsInsideInvoiceIntoNextCommit(file: TestFile, point: KillPoint): boolean {
  const m = /^import\.batch:(\d+)$/.exec(point.crashAt ?? '');
  if (!m) return false;
  const end = Number(m[1]) * ROWS_PER_BATCH;
  return end % ROWS_PER_COMMIT === 0 && sameInvoice(file.rows, end - 1);
}

function describePoint(file: TestFile, point: KillPoint): string {
  if (point.crashAt === null) return `killed from outside (process group) once ${point.killAtRowsDone!.toLocaleString('en')} rows are committed`;
  const cut = cutAt(file, point.committedRows!);
  const what = cut.invoiceAcross ? `, cutting invoice ${cut.invoiceAcross}${cut.repeatAcross ? ' between copies of a repeated line' : ''}` : cut.repeatAcross ? ', between identical rows' : '';
  const batchEnd = batchEndsInsideInvoiceIntoNextCommit(file, point) ? '; its last batch ends inside an invoice that goes on into the next commit' : '';
  return `${point.crashAt} (cut after ${point.committedRows!.toLocaleString('en')} rows${what}${batchEnd})`;
}

// ---------------------------------------------------------------------------------------------
// Running the CLI, and killing it.

interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

function startCli(args: string[], env: Record<string, string>, detached = false): { pid: number; exited: () => boolean; exit: Promise<Exit> } {
  const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, RAPPORT_CRASH_AT: '', ...env, DATABASE_URL: env.DATABASE_URL ?? '' }, cwd: env.RAPPORT_DATA_DIR, detached, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  let done = false;
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exit = new Promise<Exit>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => {
      done = true;
      resolve({ code, signal, stdout, stderr });
    });
  });
  return { pid: child.pid!, exited: () => done, exit };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function rowsDone(reader: LedgerReader): Promise<number> {
  const [row] = await reader.all<{ rows_done: number | string }>('select rows_done from imports');
  return Number(row?.rows_done ?? 0);
}

/** Starts the import in a process group of its own and SIGKILLs the group once the database shows `atRows` committed rows. */
async function killFromOutside(db: ScenarioDatabase, args: string[], atRows: number, env: Record<string, string> = SIZES): Promise<Exit> {
  const run = startCli(args, { ...env, ...db.env }, true);
  const reader = await db.reader();
  try {
    while (!run.exited() && (await rowsDone(reader)) < atRows) await sleep(5);
  } finally {
    await reader.close();
  }
  if (!run.exited()) process.kill(-run.pid, 'SIGKILL');
  return run.exit;
}

function killedRun(db: ScenarioDatabase, file: TestFile, point: KillPoint): Promise<Exit> {
  const args = ['import', file.path, ...file.options];
  if (point.crashAt === null) return killFromOutside(db, args, point.killAtRowsDone!);
  return startCli(args, { ...SIZES, ...db.env, RAPPORT_CRASH_AT: point.crashAt }).exit;
}

/** The same command again, without a crash point, until it succeeds: how many runs it took, and the last. */
async function resumeUntilDone(db: ScenarioDatabase, file: Pick<TestFile, 'path' | 'options'>): Promise<{ runs: number; last: Exit }> {
  let last: Exit | null = null;
  for (let runs = 1; runs <= 3; runs++) {
    last = await startCli(['import', file.path, ...file.options], { ...SIZES, ...db.env }).exit;
    if (last.code === 0) return { runs, last };
  }
  throw new Error(`the import did not complete in 3 runs: ${last?.stderr}`);
}

// ---------------------------------------------------------------------------------------------
// Databases: a workspace made once per dialect, copied for every scenario.

interface ScenarioDatabase {
  env: Record<string, string>;
  reader(): Promise<LedgerReader>;
  drop(): Promise<void>;
}

interface Target {
  prepare(currency: string): Promise<void>;
  /** Changes the prepared database (before any copy is made), through the app's own code. */
  seed(work: (db: Kysely<DB>, workspaceId: string) => Promise<void>): Promise<void>;
  fresh(): Promise<ScenarioDatabase>;
  dispose(): Promise<void>;
}

async function createWorkspace(env: Record<string, string>, currency: string): Promise<void> {
  const created = await rapport(['workspace', 'create', '--name', 'Resume', '--owner-email', 'owner@example.com', '--owner-name', 'Owner', '--currency', currency, '--password-stdin'], env, PASSWORD);
  if (created.code !== 0) throw new Error(`workspace create failed: ${created.stderr}`);
}

/** SQLite: the prepared folder's files copied (a database file with the workspace in it). */
function sqliteTarget(): Target {
  let template: string | null = null;
  return {
    prepare: (currency) => createWorkspace({ RAPPORT_DATA_DIR: (template = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-resume-template-'))) }, currency),
    seed: (work) => seedDatabase({ sqlitePath: path.join(template!, 'rapport.db') }, work),
    fresh: async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-resume-'));
      for (const f of fs.readdirSync(template!).filter((n) => n.startsWith('rapport.db'))) fs.copyFileSync(path.join(template!, f), path.join(dir, f));
      return { env: { RAPPORT_DATA_DIR: dir }, reader: async () => sqliteReader(path.join(dir, 'rapport.db')), drop: async () => fs.rmSync(dir, { recursive: true, force: true }) };
    },
    dispose: async () => {
      if (template) fs.rmSync(template, { recursive: true, force: true });
    },
  };
}

/** PostgreSQL: `create database … template …` from a database with the workspace in it; each dropped after. */
function postgresTarget(adminUrl: string): Target {
  const prefix = `rapport_resume_${process.pid}`;
  const urlOf = (name: string) => Object.assign(new URL(adminUrl), { pathname: `/${name}` }).toString();
  const admin = async (text: string) => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      await client.query(text);
    } finally {
      await client.end();
    }
  };
  let dir = '';
  const made: string[] = [];
  let n = 0;
  return {
    prepare: async (currency) => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-resume-pg-'));
      await admin(`create database ${prefix}_template`);
      made.push(`${prefix}_template`);
      await createWorkspace({ RAPPORT_DATA_DIR: dir, DATABASE_URL: urlOf(`${prefix}_template`) }, currency);
    },
    seed: (work) => seedDatabase({ url: urlOf(`${prefix}_template`) }, work),
    fresh: async () => {
      const name = `${prefix}_${++n}`;
      await admin(`create database ${name} template ${prefix}_template`);
      return { env: { RAPPORT_DATA_DIR: dir, DATABASE_URL: urlOf(name) }, reader: () => postgresReader(urlOf(name)), drop: () => admin(`drop database if exists ${name} with (force)`) };
    },
    dispose: async () => {
      for (const name of made) await admin(`drop database if exists ${name} with (force)`);
      if (dir) fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function seedDatabase(options: DatabaseOptions, work: (db: Kysely<DB>, workspaceId: string) => Promise<void>): Promise<void> {
  const database = openDatabase(options);
  try {
    const { id } = await database.db.selectFrom('workspaces').select('id').executeTakeFirstOrThrow();
    await work(database.db, id);
  } finally {
    await database.close();
  }
}

async function withReader<T>(db: ScenarioDatabase, work: (reader: LedgerReader) => Promise<T>): Promise<T> {
  const reader = await db.reader();
  try {
    return await work(reader);
  } finally {
    await reader.close();
  }
}

// ---------------------------------------------------------------------------------------------
// A scenario: the reference, or a kill and its resumption.

interface Reference {
  dump: LedgerDump;
  customers: number;
  counts: Record<string, number>;
}

async function reference(target: Target, file: TestFile): Promise<Reference> {
  const db = await target.fresh();
  try {
    const run = await startCli(['import', file.path, ...file.options], { ...SIZES, ...db.env }).exit;
    if (run.code !== 0) throw new Error(`the uninterrupted import failed: ${run.stderr}`);
    const dump = await withReader(db, dumpLedger);
    return { dump, customers: dump.customers.length, counts: JSON.parse(run.stdout).counts };
  } finally {
    await db.drop();
  }
}

interface Resumption {
  label: string;
  /** What the database held between the kill and the resumption. */
  before: { rowsDone: number; transactions: number; lines: number; customers: number };
  json: { resumedAfterRow?: number; counts: Record<string, number>; importTotals?: Record<string, number> };
}

const COUNTED = ['rows', 'transactionsCreated', 'linesAdded', 'customersCreated'] as const;

/**
 * Kills the import at `point` and checks the kill really interrupted it (died by SIGKILL, left
 * fewer line items than a whole import unless every row was committed); then resumes it, and
 * returns how many runs that took and the ledger it left.
 */
async function killAndResume(target: Target, dialect: DialectName, file: TestFile, point: KillPoint, ref: Reference, record: (r: Resumption) => void): Promise<{ runs: number; dump: LedgerDump; resumedAfter: number }> {
  const db = await target.fresh();
  try {
    const killed = await killedRun(db, file, point);
    expect(killed.signal, `the first run exited ${killed.code}: ${killed.stderr}`).toBe('SIGKILL');
    const before = await withReader(db, async (reader) => ({ rowsDone: await rowsDone(reader), ...(await ledgerCounts(reader)) }));
    expectCommitted(dialect, point, before.rowsDone, file.rows.length);
    expect({ fewerLines: before.lines < ref.dump.totals.lineCount }).toEqual({ fewerLines: before.rowsDone < file.rows.length });

    const { runs, last } = await resumeUntilDone(db, file);
    record({ label: `${file.name} ${point.crashAt ?? `external@${point.killAtRowsDone}`} (cut at ${before.rowsDone})`, before, json: JSON.parse(last.stdout) });
    return { runs, dump: await withReader(db, dumpLedger), resumedAfter: before.rowsDone };
  } finally {
    await db.drop();
  }
}

/**
 * A crash point's commits: on PostgreSQL exactly those before it; SQLite's writer thread
 * commits behind the importer (a commit is answered for by the next one), so a SIGKILL right
 * after "commit" may land before that commit reached the file: one commit fewer.
 */
function expectCommitted(dialect: DialectName, point: KillPoint, rowsDoneNow: number, total: number): void {
  if (point.committedRows === undefined) {
    expect(rowsDoneNow).toBeGreaterThanOrEqual(point.killAtRowsDone!);
    expect(rowsDoneNow, 'the external kill landed after the last commit').toBeLessThan(total);
    return;
  }
  if (dialect === 'postgres') expect(rowsDoneNow).toBe(point.committedRows);
  else expect([previousCommit(point.committedRows), point.committedRows]).toContain(rowsDoneNow);
}

/** The rows committed one commit before `committed` rows were. */
function previousCommit(committed: number): number {
  return Math.max(0, committed - (committed % ROWS_PER_COMMIT || ROWS_PER_COMMIT));
}

// ---------------------------------------------------------------------------------------------

describe('the generated files and kill points', () => {
  it('cut invoices where the danger is: repeated lines on both sides of a commit, a batch ending inside an invoice going on into the next commit', () => {
    const retail = FILES.retail;
    const cuts = RETAIL_POINTS.filter((p) => p.committedRows !== undefined).map((p) => ({ point: p.crashAt, ...cutAt(retail, p.committedRows!) }));
    expect(cuts.filter((c) => c.point!.startsWith('import.batch') && c.repeatAcross).length).toBeGreaterThanOrEqual(5);
    // SQLite may be a commit behind (see expectCommitted): dangerous points stay dangerous either way.
    const earlier = RETAIL_POINTS.filter((p) => p.committedRows !== undefined && cutAt(retail, p.committedRows).repeatAcross && cutAt(retail, previousCommit(p.committedRows)).repeatAcross);
    expect(earlier.length).toBeGreaterThanOrEqual(5);
    expect(cuts.filter((c) => c.point!.startsWith('import.commit') && c.repeatAcross).length).toBeGreaterThanOrEqual(3);
    expect(cuts.some((c) => c.invoiceAcross && !c.repeatAcross)).toBe(true);
    expect(cuts.some((c) => !c.invoiceAcross && c.point !== 'import.batch:1')).toBe(true);
    expect(RETAIL_POINTS.filter((p) => batchEndsInsideInvoiceIntoNextCommit(retail, p)).map((p) => p.crashAt)).toEqual(expect.arrayContaining(['import.batch:8', 'import.batch:12']));
    // The file's own shape: Online Retail's mix.
    const invoices = new Map<string, string[][]>();
    for (const r of retail.rows) invoices.set(r[0]!, [...(invoices.get(r[0]!) ?? []), r]);
    const sizes = [...invoices.values()].map((lines) => lines.length);
    expect(sizes.filter((s) => s === 1).length).toBeGreaterThan(50);
    expect(sizes.filter((s) => s >= 5).length).toBeGreaterThan(300);
    expect([...invoices.values()].filter((lines) => new Set(lines.map(lineContent)).size < lines.length).length).toBeGreaterThan(30);
    expect([...invoices.keys()].filter((k) => k.startsWith('C')).length).toBeGreaterThan(10);
    expect(retail.rows.filter((r) => r[6] === '').length).toBeGreaterThan(500);
    const wallet = FILES.wallet;
    expect(WALLET_POINTS.filter((p) => p.committedRows !== undefined && p.committedRows > 0).every((p) => cutAt(wallet, p.committedRows!).repeatAcross)).toBe(true);
  });
});

for (const dialect of testDialects) {
  describe(`a killed import loses nothing [${dialect}]`, () => {
    const target = dialect === 'sqlite' ? sqliteTarget() : postgresTarget(process.env.RAPPORT_TEST_DATABASE_URL!);
    const refs = {} as Record<TestFile['name'], Reference>;
    const resumptions: Resumption[] = [];
    let started = 0;

    beforeAll(async () => {
      started = Date.now();
      await target.prepare('GBP');
      refs.retail = await reference(target, FILES.retail);
      refs.wallet = await reference(target, FILES.wallet);
    }, 120_000);
    afterAll(async () => {
      await target.dispose();
      if (started) console.log(`[${dialect}] kill-and-resume scenarios: ${Math.round((Date.now() - started) / 1000)} s; resumed: ${resumptions.map((r) => r.label).join('; ')}`);
    });

    it('the references hold every row of the files', () => {
      expect(refs.retail.dump.totals.lineCount).toBe(RETAIL_ROWS);
      expect(refs.retail.dump.totals.decodedLines).toBe(RETAIL_ROWS);
      expect(refs.wallet.dump.totals.transactions).toBe(WALLET_ROWS);
      expect(refs.retail.counts).toMatchObject({ rows: RETAIL_ROWS, rejected: 0, linesAdded: RETAIL_ROWS });
      expect(refs.wallet.counts).toMatchObject({ rows: WALLET_ROWS, rejected: 0, transactionsCreated: WALLET_ROWS });
    });

    for (const [file, points] of [[FILES.retail, RETAIL_POINTS], [FILES.wallet, WALLET_POINTS]] as const) {
      for (const point of points) {
        it(`${file.name}: ${describePoint(file, point)}`, async () => {
          const ref = refs[file.name];
          const resumed = await killAndResume(target, dialect, file, point, ref, (r) => resumptions.push(r));
          expect(resumed.runs, 'runs needed after the kill').toBe(1);
          expect(ledgerDifferences(ref.dump, resumed.dump), `resumed after row ${resumed.resumedAfter}`).toEqual([]);
          expect(resumed.dump.totals).toEqual(ref.dump.totals);
          expect(resumed.dump).toEqual(ref.dump);
        }, 60_000);
      }
    }

    it('a resumed run reports only what it changed itself (--json counts), and the import its totals', () => {
      expect(resumptions.length).toBeGreaterThan(0);
      const table = (expected: boolean) =>
        resumptions.map((r) => {
          const ref = refs[r.label.startsWith('retail') ? 'retail' : 'wallet'];
          const total = ref.counts.rows!;
          const want = { resumedAfterRow: r.before.rowsDone > 0, rows: total - r.before.rowsDone, transactionsCreated: ref.dump.totals.transactions - r.before.transactions, linesAdded: ref.dump.totals.lineCount - r.before.lines, customersCreated: ref.customers - r.before.customers };
          const got = { resumedAfterRow: (r.json.resumedAfterRow ?? 0) > 0, ...Object.fromEntries(COUNTED.map((k) => [k, r.json.counts[k]])) };
          const totals = Object.fromEntries(COUNTED.map((k) => [k, (expected ? ref.counts : (r.json.importTotals ?? {}))[k]]));
          return { run: r.label, thisRun: expected ? want : got, importTotals: totals };
        });
      expect(table(false)).toEqual(table(true));
    });
  });
}

// ---------------------------------------------------------------------------------------------
// What an import links once all its rows are in — the codes on a transactions import's purchases
// (import.codes), the "referred by" cells of a customers import (import.referrals) — written in
// one commit with the outcome kept with the import: killed just after it, or before it (the rows
// committed, nothing linked), the same command run again ends as an uninterrupted run does.

const CODED_FILE = { path: path.join(workDir, 'coded-orders.csv'), options: ['--json'] };
writeCodedShopifyOrders(CODED_FILE.path);
const REFERRED_FILE = { path: path.join(workDir, 'referred-customers.csv'), options: ['--kind', 'customers', '--json'] };
fs.writeFileSync(REFERRED_FILE.path, [
  'Name,Email,How did you hear about us,Referred by',
  'Ada Early,ada@example.com,Instagram,bo@example.com', // referred by a later row
  'Bo Later,bo@example.com,Flyer,',
  'Cy Loop,cy@example.com,,dee@example.com',
  'Dee Loop,dee@example.com,,cy@example.com', // would close a loop: refused
  'Eve Self,eve@example.com,TikTok,eve@example.com', // herself: refused; TikTok: no such source
  'Fay Code,fay@example.com,,ERIN-2024', // a referral code
].join('\n'));

interface LinkLedger {
  redemptions: unknown[];
  customers: unknown[];
  outcomes: { codes?: unknown; referrals?: unknown; acquisition?: unknown }[];
  status: string[];
}

async function linkLedger(reader: LedgerReader): Promise<LinkLedger> {
  const imports = await reader.all<{ status: string; counts: unknown }>('select status, counts from imports order by created_at');
  const counts = imports.map((i) => (typeof i.counts === 'string' ? JSON.parse(i.counts) : i.counts) as Record<string, unknown>);
  return {
    redemptions: await reader.all(CODE_LEDGER_SQL.redemptions),
    customers: await reader.all(CODE_LEDGER_SQL.customers),
    outcomes: counts.map((c) => ({ codes: c.codes, referrals: c.referrals, acquisition: c.acquisition })),
    status: imports.map((i) => i.status),
  };
}

const LINK_POINTS: { file: Pick<TestFile, 'path' | 'options'>; crashAt: string; linkedBefore: boolean }[] = [
  { file: CODED_FILE, crashAt: 'import.codes:1', linkedBefore: true },
  { file: CODED_FILE, crashAt: 'import.commit:1', linkedBefore: false },
  { file: REFERRED_FILE, crashAt: 'import.referrals:1', linkedBefore: true },
  { file: REFERRED_FILE, crashAt: 'import.batch:1', linkedBefore: false },
];

for (const dialect of testDialects) {
  describe(`a killed import links its codes and referrals once [${dialect}]`, () => {
    const target = dialect === 'sqlite' ? sqliteTarget() : postgresTarget(process.env.RAPPORT_TEST_DATABASE_URL!);
    const refs = new Map<string, LinkLedger>();

    beforeAll(async () => {
      await target.prepare('USD');
      await target.seed((db, workspaceId) => seedCodes(db, fixedClock(new Date('2024-04-01T10:00:00Z')), workspaceId));
      for (const file of [CODED_FILE, REFERRED_FILE]) {
        const db = await target.fresh();
        try {
          const run = await startCli(['import', file.path, ...file.options], db.env).exit;
          if (run.code !== 0) throw new Error(`the uninterrupted import failed: ${run.stderr}`);
          refs.set(file.path, await withReader(db, linkLedger));
        } finally {
          await db.drop();
        }
      }
    }, 120_000);
    afterAll(() => target.dispose());

    it('the references link what the files say', () => {
      const codes = refs.get(CODED_FILE.path)!;
      expect(codes.outcomes[0]!.codes).toEqual(EXPECTED_CODES);
      expect(codes.redemptions).toEqual([{ order: '#1002', code: 'SPRING10', flag: null }, { order: '#1008', code: 'WINTER5', flag: 'expired' }]);
      const referred = refs.get(REFERRED_FILE.path)!;
      expect(referred.outcomes[0]!.referrals).toMatchObject({ set: 3, kept: 0, refused: [{ row: 5, code: 'referrals.cycle' }, { row: 6, code: 'referrals.self' }] });
      expect(referred.customers).toEqual([
        { name: 'Ada Early', campaign: null, source: 'Instagram', referredBy: 'Bo Later' },
        { name: 'Cy Loop', campaign: null, source: null, referredBy: 'Dee Loop' },
        { name: 'Fay Code', campaign: null, source: null, referredBy: 'Erin Referrer' },
      ]);
    });

    for (const point of LINK_POINTS) {
      it(`${point.file === CODED_FILE ? 'coded Shopify orders' : 'customers referred by others'}: killed at ${point.crashAt}`, async () => {
        const db = await target.fresh();
        try {
          const killed = await startCli(['import', point.file.path, ...point.file.options], { ...db.env, RAPPORT_CRASH_AT: point.crashAt }).exit;
          expect(killed.signal, `the first run exited ${killed.code}: ${killed.stderr}`).toBe('SIGKILL');
          const meanwhile = await withReader(db, linkLedger);
          expect(meanwhile.status).toEqual(['running']);
          expect(meanwhile.outcomes[0]!.codes !== undefined || meanwhile.outcomes[0]!.referrals !== undefined).toBe(point.linkedBefore);
          const { runs } = await resumeUntilDone(db, point.file);
          expect(runs).toBe(1);
          const after = await withReader(db, linkLedger);
          const ref = refs.get(point.file.path)!;
          expect(after.redemptions).toEqual(ref.redemptions);
          expect(after.customers).toEqual(ref.customers);
          expect(after.status).toEqual(['done']);
          expect(after.outcomes[0]!.codes).toEqual(ref.outcomes[0]!.codes);
          expect(after.outcomes[0]!.referrals).toEqual(ref.outcomes[0]!.referrals);
        } finally {
          await db.drop();
        }
      }, 60_000);
    }
  });
}

// ---------------------------------------------------------------------------------------------

const RETAIL_FILE = 'online-retail/online_retail.csv.gz';
const retailFile = sharedDataFile(RETAIL_FILE);
if (!retailFile) console.log(`Online Retail kill-and-resume test ${missingDataReason(RETAIL_FILE)}`);

describe('the real Online Retail file, killed two-thirds through [sqlite]', () => {
  /** 541,909 lines in 25,900 invoices (README); the total of all of them, refunds included, is £9,747,747.93 (summed from the file here). */
  const LINES = 541_909;
  const INVOICES = 25_900;
  const REVENUE_MINOR = 974_774_793;

  it.skipIf(!retailFile)('resumes to every line and the whole revenue, as an uninterrupted import has them', async () => {
    const target = sqliteTarget();
    await target.prepare('GBP');
    const whole = await target.fresh();
    const killed = await target.fresh();
    try {
      const args = ['import', retailFile!, '--json'];
      // Default batch and commit sizes: the import as users run it.
      expect((await startCli(args, whole.env).exit).code).toBe(0);
      const expected = await withReader(whole, dumpLedger);
      expect(expected.totals).toEqual({ transactions: INVOICES, lineCount: LINES, decodedLines: LINES, amountMinor: REVENUE_MINOR });

      const exit = await killFromOutside(killed, args, Math.round((LINES * 2) / 3), {}); // default sizes
      expect(exit.signal).toBe('SIGKILL');
      const before = await withReader(killed, async (reader) => ({ rowsDone: await rowsDone(reader), ...(await ledgerCounts(reader)) }));
      expect(before.lines).toBeGreaterThan(0);
      expect(before.lines).toBeLessThan(LINES);
      const resumed = await startCli(args, killed.env).exit;
      expect(resumed.code, resumed.stderr).toBe(0);
      expect(JSON.parse(resumed.stdout).resumedAfterRow, 'the second run resumed, not started again').toBeGreaterThanOrEqual(before.rowsDone);
      console.log(`Online Retail: killed with ${before.rowsDone.toLocaleString('en')} rows (${before.lines.toLocaleString('en')} lines) committed; resumed to the end`);

      const dump = await withReader(killed, dumpLedger);
      expect(ledgerDifferences(expected, dump)).toEqual([]);
      expect(dump.totals).toEqual({ transactions: INVOICES, lineCount: LINES, decodedLines: LINES, amountMinor: REVENUE_MINOR });
      expect(dump.customers).toEqual(expected.customers);
    } finally {
      await whole.drop();
      await killed.drop();
      await target.dispose();
    }
  }, 600_000);
});
