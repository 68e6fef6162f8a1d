import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../db/testing.ts';
import { fixedClock } from '../../shared/clock.ts';
import { addUser, as, browserFrom, createTestApp, newWorkspace, setupBody, type Browser } from '../../server/testing.ts';
import type { App } from '../../server/types.ts';
import { runDueRecomputes, runRecompute } from './analytics-jobs.ts';

/**
 * A small shop whose every number was worked out by hand (workspace in Europe/Berlin,
 * today 2026-06-15; all amounts in cents). Revenue over 365 days ranks the tiers.
 *   Alma   2025-09-01 200.00, 2026-03-01 50.00, 2026-06-10 100.00, refund 2026-06-12 −30.00
 *   Boris  2026-05-20 500.00
 *   Clara  2025-01-10 300.00, 2026-06-01 100.00 twice (one purchase day)
 *   Dmitri nothing
 *   Erik   2026-05-01 500.00, 2026-06-05 10.00
 *   Fiona  2026-06-14 80.00 costing 50.00
 *   Gleb   2024-01-01 1000.00
 */
const TODAY = new Date('2026-06-15T12:00:00Z');

describeEachDatabase('customer value on a hand-computed shop', (db) => {
  let app: App;
  let owner: Browser;
  const clock = fixedClock(TODAY);
  const ids: Record<string, string> = {};
  const get = async (url: string, who: Browser = owner) => (await app.inject({ url: `/api/v1${url}`, headers: as(who) })).json();
  const sale = (name: string, day: string, amountMinor: number, extra: object = {}) =>
    app.inject({ method: 'POST', url: `/api/v1/customers/${ids[name]}/transactions`, headers: as(owner), payload: { occurredAt: `${day}T12:00:00Z`, amountMinor, ...extra } });
  const recompute = () => runRecompute({ db: db().db, clock }, owner.workspaceId);

  beforeAll(async () => {
    app = await createTestApp(db(), { clock });
    owner = browserFrom(await app.inject({ method: 'POST', url: '/api/v1/setup', payload: setupBody() }));
    for (const name of ['Alma', 'Boris', 'Clara', 'Dmitri', 'Erik', 'Fiona', 'Gleb']) {
      ids[name] = (await app.inject({ method: 'POST', url: '/api/v1/customers', headers: as(owner), payload: { kind: 'person', name } })).json().id;
    }
    await sale('Alma', '2025-09-01', 20_000);
    await sale('Alma', '2026-03-01', 5_000);
    await sale('Alma', '2026-06-10', 10_000);
    await sale('Alma', '2026-06-12', -3_000);
    await sale('Boris', '2026-05-20', 50_000);
    await sale('Clara', '2025-01-10', 30_000);
    await sale('Clara', '2026-06-01', 10_000);
    await sale('Clara', '2026-06-01', 10_000);
    await sale('Erik', '2026-05-01', 50_000);
    await sale('Erik', '2026-06-05', 1_000);
    await sale('Fiona', '2026-06-14', 8_000, { costMinor: 5_000 });
    await sale('Gleb', '2024-01-01', 100_000);
    if (!(await recompute())) throw new Error('the recompute did not run');
  });
  afterAll(async () => {
    await app?.close();
  });

  it('sums value windows with refunds subtracted, and the purchase statistics', async () => {
    const alma = await get(`/customers/${ids.Alma}/value`);
    expect(alma).toMatchObject({
      currency: 'EUR',
      revenue: { days30: 7_000, days90: 7_000, days365: 32_000, lifetime: 32_000 },
      profit: { days30: null, lifetime: null },
      purchases: 3,
      averageOrderMinor: 10_667, // 32,000 / 3
      averageGapDays: 141, // (2026-06-10 − 2025-09-01 = 282 days) / 2 gaps
      daysSinceLastPurchase: 5,
      lastPurchaseAt: '2026-06-10T12:00:00.000Z',
    });
    const clara = await get(`/customers/${ids.Clara}/value`);
    expect(clara).toMatchObject({ revenue: { days30: 20_000, days365: 20_000, lifetime: 50_000 }, purchases: 3, averageGapDays: 507 });
    const fiona = await get(`/customers/${ids.Fiona}/value`);
    expect(fiona).toMatchObject({ purchases: 1, averageGapDays: null, profit: { days30: 3_000, days365: 3_000, lifetime: 3_000 } });
    const dmitri = await get(`/customers/${ids.Dmitri}/value`);
    expect(dmitri).toMatchObject({ purchases: 0, revenue: { lifetime: 0 }, tier: null, rank: null, rfm: null, prediction: { available: false, reason: 'no_purchases' }, lapse: { state: null } });
  });

  it('ranks by 365-day revenue: the top 10% gold, ties to the higher lifetime revenue, and compares with the tiers of 31 May', async () => {
    // Ranked (positive 365-day revenue): Erik 51,000, Boris 50,000, Alma 32,000, Clara 20,000, Fiona 8,000 — Gleb's purchase is older.
    type Placed = { rank: number | null; tier: string | null; previousTier: string | null; percentile: number | null };
    const ranks: Record<string, Placed> = Object.fromEntries(await Promise.all(Object.entries(ids).map(async ([name, id]) => [name, (await get(`/customers/${id}/value`)) as Placed])));
    expect(Object.fromEntries(Object.entries(ranks).map(([n, v]) => [n, v.rank]))).toEqual({ Erik: 1, Boris: 2, Alma: 3, Clara: 4, Fiona: 5, Gleb: null, Dmitri: null });
    expect(ranks.Erik).toMatchObject({ tier: 'gold', percentile: 100 }); // ceil(10% of 5) = 1 gold, ceil(20% of 5) − 1 = 0 silver
    expect(ranks.Boris).toMatchObject({ tier: 'other', percentile: 80 });
    // On 31 May, Boris and Erik had 50,000 each, and the same lifetime revenue: the smaller id went first.
    const [first, second] = [ids.Boris!, ids.Erik!].toSorted();
    expect(ranks[first === ids.Boris ? 'Boris' : 'Erik']!.previousTier).toBe('gold');
    expect(ranks[second === ids.Boris ? 'Boris' : 'Erik']!.previousTier).toBe('other');

    const dashboard = await get('/analytics/value');
    expect(dashboard.totals).toMatchObject({ customers: 7, buyers: 6, ranked: 5, revenue: { lifetime: 32_000 + 50_000 + 50_000 + 51_000 + 8_000 + 100_000 } });
    expect(dashboard.gold.map((g: { displayName: string }) => g.displayName)).toEqual(['Erik']);
    expect(dashboard.tiers).toEqual([
      { tier: 'gold', customers: 1, valueMinor: 51_000, share: 51_000 / 161_000, thresholdMinor: 51_000 },
      { tier: 'silver', customers: 0, valueMinor: 0, share: 0, thresholdMinor: null },
      { tier: 'other', customers: 4, valueMinor: 110_000, share: 110_000 / 161_000, thresholdMinor: 8_000 },
    ]);
    expect(dashboard.pareto.gold).toEqual({ customerShare: 0.2, revenueShare: 51_000 / 161_000 });
    expect(dashboard.pareto.points.at(-1)).toEqual({ customerShare: 1, revenueShare: 1 });
    expect(dashboard.period.start).toBe('2026-06-01');
    const entered = dashboard.period.entered.map((e: { displayName: string }) => e.displayName);
    const left = dashboard.period.left.map((e: { displayName: string }) => e.displayName);
    expect(first === ids.Boris ? [entered, left] : [entered, []]).toEqual(first === ids.Boris ? [['Erik'], ['Boris']] : [[], []]);
    expect(dashboard.months.find((m: { month: string }) => m.month === '2026-06')).toEqual({ month: '2026-06', revenueMinor: 10_000 - 3_000 + 20_000 + 1_000 + 8_000, profitMinor: 3_000, buyers: 4 });
  });

  it('scores RFM by quintile and names the segments from the documented grid', async () => {
    // R by days since (Fiona 1, Alma 5, Erik 10, Clara 14, Boris 26, Gleb 896): 5, 4, 3, 2, 1, 1 — a score is
    // 1 + ⌊5 · (customers strictly worse) / 6⌋. F by purchases (Alma 3, Clara 3, Erik 2, others 1): 4, 4, 3, 1.
    // M by lifetime (Fiona 8,000, Alma 32,000, Boris 50,000, Clara 50,000, Erik 51,000, Gleb 100,000): 1, 1, 2, 2, 4, 5.
    // FM = ⌊(F + M + 1) / 2⌋; the segment is the grid cell (R, FM) of docs/analytics.md.
    const rfm = async (name: string) => (await get(`/customers/${ids[name]}/value`)).rfm;
    expect(await rfm('Alma')).toEqual({ r: 4, f: 4, m: 1, segment: 'potential_loyalist' }); // (4, 3)
    expect(await rfm('Fiona')).toEqual({ r: 5, f: 1, m: 1, segment: 'new' }); // (5, 1)
    expect(await rfm('Clara')).toEqual({ r: 2, f: 4, m: 2, segment: 'at_risk' }); // (2, 3)
    expect(await rfm('Boris')).toEqual({ r: 1, f: 1, m: 2, segment: 'hibernating' }); // (1, 2)
    expect(await rfm('Erik')).toEqual({ r: 3, f: 3, m: 4, segment: 'loyal' }); // (3, 4)
    expect(await rfm('Gleb')).toEqual({ r: 1, f: 1, m: 5, segment: 'at_risk' }); // (1, 3)
    const report = await get('/analytics/rfm');
    expect(report.segments.find((s: { segment: string }) => s.segment === 'new')).toEqual({ segment: 'new', customers: 1, revenueMinor: 8_000, share: 8_000 / 291_000 });
    expect(report.grid).toHaveLength(25);
    expect(report.grid.find((c: { r: number; fm: number }) => c.r === 1 && c.fm === 3)).toEqual({ r: 1, fm: 3, segment: 'at_risk', customers: 1 });
    expect(report.segments.find((s: { segment: string }) => s.segment === 'at_risk')).toMatchObject({ customers: 2, revenueMinor: 150_000 });

    // The list filters and sorts on the same numbers.
    const list = async (query: string) => (await get(`/customers?${query}`)).items.map((c: { displayName: string }) => c.displayName);
    expect(await list(`filters=${encodeURIComponent(JSON.stringify([{ field: 'rfmSegment', op: 'eq', value: 'new' }]))}`)).toEqual(['Fiona']);
    expect(await list('sort=revenue365&order=desc&limit=3')).toEqual(['Erik', 'Boris', 'Alma']);
    // By rank, the ranked come first whichever the order; then those without a rank.
    expect((await list('sort=valueRank&order=asc')).slice(0, 5)).toEqual(['Erik', 'Boris', 'Alma', 'Clara', 'Fiona']);
    expect((await list('sort=valueRank&order=desc')).slice(0, 5)).toEqual(['Fiona', 'Clara', 'Alma', 'Boris', 'Erik']);
    const paged = await get('/customers?sort=valueRank&order=asc&limit=4');
    expect((await get(`/customers?sort=valueRank&order=asc&limit=4&cursor=${paged.nextCursor}`)).items.map((c: { displayName: string }) => c.displayName).slice(0, 1)).toEqual(['Fiona']);
    expect(await list(`filters=${encodeURIComponent(JSON.stringify([{ field: 'revenueLifetime', op: 'lt', value: 10_000 }]))}&sort=name`)).toEqual(['Dmitri', 'Fiona']);
    const bad = await app.inject({ url: `/api/v1/customers?filters=${encodeURIComponent(JSON.stringify([{ field: 'tier', op: 'eq', value: 'platinum' }]))}`, headers: as(owner) });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('tier is one of gold, silver, other');
    const row = (await get(`/customers?filters=${encodeURIComponent(JSON.stringify([{ field: 'tier', op: 'eq', value: 'gold' }]))}`)).items[0];
    expect(row.value).toMatchObject({ revenue365Minor: 51_000, revenueLifetimeMinor: 51_000, purchases: 2, tier: 'gold', valueRank: 1, rfmSegment: 'loyal' });
  });

  it('exports the value columns with the list, filtered the same way', async () => {
    const filters = encodeURIComponent(JSON.stringify([{ field: 'tier', op: 'eq', value: 'gold' }]));
    const csv = (await app.inject({ url: `/api/v1/customers/export?format=csv&filters=${filters}`, headers: as(owner) })).body.replace(/^\uFEFF/, '');
    const [header, row, extra] = csv.trim().split(/\r?\n/);
    expect(extra).toBeUndefined();
    const cells = Object.fromEntries(header!.split(',').map((h, i) => [h, row!.split(',')[i]]));
    expect(cells).toMatchObject({ Name: 'Erik', 'Revenue (365 days)': '510', 'Revenue (lifetime)': '510', Purchases: '2', 'Value rank': '1', Tier: 'gold', 'RFM segment': 'loyal', 'Lapse state': 'active' });
  });

  it('judges lapse against the own gap, else the workspace median gap, and fills the profile bits', async () => {
    // Median of own gaps (Erik 35, Alma 141, Clara 507) = 141 days; Gleb: 896 / 141 = 6.4 gaps → lapsed (> 4);
    // Boris: 26 / 141 = 0.18 → active; Clara: 14 / 507 → active.
    expect((await get(`/customers/${ids.Gleb}/value`)).lapse).toEqual({ state: 'lapsed', gapDays: 141, gapSource: 'workspace' });
    expect((await get(`/customers/${ids.Boris}/value`)).lapse).toEqual({ state: 'active', gapDays: 141, gapSource: 'workspace' });
    expect((await get(`/customers/${ids.Alma}/value`)).lapse).toEqual({ state: 'active', gapDays: 141, gapSource: 'own' });
    const profile = await get(`/customers/${ids.Erik}`);
    expect(profile.bits.filter((b: { state: string }) => b.state === 'known').map((b: { key: string; summary: string }) => `${b.key}=${b.summary}`)).toEqual(['value=51000 EUR', 'tier=gold', 'risk=active']);
    // Completeness counts those bits, the same on the profile and in the list, its filter and its sort:
    // a name and three bits of fifteen checks is 27%; Dmitri, who never bought, has his name alone (7%).
    expect([profile.completeness, profile.completenessDetail.score]).toEqual([27, 27]);
    const byCompleteness = await get(`/customers?sort=completeness&order=asc&filters=${encodeURIComponent(JSON.stringify([{ field: 'completeness', op: 'lt', value: 27 }]))}`);
    expect(byCompleteness.items.map((c: { displayName: string; completeness: number }) => `${c.displayName} ${c.completeness}`)).toEqual(['Dmitri 7']);
    // Seven customers are too few to fit a model: said so, not guessed.
    expect((await get(`/customers/${ids.Alma}/value`)).prediction).toMatchObject({ available: false, reason: 'too_few_customers', pAlive: null, clvMinor: null });
    const model = await get('/analytics/model');
    expect(model).toMatchObject({ available: false, reason: 'too_few_customers', customers: 6, bgnbd: null, minimums: { customers: 50, repeatCustomers: 20 } });
  });

  it('updates a customer at once after a purchase, and recomputes everyone shortly after', async () => {
    const response = await sale('Fiona', '2026-06-15', 100_000);
    expect(response.statusCode).toBe(201);
    // At once: Fiona's own numbers, placed against the stored gold threshold (51,000).
    expect(await get(`/customers/${ids.Fiona}/value`)).toMatchObject({ revenue: { days365: 108_000 }, purchases: 2, tier: 'gold', rank: 5 });
    expect((await get('/analytics/status')).state).toBe('pending');
    // The scheduler waits for changes to be quiet for two seconds.
    clock.advance(3_000);
    expect(await runDueRecomputes({ db: db().db, clock })).toBe(1);
    expect(await get(`/customers/${ids.Fiona}/value`)).toMatchObject({ rank: 1, tier: 'gold' });
    expect((await get(`/customers/${ids.Erik}/value`)).tier).toBe('other');
    expect((await get('/analytics/status')).state).toBe('idle');
  });

  it('recomputes when a setting changes; only owners and admins change settings, with field errors', async () => {
    const member = await addUser(app, owner, 'member');
    expect((await app.inject({ method: 'PUT', url: '/api/v1/analytics/settings', headers: as(member), payload: { goldShare: 0.2 } })).statusCode).toBe(403);
    const wrong = await app.inject({ method: 'PUT', url: '/api/v1/analytics/settings', headers: as(owner), payload: { goldShare: 2 } });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.details.fields[0].path).toBe('goldShare');
    const saved = await app.inject({ method: 'PUT', url: '/api/v1/analytics/settings', headers: as(owner), payload: { goldShare: 0.4, silverShare: 0.2 } });
    expect(saved.json()).toMatchObject({ goldShare: 0.4, silverShare: 0.2, tierWindow: 'days365' });
    expect((await get('/analytics/status')).state).toBe('pending');
    expect(await runDueRecomputes({ db: db().db, clock })).toBe(1);
    // ceil(40% of 5) = 2 gold; ceil(60% of 5) = 3 → 1 silver.
    const tiers = (await get('/analytics/value')).tiers.map((t: { tier: string; customers: number }) => `${t.tier}:${t.customers}`);
    expect(tiers).toEqual(['gold:2', 'silver:1', 'other:2']);
  });

  it('forgets a deleted customer, and keeps workspaces apart', async () => {
    await app.inject({ method: 'DELETE', url: `/api/v1/customers/${ids.Gleb}`, headers: as(owner) });
    clock.advance(3_000);
    await runDueRecomputes({ db: db().db, clock });
    expect((await get('/analytics/value')).totals).toMatchObject({ customers: 6, buyers: 5 });
    const other = await newWorkspace(app, db(), { workspaceName: 'Elsewhere' });
    expect((await app.inject({ url: `/api/v1/customers/${ids.Alma}/value`, headers: as(other) })).statusCode).toBe(404);
    expect((await get('/analytics/value', other)).totals).toMatchObject({ customers: 0, buyers: 0 });
  });
});
