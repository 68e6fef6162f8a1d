import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_FOLLOW_UP_RULES, type FollowUp, type FollowUpRules } from '../../contracts/followups.ts';
import { toDbTime } from '../../db/dialect.ts';
import type { FollowUpsTable } from '../../db/schema.ts';
import { describeEachDatabase } from '../../db/testing.ts';
import { addUser, as, browserFrom, createTestApp, newWorkspace, setupBody, type Browser } from '../../server/testing.ts';
import type { App } from '../../server/types.ts';
import { addDays } from '../../shared/days.ts';
import { fixedClock } from '../../shared/clock.ts';
import { evaluateFollowUps } from './follow-up-rules.ts';
import { toFollowUp } from './follow-up-view.ts';

// 10:00 UTC is 11:00 in Berlin: today is 20 March there; the rules look back 30 days, to 18 February.
const NOW = new Date('2026-03-20T10:00:00Z');
const TODAY = '2026-03-20';
const FIRST = addDays(TODAY, -DEFAULT_FOLLOW_UP_RULES.lookbackDays);

/** A follow-up row as the view reads it. */
const viewRow = (over: Partial<FollowUpsTable>): FollowUpsTable & { customer_name: string } => ({
  workspace_id: 'w', id: 'f', customer_id: 'c', due_on: '2026-03-10', kind: 'call', assignee_id: null, note: null, status: 'open', skip_reason: null, rule: null,
  occasion_key: null, occasion_on: null, activity_id: null, done_at: null, done_by: null, done_activity_id: null, snoozed: 0, created_by: null,
  created_at: '2026-03-01T10:00:00.000Z', updated_at: '2026-03-01T10:00:00.000Z', customer_name: 'Ann', ...over,
});

const rulesOn = (over: Partial<FollowUpRules> = {}): FollowUpRules => ({ ...DEFAULT_FOLLOW_UP_RULES, ...over });

describe('the follow-up view', () => {
  it('says why, in English and Russian, and is overdue only when open and due before today', () => {
    expect(toFollowUp(viewRow({}), TODAY, 'en')).toMatchObject({ overdue: true, reason: 'Follow up by call.', assignee: null, rule: null });
    expect(toFollowUp(viewRow({ status: 'done' }), TODAY, 'en').overdue).toBe(false);
    expect(toFollowUp(viewRow({ due_on: TODAY }), TODAY, 'en').overdue).toBe(false);
    expect(toFollowUp(viewRow({ note: 'Ask about the roses' }), TODAY, 'ru').reason).toBe('Ask about the roses');
    expect(toFollowUp(viewRow({ rule: 'first_purchase', occasion_on: '2026-03-06' }), TODAY, 'en').reason).toBe('First purchase on 6 Mar: see how it went.');
    expect(toFollowUp(viewRow({ rule: 'complaint_resolved', occasion_on: '2025-12-30' }), TODAY, 'en').reason).toBe('Complaint resolved on 30 Dec 2025: check they are happy.');
    expect(toFollowUp(viewRow({ rule: 'expected_purchase', occasion_on: '2026-03-31' }), TODAY, 'en').reason).toBe('Their own rhythm says they buy again about 31 Mar.');
    expect(toFollowUp({ ...viewRow({ rule: 'date_attribute', occasion_key: 'a:c:2026-03-25' }), attribute_label: 'Wedding' }, TODAY, 'en').reason).toBe('Wedding on 25 Mar.');
    expect(toFollowUp(viewRow({ rule: 'first_purchase', occasion_on: '2026-03-06' }), TODAY, 'ru').reason).toBe('Первая покупка 6 марта: узнайте, как всё прошло.');
    expect(toFollowUp(viewRow({ kind: 'email' }), TODAY, 'ru').reason).toBe('Связаться: написать письмо.');
  });
});

