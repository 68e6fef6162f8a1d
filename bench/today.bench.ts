/**
 * The Today queue (issue 14) at 100,000 customers with a purchase history, the value metrics a
 * recompute leaves (tiers, lapse states), 20,000 open follow-ups among 5 users and the team,
 * owed thanks, win-back actions and birthdays. Timed beside the hand-written SQL of its largest
 * section (follow-ups due: count + first 50 with customer names) in the same run. Writes
 * docs/benchmarks.md (one section per database).
 *
 *   npm run bench:today                 (SQLite, and PostgreSQL when the local server answers)
 *   BENCH_DIALECT=sqlite npm run bench:today
 *   BENCH_SMALL=1 npm run bench:today   (a tenth of the scale, to try the script; writes nothing)
 */
import os from 'node:os';
import { sql, type Kysely } from 'kysely';
import type { CustomersTable, DB, FollowUpsTable, TransactionsTable } from '../src/db/schema.ts';
import { migrateToLatest } from '../src/db/migrator.ts';
import { monthDayNumber, occasionMonthDays, zoneMidnight } from '../src/modules/today/today-days.ts';
import { createTodayRepository } from '../src/modules/today/today.repository.ts';
import { todayQueue } from '../src/modules/today/today.usecases.ts';
import { createWorkspace } from '../src/modules/workspaces/workspaces.usecases.ts';
import { fixedClock } from '../src/shared/clock.ts';
import { addDays, dayIn } from '../src/shared/days.ts';
import { newId } from '../src/shared/ids.ts';
import { normalizeText } from '../src/shared/text.ts';
import { freshDatabase, PG_URL, postgresAnswers } from './databases.ts';
import { random } from './generate-customers.ts';
import { writeBenchmarkSection } from './report.ts';

const SMALL = Boolean(process.env.BENCH_SMALL);
const CUSTOMERS = SMALL ? 10_000 : 100_000;
const FOLLOW_UPS = SMALL ? 2_000 : 20_000;
const RUNS = Math.max(9, Number(process.env.BENCH_RUNS ?? 15));
const WARMUPS = 3;
const LIMIT = 50;
const ZONE = 'Europe/Berlin';
const NOW = new Date('2026-06-17T08:00:00Z'); // a Wednesday
const TODAY = dayIn(NOW, ZONE);
const DAY = 86_400_000;
/** Issue 14: the whole queue under 100 ms at the median. */
const GOAL_MS = 100;

type Dialect = 'sqlite' | 'postgres';
const FIRST = ['Anna', 'Boris', 'Clara', 'David', 'Elena', 'Fyodor', 'Greta', 'Hugo', 'Irina', 'Мария', 'Пётр', 'Ольга', 'Sofia', 'Tomás', 'Liam'];
const LAST = ['Müller', 'Smith', 'Иванов', 'Петрова', 'Kowalski', 'García', 'Rossi', 'Nguyen', 'Dubois', 'Jensen', 'Brown'];

interface Generated { buyers: number; transactions: number; tiers: Record<string, number>; states: Record<string, number>; dueFollowUps: number; birthdays: number }

async function insertBatches<T>(db: Kysely<DB>, table: keyof DB, rows: T[], size = 500): Promise<void> {
  for (let i = 0; i < rows.length; i += size) await db.insertInto(table).values(rows.slice(i, i + size) as never).execute();
}

