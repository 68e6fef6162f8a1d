import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { CampaignResponse, Pivot, ProfitReport } from '../../contracts/reports.ts';
import { describeEachDatabase } from '../../db/testing.ts';
import { addUser, as, browserFrom, createTestApp, setupBody, type Browser } from '../../server/testing.ts';
import type { App } from '../../server/types.ts';
import { fixedClock } from '../../shared/clock.ts';
import { newId } from '../../shared/ids.ts';

/**
 * A hand-made ledger in Europe/Berlin; every expected figure below is worked out by hand from it.
 *   a  gold,   Wholesale: 10 Jan 100.00 (cost 60.00); 5 Feb 50.00 (no cost); 20 Feb refund −20.00
 *   b  gold,   Retail:    31 Jan 23:30 UTC = 1 Feb 00:30 Berlin 30.00 (cost 10.00); 3 Mar 70.00 (cost 20.00)
 *   c  silver, Wholesale: 31 Dec 2025 23:30 UTC = 1 Jan 00:30 Berlin 40.00; 5 Mar 10.00 USD with code SPRING (left out of sums)
 *   d  no value yet, no market: 10 Feb 25.00; 12 Mar 15.00
 *   e  deleted, gold: 10 Feb 999.99 (never counted)
 */
const NOW = new Date('2026-06-15T10:00:00Z');