describeEachDatabase('follow-ups', (db) => {
  const clock = fixedClock(NOW);
  let app: App;
  let owner: Browser;
  const ids: Record<string, string> = {};
  const call = (who: Browser, method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, payload?: unknown) =>
    app.inject({ method, url: `/api/v1${url}`, headers: as(who), ...(payload !== undefined && { payload: payload as object }) });
  const api = (method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, payload?: unknown) => call(owner, method, url, payload);
  const customer = async (name: string) => {
    const response = await api('POST', '/customers', { kind: 'person', name });
    if (response.statusCode !== 201) throw new Error(response.body);
    return (ids[name] = response.json().id as string);
  };
  const ofCustomer = async (name: string) => (await api('GET', `/customers/${ids[name]}/follow-ups`)).json().items as FollowUp[];
  const auto = async (rule: string) => (await db().db.selectFrom('follow_ups').selectAll().where('workspace_id', '=', owner.workspaceId).where('rule', '=', rule).orderBy('due_on').execute());
  const setDates = (name: string, first: string | null, last: string | null, extra: Record<string, unknown> = {}) =>
    db().db.updateTable('customers').set({ first_purchase_at: first && toDbTime(new Date(first)), last_purchase_at: last && toDbTime(new Date(last)), ...extra }).where('id', '=', ids[name]!).execute();
  const setRhythm = async (name: string, purchases: number, gap: number | null) => {
    await db().db.deleteFrom('customer_metrics').where('customer_id', '=', ids[name]!).execute();
    await db().db.insertInto('customer_metrics').values({
      workspace_id: owner.workspaceId, customer_id: ids[name]!, computed_at: toDbTime(NOW), revenue_30: 0, revenue_90: 0, revenue_365: 0, revenue_lifetime: 0, revenue_prior_365: 0,
      purchases, average_gap_days: gap,
    } as never).execute();
  };

  beforeAll(async () => {
    app = await createTestApp(db(), { clock });
    owner = browserFrom(await app.inject({ method: 'POST', url: '/api/v1/setup', payload: setupBody() }));
    // No rule raises anything while the hand-made ones are tested.
    const off: FollowUpRules = { ...DEFAULT_FOLLOW_UP_RULES, rules: { first_purchase: { enabled: false, afterDays: 14 }, expected_purchase: { enabled: false, daysBefore: 3 }, complaint_resolved: { enabled: false, afterDays: 7 } } };
    const saved = await api('PUT', '/follow-ups/rules', off);
    if (saved.statusCode !== 200) throw new Error(`could not switch the rules off: ${saved.body}`);
    for (const name of ['Ann', 'Ben', 'Cat', 'Gone']) await customer(name);
  });
  afterAll(async () => {
    await app?.close();
  });

  it('creates one on a customer, for the one creating it by default; a past day is overdue', async () => {
    const response = await api('POST', `/customers/${ids.Ann}/follow-ups`, { dueOn: '2026-03-10', note: 'Ask about the wedding order' });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ customerName: 'Ann', dueOn: '2026-03-10', overdue: true, kind: 'call', status: 'open', rule: null, assignee: { id: owner.userId, name: 'Ann Owner' }, reason: 'Ask about the wedding order', snoozed: 0 });
    const team = (await api('POST', `/customers/${ids.Ann}/follow-ups`, { dueOn: '2026-03-25', kind: 'visit', assigneeId: null })).json();
    expect(team).toMatchObject({ assignee: null, overdue: false, reason: 'Follow up by visit.' });
  });

  it('accepts only a user of the workspace as assignee, naming the field', async () => {
    const other = await newWorkspace(app, db());
    const response = await api('POST', `/customers/${ids.Ann}/follow-ups`, { dueOn: '2026-03-25', assigneeId: other.userId });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details.fields[0].path).toBe('assigneeId');
    const member = await addUser(app, owner, 'member');
    expect((await api('POST', `/customers/${ids.Ben}/follow-ups`, { dueOn: '2026-03-22', assigneeId: member.userId })).json().assignee.id).toBe(member.userId);
  });

  it('creates the same one for many customers in one go, skipping deleted and unknown ones', async () => {
    await db().db.updateTable('customers').set({ deleted_at: toDbTime(NOW) }).where('id', '=', ids.Gone!).execute();
    const response = await api('POST', '/follow-ups/bulk', { customerIds: [ids.Ben, ids.Cat, ids.Gone, '01900000-0000-7000-8000-000000000000'], dueOn: '2026-03-20', kind: 'email' });
    expect(response.json()).toEqual({ created: 2, skipped: 2 });
    expect((await ofCustomer('Cat')).map((f) => [f.kind, f.dueOn, f.assignee?.id])).toEqual([['email', '2026-03-20', owner.userId]]);
  });

  it('is done with a note written to the timeline, and cannot be done or skipped twice', async () => {
    const [first] = await ofCustomer('Cat');
    const response = await api('POST', `/follow-ups/${first!.id}/done`, { note: 'Called: all fine, wants tulips in May' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ status: 'done', doneAt: NOW.toISOString(), doneBy: { id: owner.userId, name: 'Ann Owner' }, overdue: false });
    const timeline = (await api('GET', `/customers/${ids.Cat}/activities`)).json().items as { id: string; kind: string; body: string }[];
    const note = timeline.find((a) => a.body === 'Called: all fine, wants tulips in May');
    expect(note?.kind).toBe('note');
    const row = await db().db.selectFrom('follow_ups').select('done_activity_id').where('id', '=', first!.id).executeTakeFirst();
    expect(row?.done_activity_id).toBe(note!.id);
    expect((await api('POST', `/follow-ups/${first!.id}/done`, {})).statusCode).toBe(409);
    expect((await api('POST', `/follow-ups/${first!.id}/skip`, { reason: 'x' })).statusCode).toBe(409);
    expect((await api('POST', `/follow-ups/${first!.id}/snooze`, { days: 1 })).statusCode).toBe(409);
  });

  it('is skipped with a reason, and snoozed a day or a week from today or from a later due day', async () => {
    const ben = await ofCustomer('Ben');
    const email = ben.find((f) => f.kind === 'email')!;
    expect((await api('POST', `/follow-ups/${email.id}/skip`, { reason: 'Moved away' })).json()).toMatchObject({ status: 'skipped', skipReason: 'Moved away' });
    const [overdue, later] = (await ofCustomer('Ann')).filter((f) => f.status === 'open');
    expect(overdue!.dueOn).toBe('2026-03-10');
    expect((await api('POST', `/follow-ups/${overdue!.id}/snooze`, { days: 1 })).json()).toMatchObject({ dueOn: addDays(TODAY, 1), snoozed: 1, overdue: false });
    expect((await api('POST', `/follow-ups/${overdue!.id}/snooze`, { days: 7 })).json()).toMatchObject({ dueOn: addDays(TODAY, 8), snoozed: 2 });
    expect((await api('POST', `/follow-ups/${later!.id}/snooze`, { days: 7 })).json()).toMatchObject({ dueOn: addDays('2026-03-25', 7), snoozed: 1 });
    expect((await api('POST', `/follow-ups/${later!.id}/snooze`, { days: 3 })).statusCode).toBe(400);
  });

  it('lists a customer’s open ones by due day, then closed ones; the workspace’s by query; the profile shows the next', async () => {
    const ann = await ofCustomer('Ann');
    expect(ann.map((f) => f.dueOn)).toEqual(['2026-03-28', '2026-04-01']);
    const mine = (await api('GET', '/follow-ups?assignee=me&status=open')).json().items as FollowUp[];
    expect(mine.every((f) => f.assignee?.id === owner.userId && f.status === 'open')).toBe(true);
    expect(mine.map((f) => f.customerName)).toContain('Ann');
    const soon = (await api('GET', '/follow-ups?status=open&dueBefore=2026-03-28')).json().items as FollowUp[];
    expect(soon.map((f) => `${f.customerName} ${f.dueOn}`)).toEqual(['Ben 2026-03-22', 'Ann 2026-03-28']);
    expect((await api('GET', '/follow-ups?status=skipped')).json().items.map((f: FollowUp) => f.skipReason)).toEqual(['Moved away']);
    const profile = (await api('GET', `/customers/${ids.Ann}`)).json();
    expect(profile.upcomingFollowUp).toMatchObject({ dueOn: '2026-03-28', customerName: 'Ann' });
    expect((await api('GET', `/customers/${ids.Cat}`)).json().upcomingFollowUp).toBeNull();
    // The list's "next follow-up" day is the earliest open one, and none once all are closed.
    expect(profile.nextFollowUp).toBe('2026-03-28');
    expect((await api('GET', `/customers/${ids.Cat}`)).json().nextFollowUp).toBeNull();
    const listed = (await api('GET', '/customers?sort=nextFollowUp&limit=10')).json();
    expect(JSON.stringify(listed)).toContain('2026-03-28');
  });

  it('changes, deletes, and answers 404 for another workspace’s follow-ups', async () => {
    const [f] = await ofCustomer('Ann');
    expect((await api('PATCH', `/follow-ups/${f!.id}`, { kind: 'email', note: 'Send the catalogue', assigneeId: null })).json()).toMatchObject({ kind: 'email', note: 'Send the catalogue', assignee: null });
    const other = await newWorkspace(app, db());
    expect((await call(other, 'PATCH', `/follow-ups/${f!.id}`, { kind: 'call' })).statusCode).toBe(404);
    expect((await call(other, 'POST', `/follow-ups/${f!.id}/done`, {})).statusCode).toBe(404);
    expect((await call(other, 'POST', `/follow-ups/${f!.id}/skip`, { reason: 'x' })).statusCode).toBe(404);
    expect((await call(other, 'POST', `/follow-ups/${f!.id}/snooze`, { days: 1 })).statusCode).toBe(404);
    expect((await call(other, 'DELETE', `/follow-ups/${f!.id}`)).statusCode).toBe(404);
    expect((await call(other, 'GET', `/customers/${ids.Ann}/follow-ups`)).statusCode).toBe(404);
    expect((await call(other, 'POST', `/customers/${ids.Ann}/follow-ups`, { dueOn: TODAY })).statusCode).toBe(404);
    expect((await call(other, 'GET', '/follow-ups')).json().items).toEqual([]);
    expect((await call(other, 'POST', '/follow-ups/bulk', { customerIds: [ids.Ann], dueOn: TODAY })).json()).toEqual({ created: 0, skipped: 1 });
    expect((await api('DELETE', `/follow-ups/${f!.id}`)).statusCode).toBe(200);
    expect((await api('DELETE', `/follow-ups/${f!.id}`)).statusCode).toBe(404);
  });

  const evaluate = (at = NOW) => evaluateFollowUps({ db: db().db, clock: fixedClock(at) }, owner.workspaceId);

  describe('the rules', () => {

    beforeAll(async () => {
      // first purchases: in the window, at its edge (23:30 UTC on 17 Feb is 18 Feb in Berlin), and before it
      await customer('Fay First');
      await setDates('Fay First', '2026-03-10T10:00:00Z', '2026-03-10T10:00:00Z');
      await customer('Edge Late');
      await setDates('Edge Late', '2026-02-17T23:30:00Z', '2026-02-17T23:30:00Z');
      await customer('Old First');
      await setDates('Old First', '2026-01-01T10:00:00Z', '2026-01-01T10:00:00Z');
      // rhythms: an own one; a lost customer; one long past; a single purchase
      await customer('Rita Rhythm');
      await setDates('Rita Rhythm', '2025-06-01T10:00:00Z', '2026-03-01T10:00:00Z');
      await setRhythm('Rita Rhythm', 6, 30.4);
      await customer('Lou Lost');
      await setDates('Lou Lost', '2025-06-01T10:00:00Z', '2026-03-05T10:00:00Z', { lost_at: toDbTime(NOW) });
      await setRhythm('Lou Lost', 4, 20);
      await customer('Ancient Rhythm');
      await setDates('Ancient Rhythm', '2024-06-01T10:00:00Z', '2025-10-01T10:00:00Z');
      await setRhythm('Ancient Rhythm', 5, 20);
      await customer('Pat Once');
      await setDates('Pat Once', '2025-06-01T10:00:00Z', '2025-06-01T10:00:00Z');
      await setRhythm('Pat Once', 1, 300);
      await customer('Cora Complaint');
    });

    it('raises first-purchase and expected-purchase follow-ups on the due days worked out by hand, once each', async () => {
      expect((await api('PUT', '/follow-ups/rules', rulesOn())).statusCode).toBe(200);
      const first = await auto('first_purchase');
      expect(first.map((f) => [f.customer_id, f.due_on, f.occasion_key, f.occasion_on])).toEqual([
        [ids['Edge Late'], addDays('2026-02-18', 14), ids['Edge Late'], '2026-02-18'],
        [ids['Fay First'], addDays('2026-03-10', 14), ids['Fay First'], '2026-03-10'],
      ]);
      expect(first.every((f) => f.assignee_id === null && f.created_by === null && f.status === 'open')).toBe(true);
      expect(FIRST).toBe('2026-02-18');
      const expected = await auto('expected_purchase');
      // Rita: last bought 1 March, every 30 days (30.4 rounded): expected 31 March, due 3 days before.
      expect(expected.map((f) => [f.customer_id, f.due_on, f.occasion_key])).toEqual([[ids['Rita Rhythm'], '2026-03-28', `${ids['Rita Rhythm']}:2026-03-01`]]);
      expect((await ofCustomer('Rita Rhythm'))[0]!.reason).toBe('Their own rhythm says they buy again about 31 Mar.');
      expect(await evaluate()).toBe(0);
    });

    it('skips an open expected-purchase follow-up when they bought again, and expects the next', async () => {
      await setDates('Rita Rhythm', '2025-06-01T10:00:00Z', '2026-03-19T10:00:00Z');
      expect(await evaluate()).toBe(1);
      const expected = await auto('expected_purchase');
      expect(expected.map((f) => [f.due_on, f.status, f.skip_reason])).toEqual([['2026-03-28', 'skipped', 'They bought again'], [addDays('2026-04-18', -3), 'open', null]]);
    });

    it('raises the complaint follow-up when a complaint is resolved', async () => {
      const complaint = (await api('POST', `/customers/${ids['Cora Complaint']}/activities`, { kind: 'complaint', body: 'Wilted roses' })).json();
      expect(await auto('complaint_resolved')).toEqual([]);
      expect((await api('PUT', `/activities/${complaint.id}/complaint`, { status: 'resolved', resolution: 'Replaced the bouquet' })).statusCode).toBe(200);
      const [f] = await ofCustomer('Cora Complaint');
      expect(f).toMatchObject({ rule: 'complaint_resolved', dueOn: addDays(TODAY, 7), activityId: complaint.id, assignee: null, reason: 'Complaint resolved on 20 Mar: check they are happy.' });
      expect(await evaluate()).toBe(0);
      // An old resolution (before the window) raises nothing.
      const old = (await api('POST', `/customers/${ids['Cora Complaint']}/activities`, { kind: 'complaint', body: 'Late delivery' })).json();
      await db().db.updateTable('activities').set({ status: 'resolved', resolution: 'Refund', resolved_at: toDbTime(new Date('2026-02-01T10:00:00Z')) }).where('id', '=', old.id).execute();
      expect(await evaluate()).toBe(0);
    });

    it('raises yearly date-attribute follow-ups (29 February on the 28th) and checks the attributes are dates', async () => {
      const wedding = (await api('POST', '/attributes', { key: 'wedding', label: 'Wedding anniversary', type: 'date' })).json();
      const shoe = (await api('POST', '/attributes', { key: 'shoe', label: 'Shoe size', type: 'number' })).json();
      const bad = await api('PUT', '/follow-ups/rules', rulesOn({ dateAttributes: [{ attributeId: wedding.id, daysBefore: 2, yearly: true }, { attributeId: shoe.id, daysBefore: 0, yearly: false }] }));
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.details.fields[0].path).toBe('dateAttributes.1.attributeId');
      await customer('Dora Date');
      await customer('Leo Leap');
      await customer('Old Once');
      await db().db.insertInto('attribute_values').values([
        { workspace_id: owner.workspaceId, customer_id: ids['Dora Date']!, attribute_id: wedding.id, value_text: null, value_number: null, value_date: '2019-03-25' },
        { workspace_id: owner.workspaceId, customer_id: ids['Leo Leap']!, attribute_id: wedding.id, value_text: null, value_number: null, value_date: '2020-02-29' },
        { workspace_id: owner.workspaceId, customer_id: ids['Old Once']!, attribute_id: wedding.id, value_text: null, value_number: null, value_date: '2018-01-10' },
      ]).execute();
      expect((await api('PUT', '/follow-ups/rules', rulesOn({ dateAttributes: [{ attributeId: wedding.id, daysBefore: 2, yearly: true }] }))).statusCode).toBe(200);
      const dates = await auto('date_attribute');
      // Next occurrence on or after 18 Feb 2026: 25 Mar (due 23 Mar); 28 Feb for 29 Feb (due 26 Feb, overdue); 10 Jan 2027.
      expect(dates.map((f) => [f.customer_id, f.due_on, f.occasion_key, f.kind, f.note])).toEqual([
        [ids['Leo Leap'], '2026-02-26', `${wedding.id}:${ids['Leo Leap']}:2026-02-28`, 'other', null],
        [ids['Dora Date'], '2026-03-23', `${wedding.id}:${ids['Dora Date']}:2026-03-25`, 'other', null],
        [ids['Old Once'], '2027-01-08', `${wedding.id}:${ids['Old Once']}:2027-01-10`, 'other', null],
      ]);
      const [leo] = await ofCustomer('Leo Leap');
      expect(leo).toMatchObject({ overdue: true, reason: 'Wedding anniversary on 28 Feb.' });
      expect(await evaluate()).toBe(0);
    });
  });
});
