import { afterAll, beforeAll, expect, it } from 'vitest';
import { toDbTime } from '../../db/dialect.ts';
import { describeEachDatabase } from '../../db/testing.ts';
import { as, browserFrom, createTestApp, setupBody, type Browser } from '../../server/testing.ts';
import type { App } from '../../server/types.ts';
import { fixedClock } from '../../shared/clock.ts';
import { listOwed } from './thanks.usecases.ts';

const NOW = new Date('2026-03-20T10:00:00Z');
const LOOKBACK = 30;

/**
 * A hand-made fixture: who referred whom, purchases (day and amount in cents), "customer
 * since", birthdays, and tiers as the last two recomputes left them. The expected owed list
 * is worked out below from these facts and the rules as documented, not from the code.
 */
interface Person { name: string; referredBy?: string; purchases?: [string, number][]; since?: string; birthday?: string; tier?: 'gold' | 'silver' | 'other'; previousTier?: 'gold' | 'silver' | 'other' | null; firstPurchaseAt?: string }
const PEOPLE: Person[] = [
  { name: 'Ann Referrer', purchases: [['2025-06-01T10:00:00Z', 5_000]] },
  { name: 'Ben Referred', referredBy: 'Ann Referrer', purchases: [['2026-03-10T10:00:00Z', 3_000]] },
  { name: 'Cal Old', referredBy: 'Ann Referrer', purchases: [['2025-12-01T10:00:00Z', 2_000]] },
  { name: 'Dee Big', purchases: [['2026-03-15T12:00:00Z', 80_000], ['2026-03-16T12:00:00Z', 49_999]] },
  { name: 'Eve Anniversary', since: '2024-03-05' },
  { name: 'Fay Birthday', birthday: '1990-03-25' },
  { name: 'Gus Gold', tier: 'gold', previousTier: 'silver', firstPurchaseAt: '2023-01-10T10:00:00Z' },
  { name: 'Hal Still Gold', tier: 'gold', previousTier: 'gold', firstPurchaseAt: '2022-01-10T10:00:00Z' },
  { name: 'Ida Imported Gold', tier: 'gold', previousTier: null, firstPurchaseAt: '2020-05-01T10:00:00Z' },
  { name: 'Jon Late Night', purchases: [['2026-02-17T23:30:00Z', 1_000]] },
];

const berlinDay = (iso: string) => new Date(new Date(iso).getTime() + 3600_000).toISOString().slice(0, 10); // CET in Feb–Mar

/** The owed list by the documented rules, for a window of LOOKBACK days ending today in Berlin. */
function expectedOwed(rules: { birthday: boolean; daysAhead: number; bigMinor: number }): string[] {
  const today = '2026-03-20';
  const first = '2026-02-18';
  const inWindow = (day: string) => day >= first && day <= today;
  const out: string[] = [];
  for (const p of PEOPLE) {
    const firstBuy = p.purchases?.[0]?.[0];
    if (firstBuy && inWindow(berlinDay(firstBuy))) {
      out.push(`${p.name} first_purchase ${berlinDay(firstBuy)}`);
      if (p.referredBy) out.push(`${p.referredBy} referral_bought ${berlinDay(firstBuy)}`);
    }
    for (const [at, amount] of p.purchases ?? []) if (amount >= rules.bigMinor && inWindow(berlinDay(at))) out.push(`${p.name} big_purchase ${berlinDay(at)}`);
    if (p.since) {
      const day = `2026${p.since.slice(4)}`;
      if (inWindow(day)) out.push(`${p.name} anniversary ${day}`);
    }
    if (rules.birthday && p.birthday) {
      const day = `2026${p.birthday.slice(4)}`;
      if (day >= first && day <= '2026-03-27') out.push(`${p.name} birthday ${day}`);
    }
    if (p.tier === 'gold' && p.previousTier && p.previousTier !== 'gold') out.push(`${p.name} entered_gold ${today}`);
  }
  return out.toSorted();
}

