/**
 * The follow-up rules (issue 14) at 100,000 customers: a third with an own rhythm, first purchases
 * across three years, 2,000 resolved complaints and a yearly date attribute on a tenth. Times
 * evaluateFollowUps on a first run (raising everything in the window) and on a second (nothing new).
 *
 *   npx tsx bench/followups.bench.ts          (SQLite, and PostgreSQL when the local server answers)
 *   BENCH_SMALL=1 npx tsx bench/followups.bench.ts
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../src/db/schema.ts';
import { migrateToLatest } from '../src/db/migrator.ts';
import { evaluateFollowUps } from '../src/modules/followups/follow-up-rules.ts';
import { createWorkspace } from '../src/modules/workspaces/workspaces.usecases.ts';
import { fixedClock } from '../src/shared/clock.ts';
import { newId } from '../src/shared/ids.ts';
import { freshDatabase, postgresAnswers } from './databases.ts';
import { random } from './generate-customers.ts';

const CUSTOMERS = process.env.BENCH_SMALL ? 10_000 : 100_000;
const NOW = new Date('2026-06-17T08:00:00Z');
const DAY = 86_400_000;

async function insertBatches(db: Kysely<DB>, table: keyof DB, rows: unknown[], size = 400): Promise<void> {
  for (let i = 0; i < rows.length; i += size) await db.insertInto(table).values(rows.slice(i, i + size) as never).execute();
}

async function run(dialect: 'sqlite' | 'postgres'): Promise<void> {
  const { database, drop } = await freshDatabase(dialect);
  try {
    await migrateToLatest(database);
    const clock = fixedClock(NOW);
    const { workspaceId } = await createWorkspace({ db: database.db, dialect: database.dialect, clock }, { workspaceName: 'Bench', baseCurrency: 'EUR', locale: 'en', timeZone: 'Europe/Berlin', ownerName: 'Owner', email: `b${Date.now()}@example.com`, password: 'bench passphrase' });
    const next = random(7);
    const attributeId = newId();
    await database.db.insertInto('attribute_definitions').values({ workspace_id: workspaceId, id: attributeId, key: 'wedding', label: 'Wedding', type: 'date', applies_to: 'both', options: '[]', position: 0, created_at: NOW.toISOString() }).execute();
    const customers: unknown[] = [];
    const metrics: unknown[] = [];
    const values: unknown[] = [];
    const complaints: unknown[] = [];
    for (let i = 0; i < CUSTOMERS; i++) {
      const id = newId(NOW.getTime() - 3 * 365 * DAY + i);
      const first = NOW.getTime() - Math.floor(next() * 3 * 365 * DAY);
      const rhythm = next() < 0.33;
      const gap = 10 + next() * 120;
      const last = rhythm ? Math.min(NOW.getTime() - DAY, first + Math.floor(next() * (NOW.getTime() - first))) : first;
      const at = new Date(first).toISOString();
      customers.push({
        workspace_id: workspaceId, id, kind: 'person', display_name: `C ${i}`, sort_name: `c ${i}`, search_text: `c ${i}`, completeness: 0, version: 1,
        first_purchase_at: at, last_purchase_at: new Date(last).toISOString(), lost_at: next() < 0.01 ? at : null, created_at: at, updated_at: at,
      });
      if (rhythm) metrics.push({ workspace_id: workspaceId, customer_id: id, computed_at: NOW.toISOString(), revenue_30: 0, revenue_90: 0, revenue_365: 0, revenue_lifetime: 0, revenue_prior_365: 0, purchases: 2 + Math.floor(next() * 8), average_gap_days: gap });
      if (next() < 0.1) values.push({ workspace_id: workspaceId, customer_id: id, attribute_id: attributeId, value_text: null, value_number: null, value_date: `20${10 + Math.floor(next() * 15)}-${String(1 + Math.floor(next() * 12)).padStart(2, '0')}-${String(1 + Math.floor(next() * 28)).padStart(2, '0')}` });
      if (i < 2_000) {
        const resolved = new Date(NOW.getTime() - Math.floor(next() * 200 * DAY)).toISOString();
        complaints.push({ workspace_id: workspaceId, id: newId(), customer_id: id, kind: 'complaint', occurred_at: resolved, author_id: null, body: 'x', status: 'resolved', resolution: 'ok', resolved_at: resolved, resolved_by: null, created_at: resolved, updated_at: resolved });
      }
    }
    await insertBatches(database.db, 'customers', customers);
    await insertBatches(database.db, 'customer_metrics', metrics);
    await insertBatches(database.db, 'attribute_values', values);
    await insertBatches(database.db, 'activities', complaints);
    await database.db.insertInto('follow_up_settings').values({ workspace_id: workspaceId, settings: JSON.stringify({ lookbackDays: 30, rules: { first_purchase: { enabled: true, afterDays: 14 }, expected_purchase: { enabled: true, daysBefore: 3 }, complaint_resolved: { enabled: true, afterDays: 7 } }, dateAttributes: [{ attributeId, daysBefore: 3, yearly: true }] }), updated_at: NOW.toISOString() }).execute();
    if (!process.env.BENCH_NO_ANALYZE) await sql`analyze`.execute(database.db);
    if (process.env.BENCH_PROBE) {
      const { createFollowUpsRepository } = await import('../src/modules/followups/followups.repository.ts');
      const repo = createFollowUpsRepository(database.db);
      const since = '2026-05-17T00:00:00.000Z';
      for (const [name, f] of [['first', () => repo.firstPurchasesSince(workspaceId, since)], ['rhythms', () => repo.rhythms(workspaceId)], ['openExpected', () => repo.openExpected(workspaceId)], ['complaints', () => repo.resolvedComplaints(workspaceId, { since })], ['dates', () => repo.dateValues(workspaceId, [attributeId])], ['known', () => repo.knownKeys(workspaceId, 'expected_purchase', '2026-01-01')]] as const) {
        const t = performance.now();
        await (f as () => Promise<unknown>)();
        console.log(name, Math.round(performance.now() - t));
      }
    }
    for (const label of ['first run', 'second run', 'third run']) {
      const started = performance.now();
      const added = await evaluateFollowUps({ db: database.db, clock }, workspaceId);
      console.log(`${dialect} ${CUSTOMERS} customers, ${label}: ${added} new in ${Math.round(performance.now() - started)} ms`);
    }
  } finally {
    await drop();
  }
}

if (process.env.BENCH_DIALECT !== 'postgres') await run('sqlite');
if (process.env.BENCH_DIALECT !== 'sqlite') if (await postgresAnswers()) await run('postgres');
