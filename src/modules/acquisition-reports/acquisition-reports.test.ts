import { beforeAll, expect, it } from 'vitest';
import type { SourceReportRow, SourcesReport } from '../../contracts/acquisition-reports.ts';
import { describeEachDatabase } from '../../db/testing.ts';
import { as, newWorkspace, useSetUpApp, type Browser } from '../../server/testing.ts';

/**
 * The Sources and Referrals reports on a small hand-made workspace (EUR, Europe/Berlin, today
 * 2026-01-15). Every expected figure is worked out here by hand from the purchases below, not
 * read back from the code.
 *
 *   Instagram: A (acquired 2025-03-01; 100 cost 40 on 03-05 with campaign name "Insta ads",
 *              50 cost 20 on 07-01, 30 cost 10 on 2026-01-10), B (acquired 03-15, no purchases)
 *   Flyer:     C (no date: acquired the day of the first purchase, 2025-03-31 22:30Z = 04-01 in Berlin;
 *              60 with SPRING10, refund 20 on 04-15), D (acquired 04-10; 60 with SPRING10 on 04-11, 30 on 06-20),
 *              E (no source, no date; 90 with SPRING10 on 06-02: the code's third use, limit 2 → flagged;
 *              the campaign gives E its source, Flyer)
 *   Friend:    G (acquired 2025-10-01; 10)
 *   unknown:   H 40, I 25 − 5 refund, J none, K none, L 20, M (an outside introducer), N none; all acquired 2025-10-01
 *   referrals: G → H → I → J (three levels), K → L (a tie with H: direct 20, network 20), M → N
 *   costs:     Spring flyers (Flyer) 120.00 on 2025-03-10 and 80.00 on 2025-04-05; Insta ads (Instagram) 300.00 on 2025-03-20
 */
const pick = (r: SourcesReport, level: SourceReportRow['level'], name: string | null) =>
  r.rows.find((x) => x.level === level && (level === 'campaign' ? x.campaign : level === 'channel' ? x.channel : x.source) === name)!;

