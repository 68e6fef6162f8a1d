/**
 * Segments (issue 15) at 100,000 customers and 2,000,000 purchases: a three-condition segment
 * counted and its first page listed through the HTTP API (in-process inject), and profit by
 * attribute by month over two years through the report's endpoint — each beside the equivalent
 * hand-written SQL, interleaved in the same run. Writes docs/benchmarks.md (one section per database).
 *
 *   npm run bench:segments                 (SQLite, and PostgreSQL when the local server answers)
 *   BENCH_DIALECT=sqlite npm run bench:segments
 *   BENCH_SMALL=1 npm run bench:segments   (a tenth of the scale, to try the script; writes nothing)
 *   BENCH_CACHE=1 npm run bench:segments   (keep the generated databases in the temp directory and
 *                                           reuse them next time; delete them to regenerate)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql, type Kysely, type RawBuilder } from 'kysely';
import pg from 'pg';
import { loadConfig } from '../src/config.ts';
import { openDatabase, type Database } from '../src/db/connection.ts';
import { migrateToLatest } from '../src/db/migrator.ts';
import type { DB } from '../src/db/schema.ts';
import { dayAgo } from '../src/modules/filters/filter-compiler.ts';
import { createWorkspace } from '../src/modules/workspaces/workspaces.usecases.ts';
import { buildApp } from '../src/server/app.ts';
import { fixedClock } from '../src/shared/clock.ts';
import { addDays, dayIn, startOfDayIn } from '../src/shared/days.ts';
import { freshDatabase, PG_URL, postgresAnswers } from './databases.ts';
import { FULL_SCALE, generatePurchases, type GeneratedPurchases } from './generate-purchases.ts';
import { writeBenchmarkSection } from './report.ts';

const SMALL = Boolean(process.env.BENCH_SMALL);
const CACHE = Boolean(process.env.BENCH_CACHE);
const SCALE = SMALL ? { customers: FULL_SCALE.customers / 10, sales: FULL_SCALE.sales / 10 } : FULL_SCALE;
const RUNS = Math.max(20, Number(process.env.BENCH_RUNS ?? 25));
const WARMUPS = 5;
const ZONE = 'Europe/Berlin';
const CURRENCY = 'EUR';
const NOW = new Date('2026-06-15T10:00:00Z');
const TODAY = dayIn(NOW, ZONE);
/** Two years of whole months back (a partial first month would not be cut: the report's first period starts where the one before ends). */
const FROM = `${Number(TODAY.slice(0, 4)) - 2}${TODAY.slice(4, 8)}01`;
const EMAIL = 'bench-segments@example.com';
const PASSWORD = 'benchmark passphrase';
const FILTER = 'tier = gold and market = "Wholesale" and last_purchase < 90 days ago';
const LIMIT = 50;
/** Issue 15: medians under these, and within 2× of the hand-written SQL. */
const GOALS = { count: 100, page: 50, profit: 1_000 };

type Dialect = 'sqlite' | 'postgres';

interface Timing { api: number[]; reference: number[] }
interface Measured { name: string; goal: number; apiMedian: number; apiP95: number; refMedian: number; refP95: number; ratio: number; note: string }

const quantile = (values: number[], q: number) => values.toSorted((a, b) => a - b)[Math.min(values.length - 1, Math.floor(q * values.length))]!;
const ms = (value: number) => `${value.toFixed(value < 10 ? 2 : 1)} ms`;