async function generate(db: Kysely<DB>, workspaceId: string, userIds: string[]): Promise<Generated> {
  const next = random(14);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const now = NOW.getTime();
  const stats: Generated = { buyers: 0, transactions: 0, tiers: {}, states: {}, dueFollowUps: 0, birthdays: 0 };
  const metrics: { id: string; revenue365: number; lifetime: number; purchases: number; gap: number | null; first: number; last: number }[] = [];
  const ids: string[] = [];
  for (let start = 0; start < CUSTOMERS; start += 2_000) {
    const customers: CustomersTable[] = [];
    const contacts: DB['customer_contacts'][] = [];
    const transactions: TransactionsTable[] = [];
    for (let i = start; i < Math.min(start + 2_000, CUSTOMERS); i++) {
      const id = newId(now - 3 * 365 * DAY + i);
      ids.push(id);
      const name = `${pick(FIRST)} ${pick(LAST)} ${i}`;
      // Added over three years, about 60 a week lately.
      const created = i >= CUSTOMERS - (SMALL ? 60 : 600) ? now - Math.floor(next() * 70 * DAY) : now - 70 * DAY - Math.floor(next() * 3 * 365 * DAY);
      const birthday = next() < 0.3 ? `19${50 + Math.floor(next() * 50)}-${String(1 + Math.floor(next() * 12)).padStart(2, '0')}-${String(1 + Math.floor(next() * 28)).padStart(2, '0')}` : null;
      if (birthday) stats.birthdays++;
      // A third buy, each with their own rhythm, some of them stopping.
      let first: number | null = null;
      let last: number | null = null;
      let purchases = 0;
      let revenue365 = 0;
      let lifetime = 0;
      if (next() < 0.35) {
        const gap = 10 + next() * 120;
        const stopsAt = next() < 0.5 ? now : created + next() * (now - created);
        for (let at = created + next() * gap * DAY; at < Math.min(now, stopsAt); at += gap * DAY * (0.5 + next())) {
          const amount = 1_000 + Math.floor(next() * 20_000);
          first ??= at;
          last = at;
          purchases++;
          lifetime += amount;
          if (at > now - 365 * DAY) revenue365 += amount;
          const iso = new Date(Math.floor(at)).toISOString();
          transactions.push({
            workspace_id: workspaceId, id: newId(Math.floor(at)), customer_id: id, kind: 'sale', occurred_at: iso, amount_minor: amount, currency: 'EUR', cost_minor: null, channel: null,
            campaign: null, external_id: null, note: null, source: 'import', import_id: null, content_hash: null, lines: null, line_count: 0, shipping_minor: null, fee_minor: null,
            campaign_id: null, created_by: null, created_at: iso, updated_at: iso,
          });
          if (next() < 0.03) {
            const refundAt = new Date(Math.min(now - 1000, Math.floor(at + 3 * DAY))).toISOString();
            transactions.push({ ...transactions.at(-1)!, id: newId(), kind: 'refund', amount_minor: Math.floor(amount / 2), occurred_at: refundAt, created_at: refundAt, updated_at: refundAt });
          }
        }
        if (purchases) {
          stats.buyers++;
          metrics.push({ id, revenue365, lifetime, purchases, gap: purchases > 1 ? (last! - first!) / DAY / (purchases - 1) : null, first: first!, last: last! });
        }
      }
      customers.push({
        workspace_id: workspaceId, id, kind: 'person', display_name: name, sort_name: normalizeText(name), first_name: name.split(' ')[0]!, last_name: name.split(' ')[1]!, website: null, parent_id: null,
        address_line1: null, address_line2: null, city: null, region: null, postal_code: null, country: null, birthday, preferred_language: null, consent_given: null, consent_at: null,
        consent_source: null, notes: null, customer_since: next() < 0.1 ? dayIn(new Date(created - Math.floor(next() * 365 * DAY)), ZONE) : null,
        first_purchase_at: first === null ? null : new Date(Math.floor(first)).toISOString(), last_purchase_at: last === null ? null : new Date(Math.floor(last)).toISOString(),
        next_follow_up: null, search_text: normalizeText(name), completeness: 0, version: 1, merged_into_id: null, external_id: null, source_id: null, acquired_on: null, campaign_id: null,
        referred_by_id: null, referral_code: null, lost_at: next() < 0.01 ? new Date(now - 30 * DAY).toISOString() : null, lost_reason_id: null, lost_note: null,
        created_at: new Date(created).toISOString(), updated_at: new Date(created).toISOString(), deleted_at: next() < 0.005 ? new Date(now - DAY).toISOString() : null,
      });
      if (next() < 0.85) contacts.push({ workspace_id: workspaceId, id: newId(), customer_id: id, kind: 'email', value: `c${i}@example.com`, label: null, match_key: `c${i}@example.com`, position: 0 });
      if (next() < 0.5) contacts.push({ workspace_id: workspaceId, id: newId(), customer_id: id, kind: 'phone', value: `+49 30 ${1_000_000 + i}`, label: null, match_key: `+4930${1_000_000 + i}`, position: 1 });
    }
    await insertBatches(db, 'customers', customers);
    await insertBatches(db, 'customer_contacts', contacts);
    await insertBatches(db, 'transactions', transactions);
    stats.transactions += transactions.length;
    if (start === 0) await sql`analyze`.execute(db);
  }
  // The metrics a recompute leaves: gold the top 5% by trailing revenue, silver the next 15%; the lapse state from the days since the last purchase against the rhythm.
  const ranked = metrics.toSorted((a, b) => b.revenue365 - a.revenue365);
  const rows = ranked.map((m, rank) => {
    const tier = rank < ranked.length * 0.05 ? 'gold' : rank < ranked.length * 0.2 ? 'silver' : 'other';
    const gap = m.gap ?? 60;
    const since = (now - m.last) / DAY;
    const state = since < gap * 1.2 ? 'active' : since < gap * 1.6 ? 'due' : since < gap * 3 ? 'at_risk' : 'lapsed';
    stats.tiers[tier] = (stats.tiers[tier] ?? 0) + 1;
    stats.states[state] = (stats.states[state] ?? 0) + 1;
    return {
      workspace_id: workspaceId, customer_id: m.id, computed_at: NOW.toISOString(), revenue_30: 0, revenue_90: 0, revenue_365: m.revenue365, revenue_lifetime: m.lifetime, revenue_prior_365: 0,
      purchases: m.purchases, average_gap_days: m.gap, first_purchase_at: new Date(Math.floor(m.first)).toISOString(), last_purchase_at: new Date(Math.floor(m.last)).toISOString(),
      days_since_last: Math.floor(since), tier, tier_value: m.revenue365, clv: next() < 0.8 ? Math.round(m.lifetime * (0.5 + next())) : null, lapse_state: state, lapse_gap_days: Math.round(gap), lapse_gap_source: m.gap ? 'own' : 'default',
    };
  });
  await insertBatches(db, 'customer_metrics', rows);

  // Follow-ups: 20,000 open due from a month ago to half a year ahead (a few thousand due or overdue), among 5 users and the team; as many done.
  const followUps: FollowUpsTable[] = [];
  const at = new Date(now - 40 * DAY).toISOString();
  for (let i = 0; i < FOLLOW_UPS * 2; i++) {
    const open = i < FOLLOW_UPS;
    const dueOn = addDays(TODAY, Math.floor(-30 + next() * 210));
    if (open && dueOn <= TODAY) stats.dueFollowUps++;
    followUps.push({
      workspace_id: workspaceId, id: newId(), customer_id: pick(ids), due_on: dueOn, kind: pick(['call', 'call', 'email', 'visit', 'other'] as const), assignee_id: next() < 0.2 ? null : pick(userIds),
      note: next() < 0.3 ? 'Ask about the spring order' : null, status: open ? 'open' : 'done', skip_reason: null, rule: null, occasion_key: null, activity_id: null,
      done_at: open ? null : at, done_by: null, done_activity_id: null, snoozed: 0, created_by: null, created_at: at, updated_at: at,
    });
  }
  await insertBatches(db, 'follow_ups', followUps);
  const owed = Array.from({ length: SMALL ? 300 : 3_000 }, (_, i) => ({
    workspace_id: workspaceId, id: newId(), customer_id: pick(ids), rule: pick(['first_purchase', 'big_purchase', 'anniversary', 'birthday'] as const), occasion_key: `bench:${i}`,
    occurred_on: addDays(TODAY, -Math.floor(next() * 60)), detail: '{}', status: i % 5 === 0 ? 'owed' as const : 'done' as const, dismiss_reason: null, thank_you_id: null, resolved_at: null, resolved_by: null, created_at: at,
  }));
  await insertBatches(db, 'owed_thanks', owed);
  const lapsed = rows.filter((r) => r.lapse_state === 'lapsed');
  await insertBatches(db, 'winback_actions', lapsed.filter(() => next() < 0.1).map((r) => ({ workspace_id: workspaceId, id: newId(), customer_id: r.customer_id, action: 'ask_why', detail: null, taken_by: null, at: new Date(now - Math.floor(next() * 200) * DAY).toISOString() })));
  await insertBatches(db, 'queue_done', rows.filter((r) => r.lapse_state !== 'active' && next() < 0.05).map((r) => ({
    workspace_id: workspaceId, section: r.lapse_state === 'lapsed' ? 'lapsedToAsk' : 'goldDrifting', item_key: `${r.customer_id}:${dayIn(r.last_purchase_at, ZONE)}`, customer_id: r.customer_id, done_by: null, done_at: at,
  })));
  return stats;
}

