import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_REASONS } from '../../contracts/reasons.ts';
import { toDbTime } from '../../db/dialect.ts';
import { describeEachDatabase } from '../../db/testing.ts';
import { as, newWorkspace, useSetUpApp, type Browser } from '../../server/testing.ts';

type Tier = 'gold' | 'silver' | 'other';
/** Six customers with known tiers, segments and revenue, and the reasons each gave (choose) or left for (exit). */
const FIXTURE: { name: string; tier: Tier | null; segment: string | null; r365: number; life: number; choose: [string, string][]; exit: [string, string][]; lost?: string }[] = [
  { name: 'Alma Gold', tier: 'gold', segment: 'champions', r365: 120_000, life: 300_000, choose: [['Service', '2025-11-03'], ['Price', '2025-12-01']], exit: [] },
  { name: 'Boris Gold', tier: 'gold', segment: 'champions', r365: 90_000, life: 150_000, choose: [['Service', '2025-12-10']], exit: [] },
  { name: 'Clara Silver', tier: 'silver', segment: 'loyal', r365: 40_000, life: 60_000, choose: [['Price', '2025-11-20']], exit: [] },
  { name: 'Dmitri Other', tier: 'other', segment: 'at_risk', r365: 8_000, life: 30_000, choose: [['Price', '2025-12-05'], ['Quality', '2026-01-05']], exit: [['Price', '2025-12-20']] },
  { name: 'Eva New', tier: null, segment: null, r365: 0, life: 0, choose: [['Price', '2025-10-01']], exit: [] },
  { name: 'Fyodor Gone', tier: 'other', segment: 'hibernating', r365: 5_000, life: 20_000, choose: [], exit: [], lost: 'Went to a competitor' },
];
const FROM = '2025-11-01';
const TO = '2026-01-15';
const inPeriod = (day: string) => day >= FROM && day <= TO;
const distinct = (rows: { c: { name: string } }[]) => new Set(rows.map((r) => r.c.name)).size;

/** A fixture write that must succeed (no expect outside a test). */
const must = async (status: number, request: Promise<{ statusCode: number; body: string }>) => {
  const response = await request;
  if (response.statusCode !== status) throw new Error(`fixture: ${response.statusCode} ${response.body}`);
};

