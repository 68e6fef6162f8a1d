import { beforeAll, afterAll, expect, it } from 'vitest';
import type { TodayItem, TodayQueue } from '../../contracts/today.ts';
import { describeEachDatabase } from '../../db/testing.ts';
import { addUser, as, browserFrom, createTestApp, setupBody, type Browser } from '../../server/testing.ts';
import type { App } from '../../server/types.ts';
import { fixedClock } from '../../shared/clock.ts';
import { newId } from '../../shared/ids.ts';
import { todayQueue } from './today.usecases.ts';

/** Sunday 28 February 2027 (a common year) in Europe/Berlin: the week runs from Monday 22 February. */
const NOW = new Date('2027-02-28T10:00:00Z');
const LONG_AGO = '2026-01-01T12:00:00.000Z';
const DAY = 86_400_000;

type Metric = { tier: 'gold' | 'silver' | 'other'; state: 'active' | 'due' | 'at_risk' | 'lapsed'; clv: number | null; tierValue: number; last: string; gap?: number };
interface Person {
  name: string;
  metric?: Metric;
  lost?: boolean;
  deleted?: boolean;
  birthday?: string;
  since?: string;
  firstPurchaseAt?: string;
  createdAt?: string;
  askedWhyAt?: string;
  exitEmailAt?: string;
}

const PEOPLE: Record<string, Person> = {
  g1: { name: 'Gina Gold', metric: { tier: 'gold', state: 'due', clv: 300_000, tierValue: 200_000, last: '2027-01-20T10:00:00Z', gap: 34 } },
  g2: { name: 'Sam Silver', metric: { tier: 'silver', state: 'at_risk', clv: null, tierValue: 150_000, last: '2027-01-01T10:00:00Z', gap: 20 } },
  g3: { name: 'Lara Lost', metric: { tier: 'gold', state: 'at_risk', clv: 900_000, tierValue: 1, last: '2027-01-01T10:00:00Z' }, lost: true },
  g4: { name: 'Dan Deleted', metric: { tier: 'gold', state: 'due', clv: 900_000, tierValue: 1, last: '2027-01-01T10:00:00Z' }, deleted: true },
  g5: { name: 'Otto Other', metric: { tier: 'other', state: 'due', clv: 900_000, tierValue: 1, last: '2027-01-01T10:00:00Z' } },
  g6: { name: 'Alma Active', metric: { tier: 'gold', state: 'active', clv: 900_000, tierValue: 1, last: '2027-02-20T10:00:00Z' } },
  l1: { name: 'Leo Lapsed', metric: { tier: 'gold', state: 'lapsed', clv: 200_000, tierValue: 1, last: '2026-09-01T10:00:00Z' } },
  l2: { name: 'Olga Lapsed', metric: { tier: 'other', state: 'lapsed', clv: 500_000, tierValue: 1, last: '2026-08-01T10:00:00Z' } },
  l3: { name: 'Asked Recently', metric: { tier: 'silver', state: 'lapsed', clv: 80_000, tierValue: 1, last: '2026-08-01T10:00:00Z' }, askedWhyAt: new Date(NOW.getTime() - 30 * DAY).toISOString() },
  l4: { name: 'Asked Long Ago', metric: { tier: 'silver', state: 'lapsed', clv: 50_000, tierValue: 1, last: '2026-07-01T10:00:00Z' }, exitEmailAt: new Date(NOW.getTime() - 100 * DAY).toISOString() },
  l5: { name: 'Mailed Recently', metric: { tier: 'gold', state: 'lapsed', clv: 400_000, tierValue: 1, last: '2026-07-01T10:00:00Z' }, exitEmailAt: new Date(NOW.getTime() - 10 * DAY).toISOString() },
  l6: { name: 'Lost Lapsed', metric: { tier: 'other', state: 'lapsed', clv: 10, tierValue: 1, last: '2026-07-01T10:00:00Z' }, lost: true },
  b1: { name: 'Bea Birthday', birthday: '1990-02-28' },
  b2: { name: 'Leap Birthday', birthday: '2000-02-29' },
  b3: { name: 'March Birthday', birthday: '1985-03-01' },
  b4: { name: 'Gone Birthday', birthday: '1990-02-28', deleted: true },
  a1: { name: 'Leap Since', since: '2024-02-29' },
  a2: { name: 'One Year', since: '2026-02-28' },
  a3: { name: 'Zone First', firstPurchaseAt: '2025-02-27T23:30:00.000Z' },
  a4: { name: 'Zone Not', firstPurchaseAt: '2025-02-28T23:30:00.000Z' },
  a5: { name: 'Since Today', since: '2027-02-28' },
  a6: { name: 'Since Wins', since: '2020-02-28', firstPurchaseAt: '2021-03-01T12:00:00.000Z' },
  n1: { name: 'New Two Days', createdAt: '2027-02-26T09:00:00.000Z' },
  n2: { name: 'New Monday', createdAt: '2027-02-21T23:30:00.000Z' },
  n3: { name: 'Old Sunday', createdAt: '2027-02-21T22:30:00.000Z' },
  n5: { name: 'New Deleted', createdAt: '2027-02-27T09:00:00.000Z', deleted: true },
  w1: { name: 'Wanda Week' },
  w2: { name: 'Will Week' },
  w3: { name: 'Usd Buyer' },
};

