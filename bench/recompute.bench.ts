/**
 * The customer-value recompute at 100,000 customers, about a third of them buyers with
 * purchase histories drawn from the BG/NBD story over two years. Reference in the same run:
 * one plain SQL pass over the ledger (sum and count per customer), the least any recompute
 * must read. Writes docs/benchmarks.md.
 *
 *   npm run bench:recompute        (SQLite, and PostgreSQL when the local server answers)
 *   BENCH_CUSTOMERS=20000 npm run bench:recompute
 */
import { sql } from 'kysely';
import type { Database } from '../src/db/connection.ts';
import { migrateToLatest } from '../src/db/migrator.ts';
import { recomputeWorkspace } from '../src/modules/analytics/recompute.usecases.ts';
import { createTransactionsRepository, type TransactionRow } from '../src/modules/transactions/transactions.repository.ts';
import { createWorkspace } from '../src/modules/workspaces/workspaces.usecases.ts';
import { fixedClock } from '../src/shared/clock.ts';
import { newId } from '../src/shared/ids.ts';
import { generateCustomers, random } from './generate-customers.ts';
import { freshDatabase, postgresAnswers } from './databases.ts';
import { writeBenchmarkSection } from './report.ts';

const COUNT = Number(process.env.BENCH_CUSTOMERS ?? 100_000);
const RUNS = 3;
const TODAY = new Date('2026-01-01T12:00:00Z');
const DAY = 86_400_000;

interface Result {
  dialect: string;
  buyers: number;
  transactions: number;
  refit: number;
  scoreOnly: number;
  reference: number;
  peakMiB: number;
}

/** Gamma(shape, 1) by Marsaglia & Tsang (with the boost below one). */
function gammaSampler(next: () => number) {
  const normal = () => Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
  const gamma = (shape: number): number => {
    if (shape < 1) return gamma(shape + 1) * Math.pow(next(), 1 / shape);
    const d = shape - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      const z = normal();
      const v = Math.pow(1 + c * z, 3);
      if (v > 0 && Math.log(1 - next()) < 0.5 * z * z + d - d * v + d * Math.log(v)) return d * v;
    }
  };
  return gamma;
}

/** Purchases for a third of the customers: rate ~ Gamma(0.6, 20 days), drop-out ~ Beta(0.8, 3), spend per purchase Gamma-Gamma (p 4, q 3, gamma 1,500 cents). */
async function generatePurchases(database: Database, workspaceId: string): Promise<{ buyers: number; transactions: number }> {
  const next = random(7);
  const gamma = gammaSampler(next);
  const ids = (await database.db.selectFrom('customers').select('id').where('workspace_id', '=', workspaceId).execute()).map((r) => r.id);
  const repo = createTransactionsRepository(database.db);
  let rows: TransactionRow[] = [];
  let buyers = 0;
  let transactions = 0;
  const now = TODAY.toISOString();
  for (const [i, customerId] of ids.entries()) {
    if (i % 3 !== 0) continue;
    buyers++;
    const rate = gamma(0.6) / 20;
    const x = gamma(0.8);
    const dropout = x / (x + gamma(3));
    const spendRate = gamma(3) / 1_500;
    let day = Math.floor(next() * 700);
    for (;;) {
      rows.push({
        workspace_id: workspaceId, id: newId(), customer_id: customerId, kind: 'sale', occurred_at: new Date(TODAY.getTime() - (730 - day) * DAY).toISOString(),
        amount_minor: Math.max(1, Math.round(gamma(4) / spendRate)), currency: 'EUR', cost_minor: null, channel: null, campaign: null, external_id: null, note: null,
        source: 'import', import_id: null, content_hash: null, lines: null, line_count: 0, shipping_minor: null, fee_minor: null, campaign_id: null, created_by: null, created_at: now, updated_at: now,
      });
      transactions++;
      if (next() < dropout) break;
      day += Math.max(1, Math.round(-Math.log(1 - next()) / rate));
      if (day >= 730) break;
    }
    if (rows.length >= 20_000) {
      await repo.insertTransactions(rows);
      rows = [];
    }
  }
  await repo.insertTransactions(rows);
  return { buyers, transactions };
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

const median = (values: number[]) => values.toSorted((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function benchDialect(dialect: 'sqlite' | 'postgres'): Promise<Result> {
  const { database, drop } = await freshDatabase(dialect);
  try {
    await migrateToLatest(database);
    const clock = fixedClock(TODAY);
    const { workspaceId } = await createWorkspace({ db: database.db, dialect, clock }, { workspaceName: 'Bench', baseCurrency: 'EUR', locale: 'en', timeZone: 'Europe/Berlin', ownerName: 'Bench', email: 'bench@example.com', password: 'benchmark passphrase' });
    await generateCustomers(database.db, workspaceId, COUNT);
    const { buyers, transactions } = await generatePurchases(database, workspaceId);
    await sql`analyze`.execute(database.db);
    console.log(`${dialect}: ${COUNT.toLocaleString('en')} customers, ${buyers.toLocaleString('en')} buyers, ${transactions.toLocaleString('en')} purchases`);
    const reference = () => sql`select customer_id, sum(amount_minor) as total, count(*) as n from transactions where workspace_id = ${workspaceId} group by customer_id`.execute(database.db);
    const deps = { db: database.db, clock };
    const refit: number[] = [];
    const scoreOnly: number[] = [];
    const plain: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      plain.push(await timed(reference));
      refit.push(await timed(() => recomputeWorkspace(deps, workspaceId, { refit: true })));
      scoreOnly.push(await timed(() => recomputeWorkspace(deps, workspaceId)));
      console.log(`  run ${run + 1}: refit ${(refit.at(-1)! / 1000).toFixed(2)} s, scoring only ${(scoreOnly.at(-1)! / 1000).toFixed(2)} s, plain SQL ${(plain.at(-1)! / 1000).toFixed(2)} s`);
    }
    return { dialect, buyers, transactions, refit: median(refit), scoreOnly: median(scoreOnly), reference: median(plain), peakMiB: Math.round(process.resourceUsage().maxRSS / 1024) };
  } finally {
    await drop();
  }
}


const results: Result[] = [await benchDialect('sqlite')];
if (process.env.BENCH_DIALECT !== 'sqlite' && (await postgresAnswers())) results.push(await benchDialect('postgres'));
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
writeBenchmarkSection(
  'recompute',
  `Customer-value recompute (bench/recompute.bench.ts)`,
  [
    `${COUNT.toLocaleString('en')} customers; a third of them buyers with BG/NBD-drawn histories over two years. Median of ${RUNS} runs.`,
    '"Plain SQL": one `sum`/`count` per customer over the ledger, the least a recompute must read. No target is set; it runs as a background job.',
    '',
    '| database | buyers | purchases | recompute with model fit | recompute, stored model | plain SQL | ÷ plain SQL (stored model) | peak memory |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    ...results.map((r) => `| ${r.dialect} | ${r.buyers.toLocaleString('en')} | ${r.transactions.toLocaleString('en')} | ${s(r.refit)} | ${s(r.scoreOnly)} | ${s(r.reference)} | ${(r.scoreOnly / r.reference).toFixed(1)}× | ${r.peakMiB} MiB |`),
  ].join('\n'),
);
console.log('docs/benchmarks.md updated');
