/**
 * Customer list and quick search at 100,000 customers, through the HTTP API (in-process
 * inject: routing, auth, validation, serialisation included) and as the equivalent
 * hand-written SQL on the same database in the same run. Writes docs/benchmarks.md.
 *
 *   npm run bench:customers            (SQLite, and PostgreSQL at RAPPORT_BENCH_DATABASE_URL
 *                                       or the local server when it answers)
 *   BENCH_CUSTOMERS=20000 npm run bench:customers
 */
import os from 'node:os';
import { randomBytes } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { loadConfig } from '../src/config.ts';
import type { DB } from '../src/db/schema.ts';
import { migrateToLatest } from '../src/db/migrator.ts';
import { createWorkspace } from '../src/modules/workspaces/workspaces.usecases.ts';
import { buildApp } from '../src/server/app.ts';
import { systemClock } from '../src/shared/clock.ts';
import { generateCustomers } from './generate-customers.ts';
import { freshDatabase, PG_URL, postgresAnswers } from './databases.ts';
import { writeBenchmarkSection } from './report.ts';

const COUNT = Number(process.env.BENCH_CUSTOMERS ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 40);
const WARMUPS = 20;

interface Scenario {
  name: string;
  api: string;
  /** The rows' ids alone, in order. */
  bare: (db: Kysely<DB>) => Promise<unknown>;
  /** The same page with what the API returns for each row, in one hand-written statement. */
  full: (db: Kysely<DB>) => Promise<unknown>;
}

interface Result {
  dialect: string;
  scenario: string;
  apiMedian: number;
  apiP95: number;
  bareMedian: number;
  fullMedian: number;
  ratio: number;
}

async function main(): Promise<void> {
  const only = process.env.BENCH_DIALECT;
  if (only !== 'postgres') report('sqlite', await benchDialect('sqlite'));
  if (only === 'sqlite') console.log('BENCH_DIALECT=sqlite: skipping PostgreSQL');
  else if (await postgresAnswers()) report('postgres', await benchDialect('postgres'));
  else console.log(`PostgreSQL at ${PG_URL} does not answer: skipping it`);
}

/** One section per database, so each can be re-measured alone. */
function report(dialect: string, results: Result[]): void {
  const table = [
    `Customers: ${COUNT.toLocaleString('en')} (10% organisations), ${RUNS} timed runs each after ${WARMUPS} warm-ups, API and SQL interleaved; ${new Date().toISOString().slice(0, 10)}, ${os.cpus().length} cores.`,
    '',
    '| scenario | API median | API p95 | SQL, same content | SQL, rows only | API ÷ SQL same content |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    ...results.map((r) => `| ${r.scenario} | ${ms(r.apiMedian)} | ${ms(r.apiP95)} | ${ms(r.fullMedian)} | ${ms(r.bareMedian)} | ${r.ratio.toFixed(2)}× |`),
    '',
    'API: a whole request through `app.inject` (session check, validation, the page query, each row\'s first email and',
    'phone, tags, attribute values, organisation and value metrics, JSON serialisation). "SQL, same content": one hand-written statement',
    'returning the same rows with the same content (correlated subqueries; tags in name order, deleted organisations',
    'skipped, as the API does). "SQL, rows only": the bare page query.',
    'The total is a separate request (`/customers/count`), not in these figures. Goal (issue 3): a page under 50 ms at the',
    'median, within 2× of the equivalent hand-written query.',
  ].join('\n');
  writeBenchmarkSection(`customers-${dialect}`, `Customer list and search, ${dialect} (bench/customers.bench.ts)`, table);
  console.log(table);
}