/** The follow-ups due section by hand: its count, and its first 50 rows with the customer's name, the reader's own first. */
async function followUpsReference(db: Kysely<DB>, workspaceId: string, userId: string) {
  const count = await sql<{ n: number | string }>`select count(*) as n from follow_ups f join customers c on c.workspace_id = f.workspace_id and c.id = f.customer_id
    where f.workspace_id = ${workspaceId} and f.status = 'open' and f.due_on <= ${TODAY} and c.deleted_at is null and c.merged_into_id is null`.execute(db);
  const rows = await sql<{ id: string }>`select f.*, c.display_name from follow_ups f join customers c on c.workspace_id = f.workspace_id and c.id = f.customer_id
    where f.workspace_id = ${workspaceId} and f.status = 'open' and f.due_on <= ${TODAY} and c.deleted_at is null and c.merged_into_id is null
    order by case when f.assignee_id = ${userId} then 0 when f.assignee_id is null then 1 else 2 end, f.due_on, f.created_at, f.id limit ${LIMIT}`.execute(db);
  return { count: Number(count.rows[0]!.n), ids: rows.rows.map((r) => r.id) };
}

const day = (offset: number) => zoneMidnight(addDays(TODAY, offset), ZONE);

/** Each statement of the queue alone (printed, to see where the time goes). */
async function profileSections(db: Kysely<DB>, workspaceId: string, actorId: string): Promise<string> {
  const repo = createTodayRepository(db);
  const work: Record<string, () => Promise<unknown>> = {
    followUpsDue: () => repo.followUpsDue(workspaceId, { today: TODAY, actorId, mine: false, limit: LIMIT }),
    thanksOwed: () => repo.thanksOwed(workspaceId, { limit: LIMIT }),
    goldDrifting: () => repo.goldDrifting(workspaceId, { zone: ZONE, limit: LIMIT }),
    lapsedToAsk: () => repo.lapsedToAsk(workspaceId, { zone: ZONE, askedSince: new Date(NOW.getTime() - 90 * DAY).toISOString(), limit: LIMIT }),
    keyDates: () => repo.keyDates(workspaceId, { today: TODAY, monthDays: occasionMonthDays(TODAY), nearMonthDays: [monthDayNumber(addDays(TODAY, -1)), monthDayNumber(TODAY), monthDayNumber(addDays(TODAY, 1))], limit: LIMIT }),
    newCustomers: () => repo.newCustomers(workspaceId, { sinceInstant: day(-6), sinceDay: addDays(TODAY, -6), today: TODAY, limit: LIMIT }),
    week: () => repo.weekFigures(workspaceId, { currency: 'EUR', spans: [{ from: day(-2), to: day(1) }, { from: day(-9), to: day(-6) }] }),
  };
  const line: string[] = [];
  for (const [name, run] of Object.entries(work)) {
    const times: number[] = [];
    for (let i = 0; i < 7; i++) times.push((await timed(run))[0]);
    line.push(`${name} ${ms(median(times))}`);
  }
  console.log(`  statements alone (median of 7): ${line.join(', ')}`);
  return line.join(', ');
}