describeEachDatabase('reasons', (db) => {
  const t = useSetUpApp(db);
  let ru: Browser;
  const ids = new Map<string, string>();
  const api = (method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, payload?: unknown, who = t.owner) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers: as(who), ...(payload !== undefined && { payload: payload as object }) });
  const reasons = async (kind?: string) => (await api('GET', `/reasons${kind ? `?kind=${kind}` : ''}`)).json().items as { id: string; kind: string; name: string; customers: number }[];
  const reasonId = async (kind: string, name: string) => (await reasons(kind)).find((r) => r.name === name)!.id;

  beforeAll(async () => {
    ru = await newWorkspace(t.app, db(), { locale: 'ru', workspaceName: 'Лавка' });
    for (const c of FIXTURE) {
      const id = (await api('POST', '/customers', { kind: 'person', name: c.name })).json().id as string;
      ids.set(c.name, id);
      if (c.tier) {
        await db().db.insertInto('customer_metrics').values({
          workspace_id: t.owner.workspaceId, customer_id: id, computed_at: toDbTime(new Date('2026-01-15T00:00:00Z')), revenue_30: 0, revenue_90: 0,
          revenue_365: c.r365, revenue_lifetime: c.life, revenue_prior_365: 0, purchases: 3, tier: c.tier, rfm_segment: c.segment,
        } as never).execute();
      }
      for (const [name, day] of c.choose) {
        await must(201, api('POST', `/customers/${id}/reasons`, { reasonId: await reasonId('choose', name), notedOn: day, words: `<b>${name}</b> matters` }));
      }
      for (const [name, day] of c.exit) {
        await must(201, api('POST', `/customers/${id}/reasons`, { kind: 'exit', reasonId: await reasonId('exit', name), notedOn: day }));
      }
      if (c.lost) await must(200, api('PUT', `/customers/${id}/lost`, { reasonId: await reasonId('exit', c.lost), note: 'Cheaper next door' }));
    }
  });

  it('seeds both kinds in the workspace language', async () => {
    expect((await reasons('choose')).map((r) => r.name)).toEqual(DEFAULT_REASONS.choose.map((r) => r.en));
    expect((await reasons('exit')).map((r) => r.name)).toEqual(DEFAULT_REASONS.exit.map((r) => r.en));
    const russian = (await t.app.inject({ url: '/api/v1/reasons?kind=exit', headers: as(ru) })).json().items.map((r: { name: string }) => r.name);
    expect(russian).toEqual(DEFAULT_REASONS.exit.map((r) => r.ru));
  });

  it('lists a customer’s reasons newest first, keeps their words as text, fills the bit and writes history', async () => {
    const id = ids.get('Alma Gold')!;
    const body = (await api('GET', `/customers/${id}/reasons`)).json();
    expect(body.items.map((e: { reason: { name: string } }) => e.reason.name)).toEqual(['Price', 'Service']);
    expect(body.items[0]).toMatchObject({ kind: 'choose', notedOn: '2025-12-01', via: 'staff', words: '<b>Price</b> matters', recordedBy: { id: t.owner.userId } });
    expect(body.lost).toBeNull();
    const profile = (await api('GET', `/customers/${id}`)).json();
    expect(profile.bits.find((b: { key: string }) => b.key === 'reasons')).toMatchObject({ state: 'known', summary: 'Price, Service' });
    expect(profile.completenessDetail.known).toContain('bit.reasons');
    const history = (await api('GET', `/customers/${id}/history`)).json().items;
    expect(history).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'reason', newValue: 'Service (2025-11-03): <b>Service</b> matters' })]));
  });

  it('marks lost with an exit reason: the risk bit, an exit entry, history; and back', async () => {
    const id = ids.get('Fyodor Gone')!;
    const body = (await api('GET', `/customers/${id}/reasons`)).json();
    expect(body.lost).toMatchObject({ reason: { name: 'Went to a competitor' }, note: 'Cheaper next door' });
    expect(body.items).toEqual([expect.objectContaining({ kind: 'exit', reason: expect.objectContaining({ name: 'Went to a competitor' }), notedOn: '2026-01-15' })]);
    const profile = (await api('GET', `/customers/${id}`)).json();
    expect(profile.bits.find((b: { key: string }) => b.key === 'risk')).toMatchObject({ state: 'known', summary: 'lost:Went to a competitor' });
    const other = (await api('POST', '/customers', { kind: 'person', name: 'Temporarily Lost' })).json().id as string;
    await api('PUT', `/customers/${other}/lost`, { reasonId: await reasonId('exit', 'Moved away') });
    const back = await api('DELETE', `/customers/${other}/lost`);
    expect(back.statusCode).toBe(200);
    expect(back.json().lost).toBeNull();
    const history = (await api('GET', `/customers/${other}/history`)).json().items.filter((h: { field: string }) => h.field === 'lost');
    expect(history.map((h: { oldValue: string | null; newValue: string | null }) => [h.oldValue, h.newValue])).toEqual(expect.arrayContaining([[null, 'Moved away'], ['Moved away', null]]));
    await api('DELETE', `/customers/${other}`);
  });

  it('refuses bad input naming the field', async () => {
    const id = ids.get('Boris Gold')!;
    const unknown = await api('POST', `/customers/${id}/reasons`, { reasonId: 'no-such-reason' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.details.fields[0].path).toBe('reasonId');
    const long = await api('POST', `/customers/${id}/reasons`, { reasonId: await reasonId('choose', 'Price'), words: 'x'.repeat(2001) });
    expect(long.statusCode).toBe(400);
    expect(JSON.stringify(long.json().error)).toContain('words');
    const wrongKind = await api('POST', `/customers/${id}/reasons`, { reasonId: await reasonId('exit', 'Moved away') });
    expect(wrongKind.statusCode).toBe(400);
    expect(wrongKind.json().error).toMatchObject({ code: 'reasons.wrong_kind', details: { fields: [{ path: 'reasonId' }] } });
    const lostWithChoose = await api('PUT', `/customers/${id}/lost`, { reasonId: await reasonId('choose', 'Price') });
    expect(lostWithChoose.statusCode).toBe(400);
    const otherWorkspace = await t.app.inject({ method: 'POST', url: `/api/v1/customers/${id}/reasons`, headers: as(ru), payload: { reasonId: await reasonId('choose', 'Price') } });
    expect(otherWorkspace.statusCode).toBe(404);
  });

  it('adds, renames, refuses duplicates, and deletes a reason in use only with moveTo', async () => {
    const created = await api('POST', '/reasons', { kind: 'choose', name: 'Parking' });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ kind: 'choose', name: 'Parking', position: DEFAULT_REASONS.choose.length });
    expect((await api('POST', '/reasons', { kind: 'choose', name: 'parking ' })).statusCode).toBe(409);
    expect((await api('POST', '/reasons', { kind: 'exit', name: 'Parking' })).statusCode).toBe(201);
    expect((await api('PATCH', `/reasons/${created.json().id}`, { name: 'Easy parking' })).json().name).toBe('Easy parking');
    const quality = await reasonId('choose', 'Quality');
    const inUse = await api('DELETE', `/reasons/${quality}`);
    expect(inUse.statusCode).toBe(409);
    expect(inUse.json().error).toMatchObject({ code: 'reasons.in_use', details: { customers: 1 } });
    expect((await api('DELETE', `/reasons/${quality}?moveTo=${await reasonId('exit', 'Price')}`)).statusCode).toBe(400);
    const moved = await api('DELETE', `/reasons/${quality}?moveTo=${created.json().id}`);
    expect(moved.json()).toEqual({ moved: 1 });
    const dmitri = (await api('GET', `/customers/${ids.get('Dmitri Other')}/reasons`)).json().items.map((e: { reason: { name: string } }) => e.reason.name);
    expect(dmitri).toContain('Easy parking');
    // Put it back under its own name for the report below.
    expect((await api('PATCH', `/reasons/${created.json().id}`, { name: 'Quality' })).statusCode).toBe(200);
    expect((await api('DELETE', `/reasons/${await reasonId('exit', 'Parking')}`)).json()).toEqual({ moved: 0 });
  });

  describe('reports', () => {
    it('counts why they choose us by tier, segment and month, as the fixture says', async () => {
      const report = (await api('GET', `/reports/reasons?from=${FROM}&to=${TO}`)).json();
      const given = FIXTURE.flatMap((c) => c.choose.filter(([, day]) => inPeriod(day)).map(([reason, day]) => ({ c, reason, month: day.slice(0, 7) })));
      const tierOf = (c: (typeof FIXTURE)[number]) => c.tier ?? 'other';
      expect(report.customers).toBe(distinct(given));
      for (const tier of ['gold', 'silver', 'other'] as const) expect(report.tierCustomers[tier]).toBe(distinct(given.filter((g) => tierOf(g.c) === tier)));
      for (const reason of new Set(given.map((g) => g.reason))) {
        const row = report.rows.find((r: { reason: string }) => r.reason === reason);
        const mine = given.filter((g) => g.reason === reason);
        expect(row.customers).toBe(distinct(mine));
        expect(row.share).toBeCloseTo(distinct(mine) / distinct(given), 10);
        for (const tier of ['gold', 'silver', 'other'] as const) expect(row.byTier[tier]).toBe(distinct(mine.filter((g) => tierOf(g.c) === tier)));
        for (const month of new Set(mine.map((g) => g.month))) expect(row.byMonth[month]).toBe(distinct(mine.filter((g) => g.month === month)));
        for (const seg of new Set(mine.map((g) => g.c.segment ?? 'none'))) expect(row.bySegment[seg]).toBe(distinct(mine.filter((g) => (g.c.segment ?? 'none') === seg)));
      }
      // Gold: Service from both (100%); the rest: Price from Clara and Dmitri (2 of 2).
      expect(report.headline).toEqual({ gold: { reason: 'Service', share: 1 }, rest: { reason: 'Price', share: 1 } });
      expect(report.rows[0].reason).toBe('Price');
      // Eva's reason is before the period; without one, she counts.
      expect((await api('GET', '/reports/reasons')).json().rows.find((r: { reason: string }) => r.reason === 'Price').customers).toBe(4);
    });

    it('counts exit reasons by tier and month with the value lost', async () => {
      const report = (await api('GET', `/reports/exit-reasons?from=${FROM}&to=${TO}`)).json();
      const left = FIXTURE.flatMap((c) => [...c.exit.map(([reason, day]) => ({ c, reason, day })), ...(c.lost ? [{ c, reason: c.lost, day: '2026-01-15' }] : [])]).filter((e) => inPeriod(e.day));
      expect(report.customers).toBe(new Set(left.map((e) => e.c.name)).size);
      expect(report.valueLost365).toBe([...new Map(left.map((e) => [e.c.name, e.c.r365])).values()].reduce((a, b) => a + b, 0));
      for (const e of left) {
        const row = report.rows.find((r: { reason: string }) => r.reason === e.reason);
        expect(row).toMatchObject({ customers: 1, valueLost365: e.c.r365, valueLostLifetime: e.c.life, lost: e.c.lost ? 1 : 0, byMonth: { [e.day.slice(0, 7)]: 1 } });
        expect(row.byTier[e.c.tier ?? 'other']).toBe(1);
      }
      expect(report.rows[0].reason).toBe('Price');
      expect(report.rows.find((r: { reason: string }) => r.reason === 'Bad service')).toMatchObject({ customers: 0, valueLost365: 0 });
    });

    it('exports both as CSV and XLSX', async () => {
      const csv = await api('GET', `/reports/reasons/export?format=csv&from=${FROM}&to=${TO}`);
      expect(csv.statusCode).toBe(200);
      expect(csv.body).toContain('Reason');
      expect(csv.body).toContain('Service');
      const ruCsv = await api('GET', '/reports/exit-reasons/export?format=csv&lang=ru');
      expect(ruCsv.body).toContain('Причина');
      const xlsx = await api('GET', '/reports/exit-reasons/export?format=xlsx');
      expect(xlsx.statusCode).toBe(200);
      expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    });
  });

  it('moves the reasons of a customer merged away to the survivor', async () => {
    const a = (await api('POST', '/customers', { kind: 'person', name: 'Merge Keep' })).json();
    const b = (await api('POST', '/customers', { kind: 'person', name: 'Merge Away' })).json();
    await api('POST', `/customers/${b.id}/reasons`, { reasonId: await reasonId('choose', 'Location'), notedOn: '2025-06-01' });
    const fresh = async (id: string) => (await api('GET', `/customers/${id}`)).json().version as number;
    const merged = await api('POST', `/customers/${a.id}/merge`, { otherId: b.id, version: await fresh(a.id), otherVersion: await fresh(b.id), take: {} });
    expect(merged.statusCode).toBe(200);
    expect((await api('GET', `/customers/${a.id}/reasons`)).json().items.map((e: { reason: { name: string } }) => e.reason.name)).toEqual(['Location']);
    expect(merged.json().bits.find((bit: { key: string }) => bit.key === 'reasons').state).toBe('known');
  });
});