describeEachDatabase('thank-yous and owed thanks', (db) => {
  const clock = fixedClock(NOW);
  let app: App;
  let owner: Browser;
  const ids = new Map<string, string>();
  const api = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: unknown) =>
    app.inject({ method, url: `/api/v1${url}`, headers: as(owner), ...(payload !== undefined && { payload: payload as object }) });
  type Owed = { id: string; customerName: string; rule: string; occurredOn: string; status: string; detail: Record<string, unknown> };
  const owed = async (status = 'owed') => (await api('GET', `/thanks/owed?status=${status}`)).json().items as Owed[];
  const keys = (items: Owed[]) => items.map((o) => `${o.customerName} ${o.rule} ${o.occurredOn}`).toSorted();

  beforeAll(async () => {
    app = await createTestApp(db(), { clock });
    owner = browserFrom(await app.inject({ method: 'POST', url: '/api/v1/setup', payload: setupBody() }));
    for (const p of PEOPLE) {
      const response = await api('POST', '/customers', { kind: 'person', name: p.name, ...(p.birthday && { birthday: p.birthday }), ...(p.since && { customerSince: p.since }) });
      if (response.statusCode !== 201) throw new Error(`fixture ${p.name}: ${response.body}`);
      ids.set(p.name, response.json().id);
    }
    for (const p of PEOPLE) {
      const id = ids.get(p.name)!;
      if (p.referredBy) await db().db.updateTable('customers').set({ referred_by_id: ids.get(p.referredBy)! }).where('id', '=', id).execute();
      for (const [occurredAt, amountMinor] of p.purchases ?? []) {
        const response = await api('POST', `/customers/${id}/transactions`, { occurredAt, amountMinor });
        if (response.statusCode !== 201) throw new Error(`fixture purchase ${p.name}: ${response.body}`);
      }
      if (p.tier) {
        await db().db.updateTable('customers').set({ first_purchase_at: p.firstPurchaseAt ?? null }).where('id', '=', id).execute();
        await db().db.insertInto('customer_metrics').values({
          workspace_id: owner.workspaceId, customer_id: id, computed_at: toDbTime(new Date('2026-03-20T03:00:00Z')), revenue_30: 0, revenue_90: 0,
          revenue_365: 100_000, revenue_lifetime: 200_000, revenue_prior_365: 0, purchases: 5, tier: p.tier, previous_tier: p.previousTier ?? null,
        } as never).execute();
      }
    }
  });
  afterAll(async () => {
    await app?.close();
  });

  it('finds each occasion of the default rules in the last 30 days, in the workspace time zone', async () => {
    const items = await owed();
    expect(keys(items)).toEqual(expectedOwed({ birthday: false, daysAhead: 7, bigMinor: 50_000 }));
    // Jon bought at 23:30 UTC on 17 February: 18 February in Berlin, the window's first day.
    expect(keys(items)).toContain('Jon Late Night first_purchase 2026-02-18');
    expect(items.find((o) => o.rule === 'referral_bought')!.detail).toMatchObject({ referralName: 'Ben Referred', referralId: ids.get('Ben Referred') });
    expect(items.find((o) => o.rule === 'big_purchase')!.detail).toMatchObject({ amountMinor: 80_000, currency: 'EUR' });
    expect(items.find((o) => o.rule === 'anniversary')!.detail).toEqual({ years: 2 });
    expect(items.find((o) => o.rule === 'first_purchase' && o.customerName === 'Dee Big')!.detail).toEqual({ amountMinor: 80_000, currency: 'EUR' });
  });

  it('lists each occasion once however often the rules run, and keeps it owed after the window moves on', async () => {
    const before = await owed();
    await owed();
    const rows = await db().db.selectFrom('owed_thanks').select('id').where('workspace_id', '=', owner.workspaceId).execute();
    expect(rows).toHaveLength(before.length);
    // 40 days on (the rules run on their own clock: the session would not survive the jump).
    const later = { db: db().db, clock: fixedClock(new Date(NOW.getTime() + 40 * 86_400_000)) };
    const actor = { workspaceId: owner.workspaceId, userId: owner.userId, role: 'owner' as const, via: 'session' as const, scope: 'read_write' as const };
    expect(keys(await listOwed(later, actor, { status: 'owed', limit: 200 }))).toEqual(keys(before));
  });

  it('settles an owed thank-you when one is logged for it, and owes it again when that is removed', async () => {
    const item = (await owed()).find((o) => o.rule === 'referral_bought')!;
    const ann = ids.get('Ann Referrer')!;
    const logged = await api('POST', `/customers/${ann}/thank-yous`, { kind: 'gift', occasion: 'referral', costMinor: 1_500, note: '<i>Flowers</i> for Ben', owedId: item.id });
    expect(logged.statusCode).toBe(201);
    expect(logged.json()).toMatchObject({ kind: 'gift', occasion: 'referral', givenOn: '2026-03-20', costMinor: 1_500, currency: 'EUR', note: '<i>Flowers</i> for Ben', recordedBy: { id: owner.userId } });
    expect((await owed()).map((o) => o.id)).not.toContain(item.id);
    expect((await owed('done')).map((o) => o.id)).toEqual([item.id]);
    const thanksBit = async () => ((await api('GET', `/customers/${ann}`)).json().bits as { key: string; state: string; summary: string | null }[]).find((b) => b.key === 'thanks')!;
    const filled = await thanksBit();
    expect(filled.state).toBe('known');
    expect(JSON.parse(filled.summary!)).toEqual({ kind: 'gift', givenOn: '2026-03-20', count: 1 });
    const again = await api('POST', `/customers/${ann}/thank-yous`, { kind: 'call', occasion: 'referral', owedId: item.id });
    expect(again.statusCode).toBe(409);
    expect((await api('GET', `/customers/${ann}/thank-yous`)).json().items).toHaveLength(1);
    expect((await api('DELETE', `/customers/${ann}/thank-yous/${logged.json().id}`)).statusCode).toBe(200);
    expect((await owed()).map((o) => o.id)).toContain(item.id);
    expect((await thanksBit()).state).toBe('unknown');
    const elsewhere = await api('POST', `/customers/${ids.get('Dee Big')}/thank-yous`, { kind: 'call', occasion: 'referral', owedId: item.id });
    expect(elsewhere.statusCode).toBe(404);
  });

  it('dismisses with a reason, once', async () => {
    const item = (await owed()).find((o) => o.customerName === 'Jon Late Night')!;
    expect((await api('POST', `/thanks/owed/${item.id}/dismiss`, { reason: '' })).statusCode).toBe(400);
    const dismissed = await api('POST', `/thanks/owed/${item.id}/dismiss`, { reason: 'A one-off visitor' });
    expect(dismissed.json()).toMatchObject({ status: 'dismissed', dismissReason: 'A one-off visitor' });
    expect((await owed()).map((o) => o.id)).not.toContain(item.id);
    expect((await api('POST', `/thanks/owed/${item.id}/dismiss`, { reason: 'again' })).statusCode).toBe(409);
    expect(keys(await owed()).length).toBe(expectedOwed({ birthday: false, daysAhead: 7, bigMinor: 50_000 }).length - 1);
  });

  it('follows the rules as switched and tuned in Settings', async () => {
    const rules = (await api('GET', '/thanks/rules')).json();
    expect(rules).toMatchObject({ lookbackDays: LOOKBACK, rules: { birthday: { enabled: false }, big_purchase: { amountMinor: 50_000 } } });
    const saved = await api('PUT', '/thanks/rules', { ...rules, rules: { ...rules.rules, birthday: { enabled: true, daysAhead: 7 }, first_purchase: { enabled: false } } });
    expect(saved.statusCode).toBe(200);
    const items = keys(await owed());
    const expected = expectedOwed({ birthday: true, daysAhead: 7, bigMinor: 50_000 }).filter((k) => !k.includes(' first_purchase ') && !k.startsWith('Jon Late Night'));
    expect(items).toEqual(expected);
    expect(items).toContain('Fay Birthday birthday 2026-03-25');
    const invalid = await api('PUT', '/thanks/rules', { lookbackDays: 0, rules: rules.rules });
    expect(invalid.statusCode).toBe(400);
  });

  it('reports thank-yous by kind and cost per month, and thanked vs not', async () => {
    const gus = ids.get('Gus Gold')!;
    const hal = ids.get('Hal Still Gold')!;
    const logs = [
      { id: gus, kind: 'gift', costMinor: 2_500, givenOn: '2026-02-10' },
      { id: gus, kind: 'call', givenOn: '2026-03-02' },
      { id: hal, kind: 'gift', costMinor: 4_000, givenOn: '2026-03-05' },
      { id: hal, kind: 'gift', costMinor: 1_000, currency: 'USD', givenOn: '2026-03-06' },
    ];
    for (const l of logs) expect((await api('POST', `/customers/${l.id}/thank-yous`, { kind: l.kind, occasion: 'gold', givenOn: l.givenOn, costMinor: l.costMinor, currency: l.currency })).statusCode).toBe(201);
    const reportResponse = await api('GET', '/reports/thank-yous?from=2026-02-01&to=2026-03-31');
    expect(reportResponse.statusCode, reportResponse.body).toBe(200);
    const report = reportResponse.json();
    expect(report.months).toEqual([
      { month: '2026-02', kinds: [{ kind: 'gift', count: 1, costMinor: 2_500 }], count: 1, costMinor: 2_500 },
      { month: '2026-03', kinds: [{ kind: 'call', count: 1, costMinor: 0 }, { kind: 'gift', count: 2, costMinor: 4_000 }], count: 3, costMinor: 4_000 },
    ]);
    expect(report.kinds).toEqual([{ kind: 'call', count: 1, costMinor: 0 }, { kind: 'gift', count: 3, costMinor: 6_500 }]);
    // Customers with metrics: Gus, Hal, Ida (fixture rows, 100,000 each) and the buyers the app scored itself.
    const metrics = await db().db.selectFrom('customer_metrics').select(['customer_id', 'revenue_365']).where('workspace_id', '=', owner.workspaceId).execute();
    const rest = metrics.filter((m) => m.customer_id !== gus && m.customer_id !== hal);
    const [thanked, notThanked] = report.thankedVsNot;
    expect(thanked).toMatchObject({ group: 'thanked', customers: 2, averageRevenue365Minor: 100_000 });
    expect(notThanked.customers).toBe(rest.length);
    expect(notThanked.averageRevenue365Minor).toBeCloseTo(rest.reduce((s, m) => s + Number(m.revenue_365), 0) / rest.length, 2);
    const csv = await api('GET', '/reports/thank-yous/export?format=csv&from=2026-02-01&to=2026-03-31&lang=ru');
    expect(csv.statusCode).toBe(200);
    expect(csv.body).toContain('Подарок');
    expect(csv.body.split(/\r?\n/).filter(Boolean)).toHaveLength(4);
  });
});