const median = (values: number[]) => values.toSorted((a, b) => a - b)[Math.floor(values.length / 2)]!;
const ms = (value: number) => `${value.toFixed(value < 10 ? 2 : 1)} ms`;
async function timed<T>(work: () => Promise<T>): Promise<[number, T]> {
  const started = performance.now();
  const out = await work();
  return [performance.now() - started, out];
}

async function benchDialect(dialect: Dialect) {
  const { database, drop } = await freshDatabase(dialect);
  try {
    await migrateToLatest(database);
    const db = database.db;
    const clock = fixedClock(NOW);
    const { workspaceId, ownerId: owner } = await createWorkspace({ db, dialect, clock }, { workspaceName: 'Bench', baseCurrency: 'EUR', locale: 'en', timeZone: ZONE, ownerName: 'Bench', email: 'bench@example.com', password: 'benchmark passphrase' });
    const userIds = [owner];
    for (let i = 1; i < 5; i++) {
      const id = newId();
      userIds.push(id);
      await db.insertInto('users').values({ workspace_id: workspaceId, id, email: `u${i}@example.com`, name: `User ${i}`, role: 'member', password_hash: 'x', locale: 'en', disabled_at: null, created_at: NOW.toISOString(), updated_at: NOW.toISOString() }).execute();
    }
    const started = performance.now();
    const data = await generate(db, workspaceId, userIds);
    // As autovacuum leaves a table that has settled (PostgreSQL's index-only scans need the visibility map).
    await (dialect === 'postgres' ? sql`vacuum analyze` : sql`analyze`).execute(db);
    console.log(`${dialect}: generated in ${((performance.now() - started) / 1000).toFixed(1)} s`, data);

    const actor = { workspaceId, userId: owner, role: 'owner' as const, via: 'session' as const, scope: 'read_write' as const };
    const queue = () => todayQueue({ db, clock }, actor, { scope: 'everyone', limit: LIMIT });
    const reference = () => followUpsReference(db, workspaceId, owner);
    const [q, ref] = [await queue(), await reference()];
    if (q.sections.followUpsDue.count !== ref.count || q.sections.followUpsDue.items.map((i) => i.key).join() !== ref.ids.join()) throw new Error(`follow-ups due disagree: queue ${q.sections.followUpsDue.count}, reference ${ref.count}`);
    const counts = Object.fromEntries(Object.entries(q.sections).map(([k, s]) => [k, s.count]));
    console.log(`${dialect}: the queue's follow-ups due agree with the reference (${ref.count}); counts`, counts, 'week', q.week);

    const times = { queue: [] as number[], reference: [] as number[] };
    for (let run = 0; run < WARMUPS + RUNS; run++) {
      const [a] = await timed(reference);
      const [b] = await timed(queue);
      console.log(`  ${run < WARMUPS ? 'warm-up' : `run ${run - WARMUPS + 1}`}: queue ${ms(b)} (follow-ups reference ${ms(a)})`);
      if (run < WARMUPS) continue;
      times.reference.push(a);
      times.queue.push(b);
    }
    const statements = await profileSections(db, workspaceId, owner);
    return { data, counts, statements, queue: median(times.queue), reference: median(times.reference) };
  } finally {
    if (process.env.BENCH_KEEP) console.log(`BENCH_KEEP: database left at ${database.location}`);
    else await drop();
  }
}