/** The bench database: fresh (dropped at the end), or with BENCH_CACHE one kept under a fixed name and reused. */
async function openBench(dialect: Dialect): Promise<{ database: Database; drop: () => Promise<void>; cached: GeneratedPurchases & { workspaceId: string } | null; keep: (g: GeneratedPurchases & { workspaceId: string }) => void }> {
  if (!CACHE) {
    const fresh = await freshDatabase(dialect);
    return { ...fresh, cached: null, keep: () => {} };
  }
  const tag = `segments_${SCALE.customers}`;
  const info = path.join(os.tmpdir(), `rapport-bench-${tag}-${dialect}.json`);
  let exists = fs.existsSync(info);
  let database: Database;
  if (dialect === 'sqlite') {
    const file = path.join(os.tmpdir(), `rapport-bench-${tag}.db`);
    if (!exists) for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
    database = openDatabase({ sqlitePath: file });
  } else {
    const name = `rapport_bench_${tag}`;
    const client = new pg.Client({ connectionString: PG_URL });
    await client.connect();
    const found = (await client.query('select 1 from pg_database where datname = $1', [name])).rowCount;
    if (!found || !exists) {
      await client.query(`drop database if exists ${name} with (force)`);
      await client.query(`create database ${name}`);
      exists = false;
    }
    await client.end();
    const url = new URL(PG_URL);
    url.pathname = `/${name}`;
    database = openDatabase({ url: url.toString() });
  }
  return {
    database,
    drop: () => database.close(),
    cached: exists ? JSON.parse(fs.readFileSync(info, 'utf8')) : null,
    keep: (g) => fs.writeFileSync(info, JSON.stringify(g)),
  };
}

async function timeBoth(api: () => Promise<unknown>, reference: () => Promise<unknown>, runs = RUNS, warmups = WARMUPS): Promise<Timing> {
  const out: Timing = { api: [], reference: [] };
  for (let i = 0; i < warmups + runs; i++) {
    // Alternate which goes first, so neither always runs on the other's warm cache.
    const order = i % 2 === 0 ? [['api', api], ['reference', reference]] as const : [['reference', reference], ['api', api]] as const;
    for (const [which, work] of order) {
      const started = performance.now();
      await work();
      if (i >= warmups) out[which].push(performance.now() - started);
    }
  }
  return out;
}

function measured(name: string, goal: number, t: Timing, note: string): Measured {
  const apiMedian = quantile(t.api, 0.5);
  const refMedian = quantile(t.reference, 0.5);
  const m = { name, goal, apiMedian, apiP95: quantile(t.api, 0.95), refMedian, refP95: quantile(t.reference, 0.95), ratio: apiMedian / refMedian, note };
  console.log(`  ${name}: API ${ms(m.apiMedian)} (p95 ${ms(m.apiP95)}), reference ${ms(m.refMedian)} (p95 ${ms(m.refP95)}), ${m.ratio.toFixed(2)}×`);
  return m;
}

