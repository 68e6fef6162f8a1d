import { beforeAll, expect, it } from 'vitest';
import type { ConcentrationReport } from '../../contracts/concentration.ts';
import { describeEachDatabase } from '../../db/testing.ts';
import { addUser, as, newWorkspace, useSetUpApp, type Browser } from '../../server/testing.ts';

/**
 * The Concentration report on a hand-made workspace (EUR, America/New_York, today 2026-01-15).
 * Every expected figure is worked out here by hand, not read back from the code.
 *
 *   Acme Holding ← Acme North (Pia Staff works there first, at Other Org later)
 *                ← Acme South ← Acme South Lab (Dora Deleted worked there; she is deleted)
 *   Other Org, @Risky Ltd: organisations of their own; Ivan, Jana, Karl, Zoe, Nina: people of their own
 *   Loop A ⇄ Loop B: a parent loop written straight into the database (the app refuses one)
 *
 *   2023: Loop B 10
 *   2025: Holding 100 (01-10), North 200, South 50, Lab 150, Pia 100 → Acme 600
 *         Other Org 200; Ivan 300 − 100 refund = 200; Jana 100 at 23:30 on 31 December in New York
 *         (04:30 on 1 January in UTC); Karl 50; @Risky 50; Zoe 50 − 50 = 0; Nina −30 (a refund alone)
 *         Jana 500 GBP, Dora 1000: left out
 *   2026: Lab 200, North 100 → Acme 300; Ivan 100; Karl 70 on 02-01 (after today: left out)
 */