function report(dialect: Dialect, r: Awaited<ReturnType<typeof benchDialect>>): void {
  const d = r.data;
  const table = [
    `${CUSTOMERS.toLocaleString('en')} customers (${d.birthdays.toLocaleString('en')} with a birthday, 1% lost, 0.5% deleted), ${d.buyers.toLocaleString('en')} buyers with ${d.transactions.toLocaleString('en')} transactions`,
    `(3% of sales refunded in part); metrics as a recompute leaves them: tiers ${Object.entries(d.tiers).map(([k, v]) => `${k} ${v.toLocaleString('en')}`).join(', ')}; lapse states ${Object.entries(d.states).map(([k, v]) => `${k} ${v.toLocaleString('en')}`).join(', ')}.`,
    `${FOLLOW_UPS.toLocaleString('en')} open follow-ups (${d.dueFollowUps.toLocaleString('en')} due or overdue) and as many done, among 5 users and the team; owed thanks, win-back actions, items marked done.`,
    `Section counts on ${TODAY}: ${Object.entries(r.counts).map(([k, v]) => `${k} ${Number(v).toLocaleString('en')}`).join(', ')}. ${LIMIT} items per section. Workspace in EUR, ${ZONE}.`,
    `Median of ${RUNS} timed runs after ${WARMUPS} warm-ups, queue and reference interleaved; ${new Date().toISOString().slice(0, 10)}, ${os.cpus().length} cores (load average ${os.loadavg()[0]!.toFixed(1)} at the end: a shared machine).`,
    '',
    '| what | median | goal: < 100 ms |',
    '| --- | ---: | --- |',
    `| Today queue (\`todayQueue\`: six sections with counts, the week against last) | ${ms(r.queue)} | ${r.queue < GOAL_MS ? 'met' : '**not met**'} |`,
    `| hand-written SQL of its largest section (follow-ups due: count + first ${LIMIT} with names) | ${ms(r.reference)} | |`,
    '',
    'Queue: the use case as `GET /today` calls it (every statement, the sentences, the customer cards). Before timing, its',
    'follow-ups due (count and the first 50, in order) were checked equal to the reference\'s. Goal (issue 14): under 100 ms at the median.',
    `Each statement alone (median of 7): ${r.statements}` +
      ' (the queue runs them side by side, which PostgreSQL\'s pool overlaps); besides them it reads the customer cards, the workspace and the reader.',
  ].join('\n');
  console.log(table);
  if (SMALL) {
    console.log('BENCH_SMALL: not the scale the issue names; docs/benchmarks.md left alone');
    return;
  }
  writeBenchmarkSection(`today-${dialect}`, `Today queue, ${dialect} (bench/today.bench.ts)`, table);
}

const only = process.env.BENCH_DIALECT;
if (only !== 'postgres') report('sqlite', await benchDialect('sqlite'));
if (only === 'sqlite') console.log('BENCH_DIALECT=sqlite: skipping PostgreSQL');
else if (await postgresAnswers()) report('postgres', await benchDialect('postgres'));
else console.log(`PostgreSQL at ${PG_URL} does not answer: skipping it`);