async function benchDialect(dialect: Dialect) {
  const { database, drop, cached, keep } = await openBench(dialect);
  try {
    const db = database.db;
    const clock = fixedClock(NOW);
    let data = cached;
    if (!data) {
      await migrateToLatest(database);
      const { workspaceId } = await createWorkspace({ db, dialect, clock }, { workspaceName: 'Bench', baseCurrency: CURRENCY, locale: 'en', timeZone: ZONE, ownerName: 'Bench', email: EMAIL, password: PASSWORD });
      const started = performance.now();
      const generated = await generatePurchases(db, workspaceId, CURRENCY, NOW, SCALE, (line) => console.log(`${dialect}:${line}`));
      // As autovacuum leaves a table that has settled (PostgreSQL's index-only scans need the visibility map).
      await (dialect === 'postgres' ? sql`vacuum analyze` : sql`analyze`).execute(db);
      console.log(`${dialect}: generated in ${((performance.now() - started) / 1000).toFixed(1)} s`);
      data = { ...generated, workspaceId };
      keep(data);
    } else console.log(`${dialect}: reusing the cached database (${database.location})`);
    console.log(`${dialect}:`, { ...data, marketIds: undefined });
    const { workspaceId } = data;
    if (process.env.BENCH_GENERATE_ONLY) process.exit(0);

    const app = await buildApp({ database, clock, config: { ...loadConfig({}), webDistDir: '/nonexistent', logLevel: 'silent' } });
    const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: EMAIL, password: PASSWORD } });
    const cookie = `rapport_session=${login.cookies.find((c) => c.name === 'rapport_session')!.value}`;
    const get = async <T>(url: string): Promise<T> => {
      const res = await app.inject({ url, headers: { cookie } });
      if (res.statusCode !== 200) throw new Error(`${url} → ${res.statusCode} ${res.body}`);
      return res.json() as T;
    };
    const results: Measured[] = [];
    const filter = encodeURIComponent(FILTER);

    // ——— a. The count ———
    // By hand: the three conditions as plain joins (each customer has at most one metrics row and one market value).
    const wholesale = data.marketIds.Wholesale!;
    const before = startOfDayIn(dayAgo(TODAY, 90, 'day'), ZONE);
    const segmentFrom = sql`from customers c
      join customer_metrics m on m.workspace_id = c.workspace_id and m.customer_id = c.id
      join attribute_values av on av.workspace_id = c.workspace_id and av.customer_id = c.id and av.attribute_id = ${data.marketAttributeId}
      where c.workspace_id = ${workspaceId} and c.deleted_at is null and m.tier = 'gold' and av.value_text = ${wholesale} and c.last_purchase_at < ${before}`;
    const countRef = async () => Number((await sql<{ n: number | string }>`select count(*) as n ${segmentFrom}`.execute(db)).rows[0]!.n);
    const countApi = async () => (await get<{ total?: number; count?: number }>(`/api/v1/customers/count?filter=${filter}`));
    const apiCount = await countApi();
    const total = Number(apiCount.total ?? apiCount.count ?? Number.NaN);
    const refCount = await countRef();
    if (total !== refCount) throw new Error(`count disagrees: API ${JSON.stringify(apiCount)}, reference ${refCount}`);
    console.log(`${dialect}: the segment has ${refCount} customers (API and reference agree)`);
    results.push(measured(`count of the segment (\`GET /customers/count?filter=…\`)`, GOALS.count, await timeBoth(countApi, countRef), 'count(*) over customers joined to customer_metrics and attribute_values'));

    // ——— b. The first page, by name ———
    const agg = (expr: string) => sql.raw(dialect === 'postgres' ? `string_agg(${expr}, ',')` : `group_concat(${expr}, ',')`);
    const sameContent = sql`c.*,
      (select cc.value from customer_contacts cc where cc.workspace_id = c.workspace_id and cc.customer_id = c.id and cc.kind = 'email' order by cc.position limit 1) as email,
      (select cc.value from customer_contacts cc where cc.workspace_id = c.workspace_id and cc.customer_id = c.id and cc.kind = 'phone' order by cc.position limit 1) as phone,
      (select ${agg("x.id || ':' || x.name || ':' || x.color")} from (select t.id, t.name, t.color from customer_tags ct join tags t on t.workspace_id = ct.workspace_id and t.id = ct.tag_id where ct.workspace_id = c.workspace_id and ct.customer_id = c.id order by t.name_key) x) as tags,
      (select ${agg("a.attribute_id || '=' || coalesce(a.value_text, cast(a.value_date as text), cast(a.value_number as text))")} from attribute_values a where a.workspace_id = c.workspace_id and a.customer_id = c.id) as attrs,
      coalesce((select o.id || '|' || o.display_name from employments e join customers o on o.workspace_id = e.workspace_id and o.id = e.organisation_id where e.workspace_id = c.workspace_id and e.person_id = c.id and o.deleted_at is null order by e.created_at limit 1),
               (select p.display_name from customers p where p.workspace_id = c.workspace_id and p.id = c.parent_id and p.deleted_at is null)) as organisation,
      m.revenue_365, m.revenue_lifetime, m.purchases, m.days_since_last, m.value_rank, m.tier, m.rfm_segment, m.lapse_state, m.p_alive, m.clv`;
    const pageRef = async () => (await sql<{ id: string }>`select ${sameContent} ${segmentFrom} order by c.sort_name, c.id limit ${LIMIT + 1}`.execute(db)).rows;
    const pageApi = () => get<{ items: { id: string }[] }>(`/api/v1/customers?filter=${filter}&sort=name&limit=${LIMIT}`);
    const [apiPage, refPage] = [await pageApi(), await pageRef()];
    const apiIds = apiPage.items.map((r) => r.id).join();
    if (apiIds !== refPage.slice(0, LIMIT).map((r) => r.id).join()) throw new Error(`first page disagrees: API ${apiPage.items.length} rows, reference ${refPage.length}`);
    console.log(`${dialect}: the first page agrees (${apiPage.items.length} rows)`);
    results.push(measured(`first page of it, ${LIMIT} by name (\`GET /customers?filter=…&sort=name\`)`, GOALS.page, await timeBoth(pageApi, pageRef), 'the same rows with the same content, one statement'));

    // ——— c. Profit by market by month over two years ———
    // By hand: one statement grouping the ledger in range by (market option, month in the workspace's zone).
    const start = startOfDayIn(FROM, ZONE);
    const end = startOfDayIn(addDays(TODAY, 1), ZONE);
    let month: RawBuilder<unknown>;
    if (dialect === 'postgres') month = sql`to_char(t.occurred_at at time zone ${ZONE}, 'YYYY-MM')`;
    else {
      // No zone functions in SQLite: the month boundaries as instants, worked out here.
      const bounds: { key: string; end: string }[] = [];
      for (let d = `${FROM.slice(0, 7)}-01`; d <= TODAY; ) {
        const nextMonth = new Date(Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)), 1)).toISOString().slice(0, 10);
        bounds.push({ key: d.slice(0, 7), end: startOfDayIn(nextMonth, ZONE) });
        d = nextMonth;
      }
      month = sql`case ${sql.join(bounds.map((b) => sql`when t.occurred_at < ${b.end} then ${b.key}`), sql` `)} end`;
    }
    type RefRow = { grp: string; month: string; revenue: number | string; profit: number | string | null; orders: number | string; active: number | string };
    const profitRef = async () => (await sql<RefRow>`select av.value_text as grp, ${month} as month, sum(t.amount_minor) as revenue,
        sum(case when t.cost_minor is not null then t.amount_minor - t.cost_minor end) as profit,
        sum(case when t.kind = 'sale' then 1 else 0 end) as orders, count(distinct case when t.kind = 'sale' then t.customer_id end) as active
      from transactions t
      join customers c on c.workspace_id = t.workspace_id and c.id = t.customer_id
      left join attribute_values av on av.workspace_id = c.workspace_id and av.customer_id = c.id and av.attribute_id = ${data.marketAttributeId}
      where t.workspace_id = ${workspaceId} and t.currency = ${CURRENCY} and t.occurred_at >= ${start} and t.occurred_at < ${end} and c.deleted_at is null
      group by 1, 2`.execute(db)).rows;
    type Report = { rows: { key: string; cells: { period: string; revenue: number; profit: number | null; orders: number; activeCustomers: number }[] }[] };
    const profitApi = () => get<Report>(`/api/v1/reports/profit?by=attribute:market&period=month&from=${FROM}&to=${TODAY}`);
    const [report, reference] = [await profitApi(), await profitRef()];
    let checked = 0;
    for (const r of reference) {
      const cell = report.rows.find((row) => row.key === (r.grp ?? ''))?.cells.find((c) => c.period === r.month);
      const want = { revenue: Number(r.revenue), profit: r.profit === null ? null : Number(r.profit), orders: Number(r.orders), activeCustomers: Number(r.active) };
      const got = cell && { revenue: cell.revenue, profit: cell.profit, orders: cell.orders, activeCustomers: cell.activeCustomers };
      if (JSON.stringify(got) !== JSON.stringify(want)) throw new Error(`profit report disagrees on ${r.grp} ${r.month}: API ${JSON.stringify(got)}, reference ${JSON.stringify(want)}`);
      checked++;
    }
    const cells = report.rows.reduce((s, r) => s + r.cells.length, 0);
    console.log(`${dialect}: the profit report agrees with the reference on all ${checked} (market, month) cells (of ${cells} in ${report.rows.length} rows)`);
    results.push(measured(`profit by market by month, ${FROM} to ${TODAY} (\`GET /reports/profit?by=attribute:market&period=month\`)`, GOALS.profit, await timeBoth(profitApi, profitRef, RUNS, 3), 'one statement: the ledger in range joined to customers and their market, grouped by (market, month)'));

    await app.close();
    return { data, segment: refCount, cells: checked, results };
  } finally {
    if (CACHE) console.log(`BENCH_CACHE: database kept at ${database.location}`);
    await drop();
  }
}