describeEachDatabase('the Today queue', (db) => {
  const clock = fixedClock(NOW);
  let app: App;
  let owner: Browser;
  let member: Browser;
  const ids: Record<string, string> = {};
  const name = (id: string) => Object.entries(ids).find(([, v]) => v === id)![0];
  const queue = (who: Browser, scope: 'mine' | 'everyone' = 'everyone', limit = 50, at = clock) =>
    todayQueue({ db: db().db, clock: at }, { workspaceId: who.workspaceId, userId: who.userId, role: 'owner', via: 'session', scope: 'read_write' }, { scope, limit });
  const keysOf = (q: TodayQueue, section: keyof TodayQueue['sections']) => q.sections[section].items.map((i) => name(i.customerId));

  const followUp = async (key: string, customer: string, dueOn: string, assignee: string | null, status: 'open' | 'done' = 'open') => {
    ids[key] = newId();
    await db().db.insertInto('follow_ups').values({
      workspace_id: owner.workspaceId, id: ids[key]!, customer_id: ids[customer]!, due_on: dueOn, kind: 'call', assignee_id: assignee, note: null, status, skip_reason: null,
      rule: null, occasion_key: null, activity_id: null, done_at: null, done_by: null, done_activity_id: null, snoozed: 0, created_by: null, created_at: LONG_AGO, updated_at: LONG_AGO,
    }).execute();
  };
  const sale = async (customer: string, at: string, amount: number, kind: 'sale' | 'refund' = 'sale', currency = 'EUR') => {
    await db().db.insertInto('transactions').values({
      workspace_id: owner.workspaceId, id: newId(), customer_id: ids[customer]!, kind, occurred_at: at, amount_minor: amount, currency, cost_minor: null, channel: null, campaign: null,
      external_id: null, note: null, source: 'manual', import_id: null, content_hash: null, lines: null, line_count: 0, shipping_minor: null, fee_minor: null, campaign_id: null,
      created_by: null, created_at: at, updated_at: at,
    }).execute();
  };

  beforeAll(async () => {
    app = await createTestApp(db(), { clock });
    owner = browserFrom(await app.inject({ method: 'POST', url: '/api/v1/setup', payload: setupBody() }));
    member = await addUser(app, owner, 'member');
    await db().db.updateTable('users').set({ locale: 'ru' }).where('id', '=', member.userId).execute();
    const ws = owner.workspaceId;
    for (const [key, p] of Object.entries(PEOPLE)) {
      const response = await app.inject({ method: 'POST', url: '/api/v1/customers', headers: as(owner), payload: { kind: 'person', firstName: p.name.split(' ')[0], lastName: p.name.split(' ')[1], contacts: [{ kind: 'email', value: `${key}@example.com` }] } });
      if (response.statusCode !== 201) throw new Error(`fixture ${key}: ${response.body}`);
      ids[key] = response.json().id;
      await db().db.updateTable('customers').set({
        created_at: p.createdAt ?? LONG_AGO, birthday: p.birthday ?? null, customer_since: p.since ?? null, first_purchase_at: p.firstPurchaseAt ?? null,
        lost_at: p.lost ? LONG_AGO : null, deleted_at: p.deleted ? LONG_AGO : null,
      }).where('workspace_id', '=', ws).where('id', '=', ids[key]!).execute();
      if (p.metric) {
        await db().db.insertInto('customer_metrics').values({
          workspace_id: ws, customer_id: ids[key]!, computed_at: NOW.toISOString(), revenue_30: 0, revenue_90: 0, revenue_365: p.metric.tierValue, revenue_lifetime: p.metric.tierValue,
          revenue_prior_365: 0, purchases: 4, tier: p.metric.tier, tier_value: p.metric.tierValue, clv: p.metric.clv, lapse_state: p.metric.state, lapse_gap_days: p.metric.gap ?? 30,
          lapse_gap_source: 'own', last_purchase_at: p.metric.last, days_since_last: 40,
        } as never).execute();
      }
      if (p.askedWhyAt) await db().db.insertInto('winback_actions').values({ workspace_id: ws, id: newId(), customer_id: ids[key]!, action: 'ask_why', detail: null, taken_by: null, at: p.askedWhyAt }).execute();
      if (p.exitEmailAt) {
        await db().db.insertInto('email_messages').values({
          workspace_id: ws, id: newId(), customer_id: ids[key]!, to_address: `${key}@example.com`, locale: 'en', purpose: 'exit_question', subject: 's', body: 'b', kind: 'single', marketing: 0,
          status: 'sent', attempts: 1, next_attempt_at: p.exitEmailAt, claimed_at: null, last_error: null, message_id: null, sent_at: p.exitEmailAt, activity_id: null,
          unsubscribe_token: newId(), created_by: null, created_at: p.exitEmailAt, updated_at: p.exitEmailAt,
        } as never).execute();
      }
    }
    await followUp('f1', 'w1', '2027-02-27', owner.userId);
    await followUp('f2', 'w2', '2027-02-28', owner.userId);
    await followUp('f3', 'b1', '2027-02-20', null);
    await followUp('f4', 'b2', '2027-02-10', member.userId);
    await followUp('f5', 'b3', '2027-03-05', owner.userId);
    await followUp('f6', 'a1', '2027-02-01', owner.userId, 'done');
    await followUp('f7', 'a2', '2027-02-28', null);
    await followUp('f8', 'b4', '2027-02-01', owner.userId); // a deleted customer's
    await db().db.updateTable('follow_ups').set({ note: 'Ask about the spring order' }).where('id', '=', ids.f2!).execute();
    await db().db.updateTable('follow_ups').set({ rule: 'first_purchase', occasion_key: `first:${ids.a2}`, occasion_on: '2027-02-14' } as never).where('id', '=', ids.f7!).execute();
    for (const [key, rule, on, status] of [['w1', 'first_purchase', '2027-02-25', 'owed'], ['g1', 'entered_gold', '2027-02-27', 'owed'], ['w2', 'big_purchase', '2027-02-26', 'done']] as const) {
      await db().db.insertInto('owed_thanks').values({
        workspace_id: ws, id: newId(), customer_id: ids[key]!, rule, occasion_key: `${rule}:${key}`, occurred_on: on, detail: '{}', status, dismiss_reason: null, thank_you_id: null,
        resolved_at: null, resolved_by: null, created_at: LONG_AGO,
      }).execute();
    }
    await sale('w1', '2027-02-10T12:00:00.000Z', 1_000);
    await sale('w1', '2027-02-21T22:30:00.000Z', 5_000); // Sunday 23:30 in Berlin: last week
    await sale('w1', '2027-02-21T23:30:00.000Z', 7_000); // Monday 00:30 in Berlin: this week
    await sale('w1', '2027-02-25T12:00:00.000Z', 2_000, 'refund');
    await sale('w2', '2027-02-24T12:00:00.000Z', 3_000);
    await sale('w3', '2027-02-24T12:00:00.000Z', 9_999, 'sale', 'USD');
  });
  afterAll(async () => {
    await app?.close();
  });

  it('lists follow-ups due today or earlier: the reader’s own first, then the team’s, then others’, each by due day', async () => {
    const q = await queue(owner);
    expect(q.sections.followUpsDue.items.map((i) => name(i.key))).toEqual(['f1', 'f2', 'f3', 'f7', 'f4']);
    expect(q.sections.followUpsDue.count).toBe(5);
    expect(q.sections.followUpsDue.items[0]).toMatchObject({ customerId: ids.w1, customerName: 'Wanda Week', email: 'w1@example.com', reason: 'Call overdue since 27 Feb', day: '2027-02-27' });
    expect(q.sections.followUpsDue.items[0]!.followUp).toMatchObject({ id: ids.f1, overdue: true, assignee: { id: owner.userId }, dueOn: '2027-02-27' });
    // A note, or the rule that raised it, says why; a bare one made by hand only when.
    expect(q.sections.followUpsDue.items.map((i) => i.reason).slice(1, 4)).toEqual(['Call due today: Ask about the spring order', 'Call overdue since 20 Feb', 'Call due today: First purchase on 14 Feb: see how it went.']);
    const theirs = await queue(member);
    expect(theirs.sections.followUpsDue.items.map((i) => name(i.key))).toEqual(['f4', 'f3', 'f7', 'f1', 'f2']);
    expect(theirs.sections.followUpsDue.items[0]!.reason).toBe('Звонок: просрочено с 10 февр.');
  });

  it('keeps to the reader’s own follow-ups in scope "mine", and counts beyond the limit', async () => {
    expect((await queue(owner, 'mine')).sections.followUpsDue.items.map((i) => name(i.key))).toEqual(['f1', 'f2']);
    expect((await queue(member, 'mine')).sections.followUpsDue.items.map((i) => name(i.key))).toEqual(['f4']);
    const one = await queue(owner, 'everyone', 1);
    expect(one.sections.followUpsDue).toMatchObject({ count: 5, items: [{ key: ids.f1 }] });
    expect(one.sections.lapsedToAsk.count).toBe(3);
  });

  it('lists the thanks owed, newest first, from the table as the rules left it', async () => {
    const items = (await queue(owner)).sections.thanksOwed.items;
    expect(items.map((i) => [name(i.customerId), i.rule])).toEqual([['g1', 'entered_gold'], ['w1', 'first_purchase']]);
    expect(items[0]).toMatchObject({ reason: 'Thank them: became a gold customer, 27 Feb.', day: '2027-02-27' });
    expect(items[0]!.owedId).toBeTruthy();
  });

  it('lists gold and silver customers drifting from their rhythm, most value first, not lost or deleted', async () => {
    const q = await queue(owner);
    const expected = Object.entries(PEOPLE)
      .filter(([, p]) => p.metric && ['gold', 'silver'].includes(p.metric.tier) && ['due', 'at_risk'].includes(p.metric.state) && !p.lost && !p.deleted)
      .map(([key, p]) => ({ key, value: p.metric!.clv ?? p.metric!.tierValue })).toSorted((a, b) => b.value - a.value);
    expect(q.sections.goldDrifting.items.map((i) => ({ key: name(i.customerId), value: i.valueAtStakeMinor }))).toEqual(expected);
    expect(q.sections.goldDrifting.items[0]).toMatchObject({ key: `${ids.g1}:2027-01-20`, tier: 'gold', day: '2027-01-20', reason: 'Usually buys every 34 days; last bought 39 days ago.' });
  });

  it('lists lapsed customers not asked lately, gold and silver first by value', async () => {
    expect(keysOf(await queue(owner), 'lapsedToAsk')).toEqual(['l1', 'l4', 'l2']);
  });

  it('lists today’s birthdays (29 February on the 28th in a common year) and anniversaries of whole years', async () => {
    const items = (await queue(owner)).sections.keyDates.items;
    const sortName = async (key: string) => (await db().db.selectFrom('customers').select('sort_name').where('id', '=', ids[key]!).executeTakeFirstOrThrow()).sort_name;
    const bySort = async (keys: string[]) => {
      const named = await Promise.all(keys.map(async (k) => ({ k, s: await sortName(k) })));
      return named.toSorted((a, b) => (a.s < b.s ? -1 : a.s > b.s ? 1 : 0)).map((x) => x.k);
    };
    expect(items.map((i) => name(i.customerId))).toEqual([...(await bySort(['b1', 'b2'])), ...(await bySort(['a1', 'a2', 'a3', 'a6']))]);
    const years = Object.fromEntries(items.filter((i) => i.keyDate!.kind === 'anniversary').map((i) => [name(i.customerId), i.keyDate!.years]));
    expect(years).toEqual({ a1: 3, a2: 1, a3: 2, a6: 7 });
    expect(items.find((i) => i.customerId === ids.b2)).toMatchObject({ key: `birthday:${ids.b2}:2027-02-28`, reason: 'Birthday today.', keyDate: { kind: 'birthday', date: '2000-02-29' } });
    expect(items.find((i) => i.customerId === ids.a3)!.keyDate!.date).toBe('2025-02-28');
    const leap28 = await queue(owner, 'everyone', 50, fixedClock(new Date('2028-02-28T10:00:00Z')));
    expect(leap28.sections.keyDates.items.filter((i) => i.keyDate!.kind === 'birthday').map((i) => name(i.customerId))).toEqual(['b1']);
    const leap29 = await queue(owner, 'everyone', 50, fixedClock(new Date('2028-02-29T10:00:00Z')));
    expect(leap29.sections.keyDates.items.map((i) => [name(i.customerId), i.keyDate!.years])).toEqual([['b2', null], ['a1', 4]]);
  });

  it('lists customers added in the last 7 days, today included, not deleted', async () => {
    const items = (await queue(owner)).sections.newCustomers.items;
    expect(items.map((i) => [name(i.customerId), i.day])).toEqual([['a5', '2027-02-28'], ['n1', '2027-02-26'], ['n2', '2027-02-22']]);
    expect(items[1]!.reason).toBe('Added 2 days ago: welcome them.');
  });

  it('takes an item marked done out at once, until its occasion changes', async () => {
    const before = (await queue(owner)).sections.goldDrifting;
    const item = before.items[0] as TodayItem;
    const response = await app.inject({ method: 'POST', url: '/api/v1/today/done', headers: as(owner), payload: { section: 'goldDrifting', key: item.key, customerId: item.customerId } });
    expect(response.json()).toEqual({ ok: true });
    expect((await app.inject({ method: 'POST', url: '/api/v1/today/done', headers: as(owner), payload: { section: 'goldDrifting', key: item.key, customerId: item.customerId } })).statusCode).toBe(200);
    const after = (await queue(owner)).sections.goldDrifting;
    expect(after.items.map((i) => i.customerId)).toEqual(before.items.slice(1).map((i) => i.customerId));
    expect(after.count).toBe(before.count - 1);
    await db().db.updateTable('customer_metrics').set({ last_purchase_at: '2027-01-22T10:00:00.000Z' }).where('customer_id', '=', item.customerId).execute();
    expect((await queue(owner)).sections.goldDrifting.items[0]!.key).toBe(`${item.customerId}:2027-01-22`);
    for (const i of (await queue(owner)).sections.keyDates.items.filter((x) => x.customerId === ids.b1)) {
      await app.inject({ method: 'POST', url: '/api/v1/today/done', headers: as(owner), payload: { section: 'keyDates', key: i.key, customerId: i.customerId } });
    }
    expect((await queue(owner)).sections.keyDates.items.map((i) => i.customerId)).not.toContain(ids.b1);
  });

  it('compares this week (Monday to today, in the workspace zone) with the same days of last week', async () => {
    const { week } = await queue(owner);
    expect(week.from).toBe('2027-02-22');
    expect(week.thisWeek).toEqual({ revenueMinor: 7_000 - 2_000 + 3_000, newCustomers: 2, returningCustomers: 1 }); // n1, and n2 added at 00:30 on Monday in Berlin
    expect(week.lastWeek).toEqual({ revenueMinor: 5_000, newCustomers: 1, returningCustomers: 1 });
  });

  it('answers GET /today through the contract, and refuses marking done without write access', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/v1/today?scope=mine&limit=2', headers: as(owner) });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ today: '2027-02-28', timeZone: 'Europe/Berlin', currency: 'EUR', scope: 'mine', sections: { followUpsDue: { count: 2 } } });
    // The page asks for the sentences in the language it shows, whatever the reader's saved one.
    const inRussian = (await app.inject({ method: 'GET', url: '/api/v1/today?scope=mine&lang=ru', headers: as(owner) })).json();
    expect(inRussian.sections.followUpsDue.items[0].reason).toBe('Звонок: просрочено с 27 февр.');
    const viewer = await addUser(app, owner, 'viewer');
    expect((await app.inject({ method: 'GET', url: '/api/v1/today', headers: as(viewer) })).statusCode).toBe(200);
    expect((await app.inject({ method: 'POST', url: '/api/v1/today/done', headers: as(viewer), payload: { section: 'newCustomers', key: ids.n1, customerId: ids.n1 } })).statusCode).toBe(403);
    expect((await app.inject({ method: 'POST', url: '/api/v1/today/done', headers: as(owner), payload: { section: 'followUpsDue', key: 'x', customerId: ids.n1 } })).statusCode).toBe(400);
  });
});