async function benchDialect(dialect: 'sqlite' | 'postgres'): Promise<Result[]> {
  const { database, drop } = await freshDatabase(dialect);
  try {
    await migrateToLatest(database);
    const clock = systemClock;
    const email = `bench-${randomBytes(3).toString('hex')}@example.com`;
    const password = 'benchmark passphrase';
    const { workspaceId } = await createWorkspace({ db: database.db, dialect, clock }, {
      workspaceName: 'Bench', baseCurrency: 'EUR', locale: 'en', timeZone: 'UTC', ownerName: 'Bench', email, password,
    });
    const started = performance.now();
    const data = await generateCustomers(database.db, workspaceId, COUNT, (done) => {
      if (done % 20_000 === 0) process.stdout.write(`  ${dialect}: ${done.toLocaleString('en')} customers\n`);
    });
    console.log(`${dialect}: generated ${COUNT} customers in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    await sql`analyze`.execute(database.db);

    const app = await buildApp({ database, clock, config: { ...loadConfig({}), webDistDir: '/nonexistent', logLevel: 'silent' } });
    const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });
    const cookie = `rapport_session=${login.cookies.find((c) => c.name === 'rapport_session')!.value}`;
    const vip = data.tagIds[0]!;
    const agg = (expr: string) => sql.raw(dialect === 'postgres' ? `string_agg(${expr}, ',')` : `group_concat(${expr}, ',')`);
    // The same content as the API returns: first email and phone, tags in name order with their
    // colours, attribute values, the first employer that is not deleted (else the parent).
    const sameContent = sql`c.*,
      (select cc.value from customer_contacts cc where cc.workspace_id = c.workspace_id and cc.customer_id = c.id and cc.kind = 'email' order by cc.position limit 1) as email,
      (select cc.value from customer_contacts cc where cc.workspace_id = c.workspace_id and cc.customer_id = c.id and cc.kind = 'phone' order by cc.position limit 1) as phone,
      (select ${agg("x.id || ':' || x.name || ':' || x.color")} from (select t.id, t.name, t.color from customer_tags ct join tags t on t.workspace_id = ct.workspace_id and t.id = ct.tag_id where ct.workspace_id = c.workspace_id and ct.customer_id = c.id order by t.name_key) x) as tags,
      (select ${agg("av.attribute_id || '=' || coalesce(av.value_text, cast(av.value_date as text), cast(av.value_number as text))")} from attribute_values av where av.workspace_id = c.workspace_id and av.customer_id = c.id) as attrs,
      coalesce((select o.id || '|' || o.display_name from employments e join customers o on o.workspace_id = e.workspace_id and o.id = e.organisation_id where e.workspace_id = c.workspace_id and e.person_id = c.id and o.deleted_at is null order by e.created_at limit 1),
               (select p.display_name from customers p where p.workspace_id = c.workspace_id and p.id = c.parent_id and p.deleted_at is null)) as organisation,
      (select m.revenue_365 || '|' || m.revenue_lifetime || '|' || m.purchases || '|' || coalesce(m.days_since_last, -1) || '|' || coalesce(m.value_rank, -1) || '|' || coalesce(m.tier, '') || '|' || coalesce(m.rfm_segment, '') || '|' || coalesce(m.lapse_state, '') || '|' || coalesce(m.p_alive, -1) || '|' || coalesce(m.clv, -1)
         from customer_metrics m where m.workspace_id = c.workspace_id and m.customer_id = c.id) as value`;
    const scenarios: Scenario[] = [
      {
        name: 'first page: people tagged VIP, by name',
        api: `/api/v1/customers?kind=person&tagId=${vip}&sort=name&limit=50`,
        bare: (db) =>
          sql`select c.id from customers c where c.workspace_id = ${workspaceId} and c.deleted_at is null and c.kind = 'person'
              and exists (select 1 from customer_tags ct where ct.workspace_id = c.workspace_id and ct.customer_id = c.id and ct.tag_id = ${vip})
              order by c.sort_name, c.id limit 51`.execute(db),
        full: (db) =>
          sql`select ${sameContent} from customers c where c.workspace_id = ${workspaceId} and c.deleted_at is null and c.kind = 'person'
              and exists (select 1 from customer_tags ct where ct.workspace_id = c.workspace_id and ct.customer_id = c.id and ct.tag_id = ${vip})
              order by c.sort_name, c.id limit 51`.execute(db),
      },
      {
        name: 'first page: all customers, newest first',
        api: '/api/v1/customers?sort=createdAt&order=desc&limit=50',
        bare: (db) => sql`select c.id from customers c where c.workspace_id = ${workspaceId} and c.deleted_at is null order by c.created_at desc, c.id desc limit 51`.execute(db),
        full: (db) => sql`select ${sameContent} from customers c where c.workspace_id = ${workspaceId} and c.deleted_at is null order by c.created_at desc, c.id desc limit 51`.execute(db),
      },
      {
        name: 'quick search "иванов"',
        api: `/api/v1/search?q=${encodeURIComponent('иванов')}&limit=10`,
        bare: (db) => sql`select c.id from customers c where c.workspace_id = ${workspaceId} and c.deleted_at is null and c.search_text like ${'%иванов%'} order by c.sort_name limit 10`.execute(db),
        full: (db) => sql`select ${sameContent} from customers c where c.workspace_id = ${workspaceId} and c.deleted_at is null and c.search_text like ${'%иванов%'} order by c.sort_name limit 10`.execute(db),
      },
      {
        name: 'quick search by phone "912 345"',
        api: `/api/v1/search?q=${encodeURIComponent('(912) 345')}&limit=10`,
        bare: (db) => sql`select c.id from customers c where c.workspace_id = ${workspaceId} and c.deleted_at is null and c.search_text like ${'%912345%'} order by c.sort_name limit 10`.execute(db),
        full: (db) => sql`select ${sameContent} from customers c where c.workspace_id = ${workspaceId} and c.deleted_at is null and c.search_text like ${'%912345%'} order by c.sort_name limit 10`.execute(db),
      },
    ];
    const results: Result[] = [];
    for (const scenario of scenarios) {
      const check = await app.inject({ url: scenario.api, headers: { cookie } });
      if (check.statusCode !== 200) throw new Error(`${scenario.api} → ${check.statusCode} ${check.body}`);
      const api: number[] = [];
      const bare: number[] = [];
      const full: number[] = [];
      for (let i = 0; i < RUNS + WARMUPS; i++) {
        const t0 = performance.now();
        await app.inject({ url: scenario.api, headers: { cookie } });
        const t1 = performance.now();
        await scenario.full(database.db);
        const t2 = performance.now();
        await scenario.bare(database.db);
        const t3 = performance.now();
        if (i >= WARMUPS) {
          api.push(t1 - t0);
          full.push(t2 - t1);
          bare.push(t3 - t2);
        }
      }
      const fullMedian = quantile(full, 0.5);
      const result = { dialect, scenario: scenario.name, apiMedian: quantile(api, 0.5), apiP95: quantile(api, 0.95), bareMedian: quantile(bare, 0.5), fullMedian, ratio: quantile(api, 0.5) / fullMedian };
      console.log(`${dialect} | ${scenario.name}: API ${ms(result.apiMedian)}, SQL same content ${ms(fullMedian)}, rows only ${ms(result.bareMedian)}, ${result.ratio.toFixed(2)}×`);
      results.push(result);
    }
    await app.close();
    return results;
  } finally {
    await drop();
  }
}


function quantile(values: number[], q: number): number {
  const sorted = values.toSorted((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

function ms(value: number): string {
  return `${value.toFixed(value < 10 ? 2 : 1)} ms`;
}

await main();