function report(dialect: Dialect, r: Awaited<ReturnType<typeof benchDialect>>): void {
  const d = r.data;
  const verdict = (m: Measured) => `${m.apiMedian < m.goal ? 'met' : '**NOT met**'} / ${m.ratio <= 2 ? 'met' : '**NOT met**'}`;
  const table = [
    `${d.customers.toLocaleString('en')} customers, every one a buyer: ${d.sales.toLocaleString('en')} sales over the ${913} days to ${TODAY} (log-normal spread of sales per customer, 40% stopping at some point)`,
    `and ${d.refunds.toLocaleString('en')} partial refunds; cost known on ${d.costed.toLocaleString('en')} sales. Metrics as a recompute leaves them: tiers ${Object.entries(d.tiers).map(([k, v]) => `${k} ${v.toLocaleString('en')}`).join(', ')};`,
    `lapse states ${Object.entries(d.states).map(([k, v]) => `${k} ${v.toLocaleString('en')}`).join(', ')}. Tags (VIP on ${d.vip.toLocaleString('en')}), sources on 80%, the choice attribute "market" (4 options, 40/30/20/10%) on everyone.`,
    `Segment \`${FILTER}\`: ${r.segment.toLocaleString('en')} customers. Workspace in ${CURRENCY}, ${ZONE}.`,
    `Median and p95 of ${RUNS} timed runs after warm-ups (${WARMUPS}; 3 for the report), API and reference interleaved, alternating which goes first; ${new Date().toISOString().slice(0, 10)}, ${os.cpus().length} cores (load average ${os.loadavg()[0]!.toFixed(1)} at the end: a shared machine).`,
    '',
    '| what | API median | API p95 | reference median | reference p95 | API ÷ reference | goal | met (time / 2×) |',
    '| --- | ---: | ---: | ---: | ---: | ---: | --- | --- |',
    ...r.results.map((m) => `| ${m.name} | ${ms(m.apiMedian)} | ${ms(m.apiP95)} | ${ms(m.refMedian)} | ${ms(m.refP95)} | ${m.ratio.toFixed(2)}× | < ${m.goal.toLocaleString('en')} ms, ≤ 2× | ${verdict(m)} |`),
    '',
    'API: a whole request through `app.inject` (session, validation, compiling the filter, the statements, JSON). References, hand-written on the same database:',
    ...r.results.map((m) => `- ${m.name.split(' (')[0]}: ${m.note}.`),
    `Before timing, the API's count was checked equal to the reference's, its first page's ids (in order) equal to the reference's, and every one of the ${r.cells} (market, month) cells' revenue, profit, orders and active customers equal.`,
    'Reproduce: `npm run bench:segments` (`BENCH_DIALECT=sqlite|postgres` for one database, `BENCH_CACHE=1` to keep and reuse the generated databases).',
  ].join('\n');
  console.log(table);
  if (SMALL) {
    console.log('BENCH_SMALL: not the scale the issue names; docs/benchmarks.md left alone');
    return;
  }
  writeBenchmarkSection(`segments-${dialect}`, `Segments and segment profit, ${dialect} (bench/segments.bench.ts)`, table);
}

const only = process.env.BENCH_DIALECT;
if (only !== 'postgres') report('sqlite', await benchDialect('sqlite'));
if (only === 'sqlite') console.log('BENCH_DIALECT=sqlite: skipping PostgreSQL');
else if (await postgresAnswers()) report('postgres', await benchDialect('postgres'));
else console.log(`PostgreSQL at ${PG_URL} does not answer: skipping it`);