describeEachDatabase('acquisition reports', (db) => {
  const t = useSetUpApp(db);
  let w: Browser;
  const ids: Record<string, string> = {};
  const api = async (method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) => {
    const r = await t.app.inject({ method, url: `/api/v1${url}`, headers: as(w), ...(payload !== undefined && { payload: payload as object }) });
    if (r.statusCode >= 300) throw new Error(`${method} ${url}: ${r.statusCode} ${r.body}`);
    return r.json();
  };
  const buy = (who: string, occurredAt: string, amount: number, extra: Record<string, unknown> = {}) =>
    api('POST', `/customers/${ids[who]}/transactions`, { occurredAt, amountMinor: amount * 100, ...extra });

  beforeAll(async () => {
    w = await newWorkspace(t.app, db(), { baseCurrency: 'EUR', timeZone: 'Europe/Berlin' });
    for (const name of ['A', 'B', 'C', 'D', 'E', 'G', 'H', 'I', 'J', 'K', 'L', 'N']) ids[name] = (await api('POST', '/customers', { kind: 'person', name: `${name} Person` })).id;
    const sources = (await api('GET', '/sources')).items as { id: string; name: string }[];
    const source = (name: string) => sources.find((s) => s.name === name)!.id;
    await api('PUT', `/customers/${ids.A}/acquisition`, { sourceId: source('Instagram'), acquiredOn: '2025-03-01' });
    await api('PUT', `/customers/${ids.B}/acquisition`, { sourceId: source('Instagram'), acquiredOn: '2025-03-15' });
    await api('PUT', `/customers/${ids.C}/acquisition`, { sourceId: source('Flyer') });
    await api('PUT', `/customers/${ids.D}/acquisition`, { sourceId: source('Flyer'), acquiredOn: '2025-04-10' });
    await api('PUT', `/customers/${ids.G}/acquisition`, { sourceId: source('Friend or family'), acquiredOn: '2025-10-01' });
    await api('POST', '/customers/bulk/acquisition', { customerIds: ['H', 'I', 'J', 'K', 'L', 'N'].map((n) => ids[n]), sourceId: null, acquiredOn: '2025-10-01' });
    await api('POST', '/campaigns', {
      name: 'Spring flyers', sourceId: source('Flyer'), startsOn: '2025-03-10', endsOn: '2025-05-31',
      costs: [{ spentOn: '2025-03-10', amountMinor: 12_000, description: 'Print' }, { spentOn: '2025-04-05', amountMinor: 8_000, description: 'Handing out' }],
      codes: [{ code: 'SPRING10', maxUses: 2, validUntil: '2025-12-31' }],
    });
    await api('POST', '/campaigns', { name: 'Insta ads', sourceId: source('Instagram'), costs: [{ spentOn: '2025-03-20', amountMinor: 30_000 }] });
    await buy('A', '2025-03-05T10:00:00Z', 100, { costMinor: 4_000, campaign: 'Insta ads' });
    await buy('A', '2025-07-01T10:00:00Z', 50, { costMinor: 2_000 });
    await buy('A', '2026-01-10T10:00:00Z', 30, { costMinor: 1_000 });
    await buy('C', '2025-03-31T22:30:00Z', 60, { campaign: 'spring10' });
    await buy('C', '2025-04-15T10:00:00Z', -20, { kind: 'refund' });
    await buy('D', '2025-04-11T10:00:00Z', 60, { campaign: 'SPRING10' });
    await buy('D', '2025-06-20T10:00:00Z', 30);
    await buy('E', '2025-06-02T10:00:00Z', 90, { campaign: ' Spring10 ' });
    await buy('G', '2025-10-05T10:00:00Z', 10);
    await buy('H', '2025-10-06T10:00:00Z', 40);
    await buy('I', '2025-10-07T10:00:00Z', 25);
    await buy('I', '2025-10-20T10:00:00Z', -5, { kind: 'refund' });
    await buy('L', '2025-11-30T10:00:00Z', 20);
    await api('PUT', `/customers/${ids.H}/referrer`, { referrerId: ids.G });
    await api('PUT', `/customers/${ids.I}/referrer`, { referrerId: ids.H });
    await api('PUT', `/customers/${ids.J}/referrer`, { referrerId: ids.I });
    await api('PUT', `/customers/${ids.L}/referrer`, { referrerId: ids.K });
    const n = await api('PUT', `/customers/${ids.N}/referrer`, { introducer: { name: 'M Introducer', email: 'm.introducer@example.com' } });
    ids.M = n.referredBy.id;
    await api('POST', '/customers/bulk/acquisition', { customerIds: [ids.M], sourceId: null, acquiredOn: '2025-10-01' });
  });

  it('per source: customers, buyers, windows from the acquisition day, cost, ROI and payback', async () => {
    const r = (await api('GET', '/reports/sources')) as SourcesReport;
    expect(r.currency).toBe('EUR');
    expect(pick(r, 'source', 'Instagram')).toMatchObject({
      channel: 'Online', customers: 2, buyers: 1, revenue90: 10_000, revenue365: 18_000, revenue: 18_000,
      // 2026-01-10 is inside the 365 days from 2025-03-01.
      profit90: 6_000, profit365: 11_000, profit: 11_000, predicted12m: null, cost: 30_000, costPerCustomer: 15_000, costPerBuyer: 30_000,
      // Every sale has a known cost: ROI on profit, (110 − 300) / 300.
      roiBasis: 'profit', roi: -0.6333, paybackMonth: null, valuePerCustomer: 9_000,
    });
    expect(pick(r, 'source', 'Flyer')).toMatchObject({
      channel: 'Offline', customers: 3, buyers: 3,
      // C: 60 − 20; D: 60 + 30 (70 days after 04-10); E: 90.
      revenue90: 22_000, revenue365: 22_000, revenue: 22_000, profit: null, cost: 20_000, costPerCustomer: 6_667, costPerBuyer: 6_667,
      // No cost of goods known: ROI on revenue, (220 − 200) / 200; 190 in month 1, 220 by the end of month 3 (D's day 71).
      roiBasis: 'revenue', roi: 0.1, paybackMonth: 3,
    });
    expect(pick(r, 'source', 'Friend or family')).toMatchObject({ channel: 'Referral', customers: 1, buyers: 1, revenue: 1_000, cost: 0, roi: null, paybackMonth: null });
    expect(pick(r, 'source', null)).toMatchObject({ channel: null, customers: 7, buyers: 3, revenue: 8_000, revenue90: 8_000 });
    expect(pick(r, 'total', null)).toMatchObject({ customers: 13, buyers: 8, revenue: 49_000, cost: 50_000, roiBasis: 'revenue', roi: -0.02 });
    expect(pick(r, 'channel', 'Offline')).toMatchObject({ customers: 3, revenue: 22_000, cost: 20_000 });
  });

  it('per campaign: the customers its code or name brought, its two cost lines', async () => {
    const r = (await api('GET', '/reports/sources')) as SourcesReport;
    expect(pick(r, 'campaign', 'Spring flyers')).toMatchObject({ source: 'Flyer', customers: 3, buyers: 3, revenue: 22_000, cost: 20_000, roi: 0.1 });
    expect(pick(r, 'campaign', 'Insta ads')).toMatchObject({ source: 'Instagram', customers: 1, buyers: 1, revenue: 18_000, cost: 30_000, roiBasis: 'profit', roi: -0.6333 });
  });

  it('trend by month of acquisition (in the workspace time zone) and costs by month spent', async () => {
    const r = (await api('GET', '/reports/sources')) as SourcesReport;
    expect(r.trend).toEqual([
      { month: '2025-03', customers: 2, buyers: 1, revenue90: 10_000, revenue: 18_000, cost: 42_000 },
      { month: '2025-04', customers: 2, buyers: 2, revenue90: 13_000, revenue: 13_000, cost: 8_000 },
      { month: '2025-06', customers: 1, buyers: 1, revenue90: 9_000, revenue: 9_000, cost: 0 },
      { month: '2025-10', customers: 8, buyers: 4, revenue90: 9_000, revenue: 9_000, cost: 0 },
    ]);
  });

  it('names the best source by value per customer, in a sentence', async () => {
    const r = (await api('GET', '/reports/sources')) as SourcesReport;
    // Flyer 220 / 3 = 73.33 against (180 + 220 + 10) / 6 = 68.33 over customers with a known source.
    expect(r.best).toEqual({ channel: 'Offline', source: 'Flyer', sourceId: expect.any(String), customers: 3, valuePerCustomer: 7_333, averagePerCustomer: 6_833, times: 1.07 });
    expect(r.headline).toBe('Customers who came from Flyer (Offline) are worth the most: 73.33 EUR each to date, 1.1× the average of 68.33.');
  });

  it('a period counts the customers acquired in it and the costs dated in it', async () => {
    const r = (await api('GET', '/reports/sources?from=2025-04-01&to=2025-06-30')) as SourcesReport;
    expect(pick(r, 'total', null)).toMatchObject({ customers: 3, cost: 8_000 });
    // All three came from Flyer: with nothing to compare it with, no source is named the best.
    expect(r.best).toBeNull();
    expect(r.headline).toBeNull();
    // C, D, E; only the April cost line: (220 − 80) / 80, paid back in month 1.
    expect(pick(r, 'source', 'Flyer')).toMatchObject({ customers: 3, revenue: 22_000, cost: 8_000, roi: 1.75, paybackMonth: 1 });
    expect(r.rows.find((x) => x.source === 'Instagram')).toBeUndefined();
  });

  it('customers like these: the list filtered by source, channel, campaign, acquisition day or referrer', async () => {
    const names = async (filters: unknown[]) => {
      const page = await api('GET', `/customers?limit=100&filters=${encodeURIComponent(JSON.stringify(filters))}`);
      return (page.items as { displayName: string }[]).map((c) => c.displayName[0]).toSorted().join('');
    };
    const sources = (await api('GET', '/sources')).items as { id: string; name: string }[];
    const flyer = sources.find((x) => x.name === 'Flyer')!.id;
    const campaigns = (await api('GET', '/campaigns')).items as { id: string; name: string }[];
    expect(await names([{ field: 'source', op: 'eq', value: flyer }])).toBe('CDE');
    expect(await names([{ field: 'campaign', op: 'eq', value: campaigns.find((c) => c.name === 'Spring flyers')!.id }])).toBe('CDE');
    expect(await names([{ field: 'channel', op: 'eq', value: 'online' }])).toBe('AB');
    expect(await names([{ field: 'source', op: 'empty' }])).toBe('HIJKLMN');
    // The period of the Sources report above: acquired 2025-04-01 to 2025-06-30, in Berlin (C's first purchase is 04-01 there, 03-31 in UTC).
    expect(await names([{ field: 'acquired', op: 'gte', value: '2025-04-01' }, { field: 'acquired', op: 'lte', value: '2025-06-30' }])).toBe('CDE');
    expect(await names([{ field: 'referredBy', op: 'eq', value: ids.G }])).toBe('H');
    const bad = await t.app.inject({ url: `/api/v1/customers?filters=${encodeURIComponent(JSON.stringify([{ field: 'acquired', op: 'gte', value: '1 April' }]))}`, headers: as(w) });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toBe('acquired compares days written YYYY-MM-DD, not "1 April"');
  });

  it('referrals: direct and network revenue over a three-level chain, ties broken by name', async () => {
    const r = await api('GET', '/reports/referrals');
    expect(r.rows.map((x: { referrer: string }) => x.referrer)).toEqual(['G Person', 'H Person', 'K Person', 'I Person', 'M Introducer']);
    const row = (name: string) => r.rows.find((x: { referrer: string }) => x.referrer === name);
    // G → H (40) → I (25 − 5) → J (nothing)
    expect(row('G Person')).toEqual({ referrerId: ids.G, referrer: 'G Person', isCustomer: true, referrals: 1, buyers: 1, directRevenue: 4_000, networkRevenue: 6_000, networkSize: 3, depth: 3, thanksOwed: 1 });
    expect(row('H Person')).toMatchObject({ referrals: 1, buyers: 1, directRevenue: 2_000, networkRevenue: 2_000, networkSize: 2, depth: 2 });
    expect(row('K Person')).toMatchObject({ isCustomer: false, referrals: 1, buyers: 1, directRevenue: 2_000, networkRevenue: 2_000, networkSize: 1, depth: 1 });
    expect(row('I Person')).toMatchObject({ referrals: 1, buyers: 0, directRevenue: 0, networkRevenue: 0, thanksOwed: 0 });
    expect(row('M Introducer')).toMatchObject({ isCustomer: false, referrals: 1, buyers: 0 });
    // H, I, J, L, N of the 13 (M, the introducer, is a contact acquired 2025-10-01 too).
    expect(r).toMatchObject({ newCustomers: 13, referredNewCustomers: 5, referralShare: 0.3846 });
  });

  it('the profile: who referred them, whom they referred (a tree), the referral value', async () => {
    const g = await api('GET', `/customers/${ids.G}/referrals`);
    expect(g).toMatchObject({ referredBy: null, referrals: 1, buyers: 1, directRevenueMinor: 4_000, networkRevenueMinor: 6_000, networkSize: 3, currency: 'EUR' });
    expect(g.referred).toEqual([{ id: ids.H, name: 'H Person', revenueMinor: 4_000, bought: true, referred: [
      { id: ids.I, name: 'I Person', revenueMinor: 2_000, bought: true, referred: [{ id: ids.J, name: 'J Person', revenueMinor: 0, bought: false, referred: [] }] },
    ] }]);
    expect((await api('GET', `/customers/${ids.I}/referrals`)).referredBy).toEqual({ id: ids.H, name: 'H Person' });
    // Two levels asked: J is left out of the tree, not of the value.
    const shallow = await api('GET', `/customers/${ids.G}/referrals?depth=2`);
    expect(shallow.referred[0].referred[0].referred).toEqual([]);
    expect(shallow.networkRevenueMinor).toBe(6_000);
  });

  it('refuses a loop with its path, and a customer referring themselves', async () => {
    const loop = await t.app.inject({ method: 'PUT', url: `/api/v1/customers/${ids.G}/referrer`, headers: as(w), payload: { referrerId: ids.J } });
    expect(loop.statusCode).toBe(400);
    expect(loop.json().error).toMatchObject({ code: 'referrals.cycle', message: 'That would make a loop: G Person → H Person → I Person → J Person → G Person (each referred the next)' });
    const self = await t.app.inject({ method: 'PUT', url: `/api/v1/customers/${ids.K}/referrer`, headers: as(w), payload: { referrerId: ids.K } });
    expect(self.statusCode).toBe(400);
    expect(self.json().error.code).toBe('referrals.self');
  });

  it('exports both reports with their numbers as amounts', async () => {
    const csv = await t.app.inject({ url: '/api/v1/reports/sources/export?format=csv&lang=en', headers: as(w) });
    expect(csv.statusCode).toBe(200);
    const lines = csv.body.replace(/^\uFEFF/, '').trim().split(/\r?\n/);
    expect(lines[0]).toContain('Revenue to date, EUR');
    expect(lines.find((l) => l.startsWith('source,Offline,Flyer'))).toContain(',3,3,220,220,220,');
    const ref = await t.app.inject({ url: '/api/v1/reports/referrals/export?format=csv&lang=ru', headers: as(w) });
    const refLines = ref.body.replace(/^\uFEFF/, '').trim().split(/\r?\n/);
    expect(refLines[0]).toContain('Выручка сети, EUR');
    expect(refLines[1]).toBe('G Person,1,1,40,60,3,3,1');
  });
});