describeEachDatabase('segment reports', (db) => {
  const clock = fixedClock(NOW);
  let app: App;
  let owner: Browser;
  const ids: Record<string, string> = {};
  let options: Record<string, string> = {};
  let campaignId = '';
  let segmentId = '';

  const tx = async (key: string, at: string, amount: number, cost: number | null = null, kind: 'sale' | 'refund' = 'sale', currency = 'EUR') => {
    const id = newId();
    await db().db.insertInto('transactions').values({
      workspace_id: owner.workspaceId, id, customer_id: ids[key]!, kind, occurred_at: at, amount_minor: amount, currency, cost_minor: cost, channel: null, campaign: null,
      external_id: null, note: null, source: 'manual', import_id: null, content_hash: null, lines: null, line_count: 0, shipping_minor: null, fee_minor: null, campaign_id: null,
      created_by: null, created_at: at, updated_at: at,
    }).execute();
    return id;
  };
  const get = async <T,>(url: string, who = owner): Promise<T> => {
    const response = await app.inject({ url: `/api/v1${url}`, headers: as(who) });
    if (response.statusCode !== 200) throw new Error(`${url}: ${response.statusCode} ${response.body}`);
    return response.json() as T;
  };

  beforeAll(async () => {
    app = await createTestApp(db(), { clock });
    owner = browserFrom(await app.inject({ method: 'POST', url: '/api/v1/setup', payload: setupBody() }));
    const ws = owner.workspaceId;
    await db().db.updateTable('workspaces').set({ time_zone: 'Europe/Berlin', base_currency: 'EUR' }).where('id', '=', ws).execute();
    // The workspace starts with a "market" choice attribute; its options become ours.
    const seeded = (await app.inject({ url: '/api/v1/attributes', headers: as(owner) })).json().items.find((a: { key: string }) => a.key === 'market');
    const market = (await app.inject({ method: 'PATCH', url: `/api/v1/attributes/${seeded.id}`, headers: as(owner), payload: { options: [{ label: 'Wholesale' }, { label: 'Retail' }] } })).json();
    if (!market.options) throw new Error(JSON.stringify(market));
    options = Object.fromEntries(market.options.map((o: { id: string; label: string }) => [o.label, o.id]));
    const people: [string, string | null, 'gold' | 'silver' | null][] = [['a', 'Wholesale', 'gold'], ['b', 'Retail', 'gold'], ['c', 'Wholesale', 'silver'], ['d', null, null], ['e', null, 'gold']];
    for (const [key, m, tier] of people) {
      const response = await app.inject({ method: 'POST', url: '/api/v1/customers', headers: as(owner), payload: { kind: 'person', firstName: key.toUpperCase(), lastName: 'Person', ...(m ? { attributes: { market: options[m] } } : {}) } });
      if (response.statusCode !== 201) throw new Error(response.body);
      ids[key] = response.json().id;
      if (tier) {
        await db().db.insertInto('customer_metrics').values({ workspace_id: ws, customer_id: ids[key]!, computed_at: NOW.toISOString(), revenue_30: 0, revenue_90: 0, revenue_365: 0, revenue_lifetime: 0, revenue_prior_365: 0, purchases: 1, tier } as never).execute();
      }
    }
    await db().db.updateTable('customers').set({ deleted_at: NOW.toISOString() }).where('id', '=', ids.e!).execute();
    await tx('a', '2026-01-10T12:00:00.000Z', 10_000, 6_000);
    await tx('a', '2026-02-05T12:00:00.000Z', 5_000);
    await tx('a', '2026-02-20T12:00:00.000Z', -2_000, null, 'refund');
    await tx('b', '2026-01-31T23:30:00.000Z', 3_000, 1_000);
    await tx('b', '2026-03-03T12:00:00.000Z', 7_000, 2_000);
    await tx('c', '2025-12-31T23:30:00.000Z', 4_000);
    const usd = await tx('c', '2026-03-05T12:00:00.000Z', 1_000, null, 'sale', 'USD');
    await tx('d', '2026-02-10T12:00:00.000Z', 2_500);
    await tx('d', '2026-03-12T12:00:00.000Z', 1_500);
    await tx('e', '2026-02-10T12:00:00.000Z', 99_999);

    // The campaign targets a snapshot of the four live people; d is kept back as the holdout.
    const segment = await app.inject({ method: 'POST', url: '/api/v1/segments', headers: as(owner), payload: { name: 'Spring target', filter: 'kind = person', kind: 'snapshot' } });
    if (segment.json().customers !== 4) throw new Error(`the target should hold the four live people: ${segment.body}`);
    segmentId = segment.json().id;
    await db().db.updateTable('segment_members').set({ holdout: 1 }).where('segment_id', '=', segmentId).where('customer_id', '=', ids.d!).execute();
    const campaign = await app.inject({ method: 'POST', url: '/api/v1/campaigns', headers: as(owner), payload: { name: 'Spring', startsOn: '2026-03-01', endsOn: '2026-03-10', targetSegmentId: segmentId, responseDays: 5, codes: [{ code: 'SPRING' }] } });
    if (campaign.statusCode !== 201) throw new Error(campaign.body);
    campaignId = campaign.json().id;
    const codeId = campaign.json().codes[0].id;
    await db().db.insertInto('coupon_redemptions').values({ workspace_id: ws, transaction_id: usd, code_id: codeId, customer_id: ids.c!, redeemed_at: '2026-03-05T12:00:00.000Z', flag: null }).execute();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('sums revenue, profit, orders and active customers per tier and Berlin month, with the change against the month before', async () => {
    const r = await get<ProfitReport>('/reports/profit?by=tier&period=month&from=2026-01-01&to=2026-03-31');
    expect(r.periods.map((p) => p.key)).toEqual(['2026-01', '2026-02', '2026-03']);
    expect(r.rows.map((row) => [row.key, row.label])).toEqual([['gold', 'Gold'], ['silver', 'Silver'], ['', 'No tier (no revenue in the last 365 days)']]);
    const gold = r.rows[0]!;
    // January: a's 100.00 at cost 60.00 (b's 31 Jan 23:30 UTC is 1 February in Berlin).
    expect(gold.cells[0]).toMatchObject({ revenue: 10_000, profit: 4_000, profitCoverage: 1, orders: 1, activeCustomers: 1, averageOrder: 10_000, frequency: 1 });
    // February: a 50.00 − 20.00 refund, b 30.00; profit only where cost is known (b: 20.00); 30.00 of 80.00 in sales costed.
    expect(gold.cells[1]).toMatchObject({ revenue: 6_000, profit: 2_000, profitCoverage: 3_000 / 8_000, orders: 2, activeCustomers: 2, averageOrder: 4_000, frequency: 1 });
    expect(gold.cells[1]!.change.revenue).toBeCloseTo((6_000 - 10_000) / 10_000, 10);
    expect(gold.cells[1]!.change.activeCustomers).toBeCloseTo(1, 10);
    expect(gold.cells[2]).toMatchObject({ revenue: 7_000, profit: 5_000, orders: 1, activeCustomers: 1 });
    expect(gold.total).toMatchObject({ revenue: 23_000, profit: 11_000, orders: 4, activeCustomers: 2, averageOrder: Math.round(25_000 / 4), frequency: 2 });
    const silver = r.rows[1]!;
    // c's purchase at 00:30 on 1 January Berlin time is January's; December had nothing, so no change; the USD sale never counts.
    expect(silver.cells.map((c) => c.revenue)).toEqual([4_000, 0, 0]);
    expect(silver.cells[0]!.change.revenue).toBeNull();
    expect(silver.cells[0]!.profit).toBeNull();
    expect(r.rows[2]!.cells.map((c) => c.revenue)).toEqual([0, 2_500, 1_500]);
    // Everyone once; the deleted customer's 999.99 nowhere.
    expect(r.total.cells.map((c) => c.revenue)).toEqual([14_000, 8_500, 8_500]);
    expect(r.total.total).toMatchObject({ revenue: 31_000, orders: 7, activeCustomers: 4 });
  });

  it('groups by a choice attribute and quarter, and restricts to a filter', async () => {
    const r = await get<ProfitReport>('/reports/profit?by=attribute:market&period=quarter&from=2026-01-01&to=2026-06-15');
    expect(r.rows.map((row) => row.label)).toEqual(['Wholesale', 'Retail', 'Unknown']);
    expect(r.rows.map((row) => row.cells.map((c) => c.revenue))).toEqual([[17_000, 0], [10_000, 0], [4_000, 0]]);
    const filtered = await get<ProfitReport>(`/reports/profit?by=tier&period=quarter&from=2026-01-01&to=2026-03-31&filter=${encodeURIComponent('market = Wholesale')}`);
    expect(filtered.rows.map((row) => [row.key, row.total.revenue])).toEqual([['gold', 13_000], ['silver', 4_000]]);
    expect(filtered.total.total.revenue).toBe(17_000);
  });

  it('reports by saved segment, overlapping groups included', async () => {
    const gold = (await app.inject({ method: 'POST', url: '/api/v1/segments', headers: as(owner), payload: { name: 'Gold ones', filter: 'tier = gold' } })).json();
    const r = await get<ProfitReport>(`/reports/profit?by=segment:${gold.id},${segmentId}&period=year&from=2026-01-01&to=2026-06-15`);
    expect(r.rows.map((row) => [row.label, row.total.revenue])).toEqual([['Gold ones', 23_000], ['Spring target', 31_000]]);
    const bad = await app.inject({ url: '/api/v1/reports/profit?by=segment:nope', headers: as(owner) });
    expect(bad.statusCode).toBe(400);
  });

  it('pivots rows by tier against columns by market, with totals that count each customer once', async () => {
    const p = await get<Pivot>('/reports/pivot?rows=tier&columns=market&value=orders&from=2026-01-01&to=2026-06-15');
    expect(p.rows.map((r) => r.key)).toEqual(['gold', 'silver', '']);
    expect(p.columns.map((c) => c.label)).toEqual(['Wholesale', 'Retail', 'Unknown']);
    // c's sale at 00:30 on 1 January Berlin time is 2026's; the USD one is not counted.
    expect(p.cells).toEqual([[2, 2, 0], [1, 0, 0], [0, 0, 2]]);
    expect(p.rowTotals).toEqual([4, 1, 2]);
    expect(p.columnTotals).toEqual([3, 2, 2]);
    expect(p.total).toBe(7);
    const q = await get<Pivot>('/reports/pivot?rows=none&columns=quarter&value=revenue&from=2026-01-01&to=2026-06-15');
    expect(q.cells).toEqual([[31_000, 0]]);
  });

  it('measures a campaign’s response per group with 95% Wilson intervals and the holdout’s difference', async () => {
    const r = await get<CampaignResponse>(`/reports/campaigns/${campaignId}/response?by=tier`);
    // Window: 1 March to 10 March + 5 days. b bought on 3 March; c redeemed SPRING (in USD, so no revenue); a did nothing; d (holdout) bought on 12 March.
    expect(r.window).toEqual({ from: '2026-03-01', to: '2026-03-15' });
    expect(r.problem).toBeNull();
    expect(r.total).toMatchObject({ targeted: 3, responded: 2, revenue: 7_000 });
    // Wilson 95% for 2 of 3, as statsmodels' proportion_confint(2, 3, method='wilson') gives it: (0.2077, 0.9385).
    expect(r.total.low).toBeCloseTo(0.2077, 4);
    expect(r.total.high).toBeCloseTo(0.9385, 4);
    expect(r.holdout).toMatchObject({ targeted: 1, responded: 1, rate: 1 });
    expect(r.holdout!.low).toBeCloseTo(0.20655, 5);
    expect(r.rows.map((row) => [row.key, row.targeted, row.responded])).toEqual([['gold', 2, 1], ['silver', 1, 1], ['', 0, 0]]);
    expect(r.rows[2]!.holdout).toMatchObject({ targeted: 1, responded: 1 });
    // Newcombe's interval for 2/3 − 1/1 from the two Wilson intervals.
    const d = 2 / 3 - 1;
    expect(r.lift!.difference).toBeCloseTo(d, 10);
    expect(r.lift!.low).toBeCloseTo(d - Math.sqrt((2 / 3 - 0.2076596) ** 2 + 0), 5);
    expect(r.lift!.high).toBeCloseTo(d + Math.sqrt((0.9385081 - 2 / 3) ** 2 + (1 - 0.2065493) ** 2), 5);
  });

  it('says why there is no response report for a campaign without a target', async () => {
    const other = (await app.inject({ method: 'POST', url: '/api/v1/campaigns', headers: as(owner), payload: { name: 'Untargeted', startsOn: '2026-03-01' } })).json();
    const r = await get<CampaignResponse>(`/reports/campaigns/${other.id}/response`);
    expect(r).toMatchObject({ problem: 'no_target', rows: [], segment: null });
    expect((await app.inject({ url: '/api/v1/reports/campaigns/01900000-0000-7000-8000-000000000000/response', headers: as(owner) })).statusCode).toBe(404);
  });

  it('exports the profit report as XLSX that reads back, headers in Russian; a viewer may read it, nobody signed out', async () => {
    const response = await app.inject({ url: '/api/v1/reports/profit/export?by=tier&period=month&from=2026-01-01&to=2026-03-31&format=xlsx&lang=ru', headers: as(owner) });
    expect(response.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.getRow(1).getCell(5).value).toBe('Выручка, EUR');
    const rows = sheet.getSheetValues().slice(2).map((r) => (r as unknown[]).slice(1, 6));
    expect(rows[0]).toEqual(['Золото', '2026-01', '2026-01-01', '2026-01-31', 100]);
    expect(rows.find((r) => r[0] === 'Золото' && r[1] === 'Итого')![4]).toBe(230);
    const viewer = await addUser(app, owner, 'viewer');
    expect((await app.inject({ url: '/api/v1/reports/profit', headers: as(viewer) })).statusCode).toBe(200);
    expect((await app.inject({ url: '/api/v1/reports/profit' })).statusCode).toBe(401);
  });
});
