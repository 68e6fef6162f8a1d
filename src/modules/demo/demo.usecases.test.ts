import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import type { SourceReportRow, SourcesReport } from '../../contracts/acquisition-reports.ts';
import { describeEachDatabase } from '../../db/testing.ts';
import { referralsReport } from '../acquisition-reports/referrals-report.usecases.ts';
import { sourcesReport } from '../acquisition-reports/sources-report.usecases.ts';
import { exitReport, reasonsReport } from '../reasons/reasons-report.usecases.ts';
import { createDemoWorkspace, type DemoOutcome } from './demo.usecases.ts';

const NOW = new Date('2026-03-15T12:34:56Z');
const channel = (r: SourcesReport, name: string | null): SourceReportRow => r.rows.find((x) => x.level === 'channel' && x.channel === name)!;

/**
 * The demo's acquisition story, read back through the reports the app shows, on a 300-customer
 * workspace (seed 1): every figure compared is counted here from the rows the demo wrote.
 */
describeEachDatabase('demo workspace: where customers came from', (db) => {
  let out: DemoOutcome;
  let sources: SourcesReport;
  const rows = async <T,>(query: ReturnType<typeof sql<T>>) => (await query.execute(db().db)).rows;

  beforeAll(async () => {
    const { db: kysely, dialect } = db();
    out = await createDemoWorkspace({ db: kysely, dialect, clock: { now: () => NOW } }, {
      setup: { workspaceName: 'Demo shop', baseCurrency: 'GBP', locale: 'en', timeZone: 'Europe/London', ownerName: 'Demo Owner', email: 'demo@rapport.example', password: 'demo passphrase' },
      customers: 300,
      seed: 1,
    });
    sources = await sourcesReport(kysely, out.workspaceId, {});
  }, 60_000);

  it('totals the revenue of every purchase and refund the demo wrote', async () => {
    const [sum] = await rows(sql<{ revenue: number | string; n: number | string }>`select sum(amount_minor) as revenue, count(*) as n from transactions where workspace_id = ${out.workspaceId}`);
    expect(Number(sum!.n)).toBe(out.sales + out.refunds);
    const total = sources.rows.find((r) => r.level === 'total')!;
    expect(total.revenue).toBe(Number(sum!.revenue));
    expect(total.customers).toBe(300);
  });

  it('tells one channel that pays (Online: Instagram ads) and one that does not (Event: the trade fair stand)', () => {
    const online = channel(sources, 'Online');
    const event = channel(sources, 'Event');
    expect(online.cost).toBeGreaterThan(0);
    expect(online.roi!).toBeGreaterThan(0);
    expect(event.cost).toBeGreaterThan(0);
    expect(event.roi!).toBeLessThan(0);
    // ROI as documented: (revenue − cost) / cost, revenue-based while some costs of goods are unknown.
    expect(event.roiBasis).toBe('revenue');
    expect(event.roi!).toBeCloseTo((event.revenue - event.cost) / event.cost, 3);
    const campaigns = sources.rows.filter((r) => r.level === 'campaign').map((r) => r.campaign);
    expect(campaigns).toEqual(expect.arrayContaining(['Instagram ads', 'Welcome offer', 'Trade fair stand']));
  });

  it('gives most customers a source from the seeded taxonomy, leaves about one in eight unknown', async () => {
    const unknown = sources.rows.find((r) => r.level === 'source' && r.sourceId === null)!;
    expect(unknown.customers / 300).toBeGreaterThanOrEqual(0.05);
    expect(unknown.customers / 300).toBeLessThanOrEqual(0.25);
    const [counted] = await rows(sql<{ n: number | string; strays: number | string }>`
      select count(*) as n, sum(case when s.id is null then 1 else 0 end) as strays from customers c left join sources s on s.workspace_id = c.workspace_id and s.id = c.source_id
      where c.workspace_id = ${out.workspaceId} and c.source_id is not null`);
    expect(Number(counted!.n)).toBe(300 - unknown.customers);
    expect(Number(counted!.strays)).toBe(0);
    expect(new Set(sources.rows.filter((r) => r.level === 'channel').map((r) => r.channel))).toEqual(new Set(['Referral', 'Online', 'Offline', 'Event']));
  });

  it('dates each acquisition on or before the first purchase', async () => {
    const customers = await rows(sql<{ acquired_on: string | null; customer_since: string | null; first: unknown }>`
      select acquired_on, cast(customer_since as text) as customer_since, first_purchase_at as first from customers where workspace_id = ${out.workspaceId} and source_id is not null`);
    const dated = customers.filter((c) => c.acquired_on !== null);
    expect(dated.length).toBeGreaterThan(0);
    const late = customers.filter((c) => {
      const day = c.acquired_on ?? c.customer_since;
      return day !== null && c.first !== null && day > new Date(c.first as string).toISOString().slice(0, 10);
    });
    expect(late).toEqual([]);
  });

  it('records redemptions through the codes pass, one at least flagged', async () => {
    const flags = await rows(sql<{ flag: string | null; n: number | string }>`select flag, count(*) as n from coupon_redemptions where workspace_id = ${out.workspaceId} group by flag`);
    const flagged = flags.filter((f) => f.flag !== null).reduce((s, f) => s + Number(f.n), 0);
    expect(flagged).toBeGreaterThanOrEqual(1);
    expect(flagged).toBe(out.flagged);
    expect(flags.reduce((s, f) => s + Number(f.n), 0)).toBe(out.redemptions);
    const [codes] = await rows(sql<{ single: number | string; batch: number | string }>`
      select sum(case when batch_id is null then 1 else 0 end) as single, sum(case when batch_id is not null then 1 else 0 end) as batch from coupon_codes where workspace_id = ${out.workspaceId}`);
    expect(Number(codes!.single)).toBeGreaterThanOrEqual(1);
    expect(Number(codes!.batch)).toBeGreaterThanOrEqual(10);
  });

  it('has referral chains three levels deep, referrers with several referrals and thanks owed, and a referral code in use', async () => {
    const report = await referralsReport(db().db, out.workspaceId, {});
    expect(Math.max(...report.rows.map((r) => r.depth))).toBeGreaterThanOrEqual(3);
    expect(report.rows.some((r) => r.referrals >= 2)).toBe(true);
    expect(report.rows.some((r) => r.thanksOwed > 0)).toBe(true);
    const [referred] = await rows(sql<{ n: number | string }>`select count(*) as n from customers where workspace_id = ${out.workspaceId} and referred_by_id is not null`);
    expect(report.referredNewCustomers).toBe(Number(referred!.n));
    expect(Number(referred!.n)).toBe(out.referred);
    // Whoever bought first with the referral code was linked to its owner by the codes pass.
    const byCode = await rows(sql<{ owner: string; referrer: string | null }>`
      select o.id as owner, c.referred_by_id as referrer from customers o
      join transactions t on t.workspace_id = o.workspace_id and upper(t.campaign) = o.referral_code
      join customers c on c.workspace_id = t.workspace_id and c.id = t.customer_id
      where o.workspace_id = ${out.workspaceId} and o.referral_code is not null`);
    expect(byCode.length).toBeGreaterThanOrEqual(1);
    for (const r of byCode) expect(r.referrer).toBe(r.owner);
  });

  it('tells why they choose us (gold for service and quality, the rest for price), who was thanked, complaints and who was lost', async () => {
    const reasons = await reasonsReport(db().db, out.workspaceId, {});
    const top = (tier: 'gold' | 'rest') => reasons.rows.toSorted((a, b) => (tier === 'gold' ? b.byTier.gold - a.byTier.gold : b.byTier.silver + b.byTier.other - (a.byTier.silver + a.byTier.other)))[0]!.reason;
    expect(['Service', 'Quality']).toContain(top('gold'));
    expect(['Price', 'Location']).toContain(top('rest'));
    const [thanked] = await rows(sql<{ n: number | string; gold: number | string }>`select count(distinct t.customer_id) as n,
      count(distinct case when m.tier = 'gold' then t.customer_id end) as gold
      from thank_yous t join customer_metrics m on m.workspace_id = t.workspace_id and m.customer_id = t.customer_id where t.workspace_id = ${out.workspaceId}`);
    expect(Number(thanked!.n)).toBeGreaterThan(0);
    expect(Number(thanked!.gold)).toBe(Number(thanked!.n));
    const complaints = await rows(sql<{ status: string }>`select status from activities where workspace_id = ${out.workspaceId} and kind = 'complaint'`);
    expect(complaints.some((c) => c.status === 'resolved')).toBe(true);
    const lost = await rows(sql<{ id: string }>`select id from customers where workspace_id = ${out.workspaceId} and lost_at is not null`);
    expect(lost.length).toBeGreaterThan(0);
    expect((await exitReport(db().db, out.workspaceId, {})).rows.reduce((sum, r) => sum + r.lost, 0)).toBeGreaterThanOrEqual(lost.length);
  });
  it('fills every section of the Today page: follow-ups due, thanks owed, drifting and lapsed customers, key dates and new customers', async () => {
    const today = '2026-03-15'; // NOW in London
    const hand = await rows(sql<{ due_on: string; status: string; assignee_id: string | null; done_activity_id: string | null }>`
      select due_on, status, assignee_id, done_activity_id from follow_ups where workspace_id = ${out.workspaceId} and rule is null`);
    expect(hand.length).toBeGreaterThanOrEqual(20);
    const open = hand.filter((f) => f.status === 'open');
    expect(open.filter((f) => f.due_on < today).length).toBeGreaterThanOrEqual(3);
    const dueToday = open.filter((f) => f.due_on === today);
    expect(dueToday.some((f) => f.assignee_id !== null)).toBe(true);
    expect(dueToday.some((f) => f.assignee_id === null)).toBe(true);
    expect(open.filter((f) => f.due_on > today).length).toBeGreaterThanOrEqual(5);
    const done = hand.filter((f) => f.status === 'done');
    expect(done.length).toBeGreaterThanOrEqual(3);
    expect(done.some((f) => f.done_activity_id !== null)).toBe(true);
    const [owed] = await rows(sql<{ n: number | string }>`select count(*) as n from owed_thanks where workspace_id = ${out.workspaceId} and status = 'owed'`);
    expect(Number(owed!.n)).toBeGreaterThan(0);
    const states = await rows(sql<{ tier: string | null; lapse_state: string | null }>`select tier, lapse_state from customer_metrics where workspace_id = ${out.workspaceId}`);
    expect(states.some((m) => (m.tier === 'gold' || m.tier === 'silver') && (m.lapse_state === 'due' || m.lapse_state === 'at_risk'))).toBe(true);
    expect(states.some((m) => m.lapse_state === 'lapsed')).toBe(true);
    const people = await rows(sql<{ birthday: string | null; since: string | null; created_at: unknown }>`
      select cast(birthday as text) as birthday, cast(customer_since as text) as since, created_at from customers where workspace_id = ${out.workspaceId} and deleted_at is null`);
    expect(people.filter((c) => c.birthday?.slice(5, 10) === '03-15').length).toBeGreaterThanOrEqual(1);
    expect(people.filter((c) => c.since?.slice(5, 10) === '03-15' && c.since < '2026-01-01').length).toBeGreaterThanOrEqual(1);
    const fresh = people.filter((c) => new Date(c.created_at as string).getTime() >= NOW.getTime() - 7 * 86_400_000);
    expect(fresh.length).toBeGreaterThanOrEqual(3);
  });
});