describeEachDatabase('concentration report', (db) => {
  const t = useSetUpApp(db);
  let w: Browser;
  const ids: Record<string, string> = {};
  const api = async (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: unknown, who?: Browser) => {
    const r = await t.app.inject({ method, url: `/api/v1${url}`, headers: as(who ?? w), ...(payload !== undefined && { payload: payload as object }) });
    if (r.statusCode >= 300) throw new Error(`${method} ${url}: ${r.statusCode} ${r.body}`);
    return r.json();
  };
  const add = async (key: string, kind: 'person' | 'organisation', name: string, parent?: string) => {
    ids[key] = (await api('POST', '/customers', { kind, name, ...(parent && { parentId: ids[parent] }) })).id;
  };
  const buy = (who: string, occurredAt: string, amount: number, extra: Record<string, unknown> = {}) =>
    api('POST', `/customers/${ids[who]}/transactions`, { occurredAt, amountMinor: amount * 100, ...(amount < 0 && { kind: 'refund' }), ...extra });
  const report = async (query = '') => (await api('GET', `/reports/concentration${query}`)) as ConcentrationReport;

  beforeAll(async () => {
    w = await newWorkspace(t.app, db(), { baseCurrency: 'EUR', timeZone: 'America/New_York' });
    await add('holding', 'organisation', 'Acme Holding');
    await add('north', 'organisation', 'Acme North', 'holding');
    await add('south', 'organisation', 'Acme South', 'holding');
    await add('lab', 'organisation', 'Acme South Lab', 'south');
    await add('other', 'organisation', 'Other Org');
    await add('risky', 'organisation', '@Risky Ltd');
    await add('loopA', 'organisation', 'Loop A');
    await add('loopB', 'organisation', 'Loop B');
    for (const [key, name] of [['pia', 'Pia Staff'], ['dora', 'Dora Deleted'], ['ivan', 'Ivan Solo'], ['jana', 'Jana Solo'], ['karl', 'Karl Solo'], ['zoe', 'Zoe Zero'], ['nina', 'Nina Refund']]) await add(key!, 'person', name!);
    await api('POST', `/customers/${ids.pia}/employments`, { organisationId: ids.north });
    const later = await api('POST', `/customers/${ids.pia}/employments`, { organisationId: ids.other });
    await api('POST', `/customers/${ids.dora}/employments`, { organisationId: ids.lab });
    // The clock is fixed: make the second job visibly later, and the loop by hand.
    await db().db.updateTable('employments').set({ created_at: '2026-01-15T11:00:00.000Z' }).where('id', '=', later.id).execute();
    await db().db.updateTable('customers').set({ parent_id: ids.loopB }).where('id', '=', ids.loopA!).execute();
    await db().db.updateTable('customers').set({ parent_id: ids.loopA }).where('id', '=', ids.loopB!).execute();

    await buy('loopB', '2023-06-01T15:00:00Z', 10);
    await buy('holding', '2025-01-10T15:00:00Z', 100);
    await buy('north', '2025-03-01T15:00:00Z', 200);
    await buy('south', '2025-04-01T15:00:00Z', 50);
    await buy('lab', '2025-05-01T15:00:00Z', 150);
    await buy('pia', '2025-06-01T15:00:00Z', 100);
    await buy('other', '2025-07-01T15:00:00Z', 200);
    await buy('ivan', '2025-08-01T15:00:00Z', 300);
    await buy('ivan', '2025-08-15T15:00:00Z', -100);
    await buy('jana', '2026-01-01T04:30:00Z', 100);
    await buy('jana', '2025-09-01T15:00:00Z', 500, { currency: 'GBP' });
    await buy('karl', '2025-10-01T15:00:00Z', 50);
    await buy('risky', '2025-10-02T15:00:00Z', 50);
    await buy('zoe', '2025-11-01T15:00:00Z', 50);
    await buy('zoe', '2025-11-02T15:00:00Z', -50);
    await buy('nina', '2025-11-03T15:00:00Z', -30);
    await buy('dora', '2025-11-04T15:00:00Z', 1000);
    await buy('lab', '2026-01-02T15:00:00Z', 200);
    await buy('north', '2026-01-10T15:00:00Z', 100);
    await buy('ivan', '2026-01-05T15:00:00Z', 100);
    await buy('karl', '2026-02-01T15:00:00Z', 70);
    await api('DELETE', `/customers/${ids.dora}`);
  });

  it('a year: groups rolled up to the ultimate parent, shares of positive revenue, top-1, top-5, HHI', async () => {
    const r = await report('?year=2025');
    // Acme 100 + 200 + 50 + 150 + 100 (Pia, by her first job) = 600; Other 200; Ivan 200; Jana 100; Karl 50; @Risky 50.
    const shared = 600 + 200 + 200 + 100 + 50 + 50;
    expect(shared).toBe(1_200);
    expect(r).toMatchObject({ currency: 'EUR', period: 'year', year: 2025, from: '2025-01-01', to: '2025-12-31', groupCount: 6 });
    // Zoe's 0 and Nina's −30 count in the total, not in the shares.
    expect(r.totalRevenue).toBe((shared + 0 - 30) * 100);
    expect(r.sharedRevenue).toBe(shared * 100);
    expect(r.top1Share).toBe(600 / 1_200);
    expect(r.top5Share).toBe(Math.round(((600 + 200 + 200 + 100 + 50) / 1_200) * 10_000) / 10_000); // 0.9583
    // In percent: 50, 16.67, 16.67, 8.33, 4.17, 4.17; squared and added: (600² + 200² + 200² + 100² + 50² + 50²) / 12² = 455,000 / 144 = 3159.72.
    expect(r.hhi).toBe(Math.round((455_000 / 144) * 10) / 10);
    expect(r.groups.map((g) => [g.name, g.revenue / 100, g.members])).toEqual([
      ['Acme Holding', 600, 5], ['Ivan Solo', 200, 1], ['Other Org', 200, 1], ['Jana Solo', 100, 1], ['@Risky Ltd', 50, 1], ['Karl Solo', 50, 1],
    ]);
    expect(r.groups[0]).toMatchObject({ groupId: ids.holding, kind: 'organisation', share: 0.5 });
    expect(r.groups[1]!.share).toBe(Math.round((200 / 1_200) * 10_000) / 10_000);
  });

  it('every year with revenue, the latest by default; purchases after today left out; a parent loop stops', async () => {
    const r = await report();
    expect(r.years.map((y) => y.year)).toEqual([2023, 2025, 2026]);
    // Loop B's group is whichever of the loop the 20-level walk ends at: Loop B at even depths.
    expect(r.years[0]).toMatchObject({ sharedRevenue: 1_000, top1Share: 1, hhi: 10_000, topGroup: { groupId: ids.loopB, name: 'Loop B' } });
    // 2026: Acme 200 + 100, Ivan 100 (Karl's 70 on 1 February is after today).
    expect(r).toMatchObject({ year: 2026, from: '2026-01-01', to: '2026-01-15', sharedRevenue: 40_000, groupCount: 2, top1Share: 0.75, top5Share: 1 });
    expect(r.hhi).toBe(75 ** 2 + 25 ** 2);
    expect(r.years[2]).toMatchObject({ year: 2026, top1Share: 0.75, hhi: 6_250, topGroup: { groupId: ids.holding, name: 'Acme Holding' } });
    // 0.75 > 0.25, the default threshold.
    expect(r).toMatchObject({ warningShare: 0.25, warning: true });
  });

  it('the last 365 days and all time', async () => {
    // From 2025-01-16: all but the Holding's 100 of 10 January 2025; Acme 500 + 300, Ivan 200 + 100.
    const last = await report('?period=last365');
    expect(last).toMatchObject({ period: 'last365', year: null, from: '2025-01-16', to: '2026-01-15', sharedRevenue: (1_200 - 100 + 400) * 100 });
    expect(last.top1Share).toBe(Math.round((800 / 1_500) * 10_000) / 10_000);
    const all = await report('?period=all&limit=2');
    // Acme 900, Ivan 300, Other 200, Jana 100, Karl 50, @Risky 50, Loop B 10.
    expect(all).toMatchObject({ from: null, sharedRevenue: (10 + 1_200 + 400) * 100, groupCount: 7 });
    expect(all.top1Share).toBe(Math.round((900 / 1_610) * 10_000) / 10_000);
    expect(all.groups.map((g) => g.name)).toEqual(['Acme Holding', 'Ivan Solo']);
  });

  it('a profile: the group and its share of the latest year', async () => {
    expect(await api('GET', `/reports/concentration/customer/${ids.lab}`)).toEqual({
      customerId: ids.lab, groupId: ids.holding, groupName: 'Acme Holding', isGroup: false, year: 2026, share: 0.75, warningShare: 0.25, warning: true,
    });
    expect(await api('GET', `/reports/concentration/customer/${ids.holding}`)).toMatchObject({ isGroup: true, warning: true });
    expect(await api('GET', `/reports/concentration/customer/${ids.pia}`)).toMatchObject({ groupId: ids.holding, isGroup: false });
    expect(await api('GET', `/reports/concentration/customer/${ids.karl}`)).toMatchObject({ groupId: ids.karl, isGroup: true, share: null, warning: false });
    const deleted = await t.app.inject({ url: `/api/v1/reports/concentration/customer/${ids.dora}`, headers: as(w) });
    expect(deleted.statusCode).toBe(404);
  });

  it('the threshold: read by anyone, set by owners and admins, 0–1, other report settings kept', async () => {
    expect(await api('GET', '/reports/concentration/settings')).toEqual({ concentrationWarningShare: 0.25 });
    const viewer = await addUser(t.app, w, 'viewer');
    expect(await api('GET', '/reports/concentration/settings', undefined, viewer)).toEqual({ concentrationWarningShare: 0.25 });
    const refused = await t.app.inject({ method: 'PUT', url: '/api/v1/reports/concentration/settings', headers: as(viewer), payload: { concentrationWarningShare: 0.5 } });
    expect(refused.statusCode).toBe(403);
    for (const bad of [1.5, -0.1]) {
      const r = await t.app.inject({ method: 'PUT', url: '/api/v1/reports/concentration/settings', headers: as(w), payload: { concentrationWarningShare: bad } });
      expect(r.statusCode).toBe(400);
    }
    const workspaceId = (await db().db.selectFrom('customers').select('workspace_id').where('id', '=', ids.holding!).executeTakeFirstOrThrow()).workspace_id;
    await db().db.insertInto('report_settings').values({ workspace_id: workspaceId, settings: JSON.stringify({ someOtherReport: 7 }), updated_at: '2026-01-15T10:00:00.000Z' }).execute();
    expect(await api('PUT', '/reports/concentration/settings', { concentrationWarningShare: 0.8 })).toEqual({ concentrationWarningShare: 0.8 });
    const stored = await db().db.selectFrom('report_settings').select('settings').where('workspace_id', '=', workspaceId).executeTakeFirstOrThrow();
    expect(JSON.parse(stored.settings)).toEqual({ someOtherReport: 7, concentrationWarningShare: 0.8 });
    // 0.75 is not above 0.8.
    expect(await report()).toMatchObject({ warningShare: 0.8, warning: false });
    await api('PUT', '/reports/concentration/settings', { concentrationWarningShare: 0.25 });
  });

  it('exports the groups as CSV, names neutralised, money as amounts', async () => {
    const csv = await t.app.inject({ url: '/api/v1/reports/concentration/export?format=csv&lang=en&year=2025', headers: as(w) });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-disposition']).toContain('concentration-2025.csv');
    const lines = csv.body.replace(/^\uFEFF/, '').trim().split(/\r?\n/);
    expect(lines[0]).toBe('Group,Kind,Customers who bought,"Revenue, EUR",Share');
    expect(lines[1]).toBe('Acme Holding,Organisation,5,600,0.5');
    expect(lines).toContain("'@Risky Ltd,Organisation,1,50,0.0417");
    const ru = await t.app.inject({ url: '/api/v1/reports/concentration/export?format=xlsx&lang=ru', headers: as(w) });
    expect(ru.statusCode).toBe(200);
    expect(ru.headers['content-type']).toContain('spreadsheetml');
  });
});
