import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/connection.ts';
import { migrateToLatest } from '../db/migrator.ts';
import { as, browserFrom, createTestApp, setupBody } from '../server/testing.ts';
import { rapport } from './testing.ts';

/** `rapport report sources|referrals` on a small SQLite file written through the API: a chain A → B → C and a flyer campaign. */
describe('rapport report', () => {
  let dir: string;
  let env: Record<string, string>;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-report-'));
    env = { RAPPORT_DATA_DIR: dir };
    const database = openDatabase({ sqlitePath: path.join(dir, 'rapport.db') });
    await migrateToLatest(database);
    const app = await createTestApp(database);
    const owner = browserFrom(await app.inject({ method: 'POST', url: '/api/v1/setup', payload: setupBody({ baseCurrency: 'GBP', timeZone: 'Europe/London' }) }));
    const call = async (method: 'POST' | 'PUT', url: string, payload: object) => (await app.inject({ method, url: `/api/v1${url}`, headers: as(owner), payload })).json();
    const flyer = ((await app.inject({ url: '/api/v1/sources', headers: as(owner) })).json().items as { id: string; name: string }[]).find((s) => s.name === 'Flyer')!;
    await call('POST', '/campaigns', { name: 'Leaflets', sourceId: flyer.id, costs: [{ spentOn: '2025-05-01', amountMinor: 4_000 }], codes: [{ code: 'LEAF5' }] });
    const ids: string[] = [];
    for (const name of ['Alice Root', 'Bob Middle', 'Cara Leaf']) ids.push((await call('POST', '/customers', { kind: 'person', name })).id);
    await call('PUT', `/customers/${ids[0]}/acquisition`, { sourceId: flyer.id, acquiredOn: '2025-05-02' });
    await call('PUT', `/customers/${ids[1]}/referrer`, { referrerId: ids[0] });
    await call('PUT', `/customers/${ids[2]}/referrer`, { referrerId: ids[1] });
    await call('POST', `/customers/${ids[0]}/transactions`, { occurredAt: '2025-05-03T12:00:00Z', amountMinor: 5_000, campaign: 'LEAF5' });
    await call('POST', `/customers/${ids[1]}/transactions`, { occurredAt: '2025-06-03T12:00:00Z', amountMinor: 2_500 });
    await call('POST', `/customers/${ids[2]}/transactions`, { occurredAt: '2025-07-03T12:00:00Z', amountMinor: 1_500 });
    await app.close();
    await database.close();
  }, 60_000);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('prints the sources report as JSON with the issue’s field names', async () => {
    const { code, stdout, stderr } = await rapport(['report', 'sources', '--json'], env);
    expect(code, stderr).toBe(0);
    const out = JSON.parse(stdout);
    expect(out.currency).toBe('GBP');
    const leaflets = out.rows.find((r: { campaign: string | null }) => r.campaign === 'Leaflets');
    // Alice only (the code gave her the campaign): 50.00 against 40.00 spent.
    expect(leaflets).toMatchObject({ source: 'Flyer', channel: 'Offline', campaign: 'Leaflets', customers: 1, buyers: 1, revenue: 5_000, cost: 4_000, costPerCustomer: 4_000, roi: 0.25 });
  }, 30_000);

  it('prints the referrals report as JSON, network revenue through two levels', async () => {
    const { code, stdout, stderr } = await rapport(['report', 'referrals', '--json'], env);
    expect(code, stderr).toBe(0);
    const out = JSON.parse(stdout);
    expect(out.rows.map((r: { referrer: string; referrals: number; buyers: number; directRevenue: number; networkRevenue: number }) => [r.referrer, r.referrals, r.buyers, r.directRevenue, r.networkRevenue])).toEqual([
      ['Alice Root', 1, 1, 2_500, 4_000],
      ['Bob Middle', 1, 1, 1_500, 1_500],
    ]);
  }, 30_000);

  it('prints the concentration report as JSON: top1Share, top5Share, hhi at the top, the years and groups', async () => {
    const { code, stdout, stderr } = await rapport(['report', 'concentration', '--year', '2025', '--json'], env);
    expect(code, stderr).toBe(0);
    const out = JSON.parse(stdout);
    expect(Object.keys(out)).toEqual(expect.arrayContaining(['top1Share', 'top5Share', 'hhi', 'years', 'groups']));
    // Three people, each a group of their own: 50, 25 and 15 of 90.
    expect(out).toMatchObject({ year: 2025, currency: 'GBP', top1Share: Math.round((50 / 90) * 10_000) / 10_000, top5Share: 1, groupCount: 3 });
    // (50² + 25² + 15²) / 90² · 100² = 3,350 · 10,000 / 8,100
    expect(out.hhi).toBe(Math.round(((3_350 * 10_000) / 8_100) * 10) / 10);
    expect(out.years.map((y: { year: number }) => y.year)).toEqual([2025]);
    expect(out.groups.map((g: { name: string }) => g.name)).toEqual(['Alice Root', 'Bob Middle', 'Cara Leaf']);
    const bad = await rapport(['report', 'concentration', '--year', '25'], env);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('--year 25: expected a year as YYYY');
  }, 30_000);

  it('prints profit by kind and quarter as JSON and as a table, and refuses a bad period', async () => {
    const { code, stdout, stderr } = await rapport(['report', 'profit', '--by', 'kind', '--period', 'quarter', '--from', '2025-04-01', '--to', '2025-09-30', '--json'], env);
    expect(code, stderr).toBe(0);
    const out = JSON.parse(stdout);
    expect(out.periods.map((p: { key: string }) => p.key)).toEqual(['2025-Q2', '2025-Q3']);
    // Q2: Alice 50.00 (May) + Bob 25.00 (June); Q3: Cara 15.00 (July).
    expect(out.rows.map((r: { label: string; cells: { revenue: number }[] }) => [r.label, r.cells.map((c) => c.revenue)])).toEqual([['People', [7_500, 1_500]]]);
    expect(out.total.total).toMatchObject({ revenue: 9_000, orders: 3, activeCustomers: 3 });
    const text = await rapport(['report', 'profit', '--by', 'kind', '--period', 'quarter', '--from', '2025-04-01', '--to', '2025-09-30'], env);
    expect(text.stdout).toMatch(/^People\s+75\.00\s+15\.00 \(-80\.0%\)\s+90\.00/m);
    const bad = await rapport(['report', 'profit', '--period', 'week'], env);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('--period week: use month, quarter or year');
  }, 30_000);

  it('prints a table people can read, and refuses a bad date', async () => {
    const { code, stdout } = await rapport(['report', 'sources', '--from', '2025-01-01'], env);
    expect(code).toBe(0);
    expect(stdout).toContain('Sources, customers acquired 2025-01-01');
    expect(stdout).toMatch(/^Unknown source\s+2\s+2\s+40\.00/m);
    expect(stdout).toMatch(/Leaflets\s+1\s+1\s+50\.00\s+50\.00\s+50\.00\s+40\.00\s+40\.00\s+25\.0% \(rev\.\)\s+month 1/);
    const bad = await rapport(['report', 'sources', '--from', '2025-02-30'], env);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('--from 2025-02-30: expected a date as YYYY-MM-DD');
  }, 30_000);
});
