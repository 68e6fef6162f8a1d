import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachDatabase } from '../../db/testing.ts';
import { addUser, as, browserFrom, createTestApp, newWorkspace, setupBody, type Browser } from '../../server/testing.ts';
import type { App } from '../../server/types.ts';
import { fixedClock } from '../../shared/clock.ts';
import { escapeText, foldLine } from './ics.ts';
import { addCustomer, addFollowUp } from './test-fixtures.ts';

const PUBLIC_URL = 'http://rapport.test';
const pathOf = (url: string) => url.slice(PUBLIC_URL.length);

describe('ics text', () => {
  it('escapes backslash, comma, semicolon and newlines', () => {
    expect(escapeText('a\\b, c; d\ne\r\nf')).toBe('a\\\\b\\, c\\; d\\ne\\nf');
  });

  it('folds at 75 octets without splitting a two-octet Cyrillic letter', () => {
    const line = `DESCRIPTION:${'Ж'.repeat(100)}`;
    const folded = foldLine(line).split('\r\n');
    expect(folded.length).toBeGreaterThan(2);
    for (const part of folded) expect(Buffer.byteLength(part)).toBeLessThanOrEqual(75);
    // 'DESCRIPTION:' is 12 octets, then 31 letters (62 octets) fit: a 32nd would make 76.
    expect(Buffer.byteLength(folded[0]!)).toBe(74);
    expect(folded.slice(1).every((p) => p.startsWith(' '))).toBe(true);
    expect(folded.map((p, i) => (i === 0 ? p : p.slice(1))).join('')).toBe(line);
  });
});

describeEachDatabase('reminder settings and the calendar feed', (db) => {
  const clock = fixedClock(new Date('2026-01-15T10:00:00Z'));
  let app: App;
  let owner: Browser;
  let member: Browser;
  let russian: Browser;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    app = await createTestApp(db(), { clock, config: { publicUrl: PUBLIC_URL } });
    owner = browserFrom(await app.inject({ method: 'POST', url: '/api/v1/setup', payload: setupBody({ ownerName: 'Ann Owner' }) }));
    member = await addUser(app, owner, 'member');
    russian = await addUser(app, owner, 'member');
    await app.inject({ method: 'PATCH', url: '/api/v1/me', headers: as(russian), payload: { locale: 'ru', name: 'Ирина' } });
    const anna = await addCustomer(app, owner, 'Anna', 'Petrova');
    const olga = await addCustomer(app, owner, 'Ольга', 'Смирнова');
    const gone = await addCustomer(app, owner, 'Gone', 'Customer');
    const w = owner.workspaceId;
    ids.mine = await addFollowUp(db(), { workspace_id: w, customer_id: anna, due_on: '2026-01-16', kind: 'call', assignee_id: owner.userId,
      note: `Спросить про заказ, доставку; и счёт\nвторая строка, ${'длинная заметка '.repeat(8)}` });
    ids.team = await addFollowUp(db(), { workspace_id: w, customer_id: olga, due_on: '2026-01-14', kind: 'email', assignee_id: null, updated_at: '2026-01-12T08:30:00.000Z' });
    ids.members = await addFollowUp(db(), { workspace_id: w, customer_id: anna, due_on: '2026-01-16', assignee_id: member.userId });
    ids.done = await addFollowUp(db(), { workspace_id: w, customer_id: anna, due_on: '2026-01-13', assignee_id: owner.userId, status: 'done', done_at: '2026-01-13T10:00:00.000Z' });
    ids.skipped = await addFollowUp(db(), { workspace_id: w, customer_id: olga, due_on: '2026-01-13', assignee_id: null, status: 'skipped' });
    ids.deleted = await addFollowUp(db(), { workspace_id: w, customer_id: gone, due_on: '2026-01-20', assignee_id: owner.userId });
    await app.inject({ method: 'DELETE', url: `/api/v1/customers/${gone}`, headers: as(owner) });
    ids.anna = anna;
  });
  afterAll(async () => {
    await app?.close();
  });

  it('answers the defaults before anything is saved: digest on at 8, the workspace time zone', async () => {
    const response = await app.inject({ url: '/api/v1/me/reminders', headers: as(member) });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({ digestEnabled: true, digestHour: 8, timeZone: null, effectiveTimeZone: 'Europe/Berlin', calendarFeed: false });
  });

  it('saves the hour and a time zone of my own, and null falls back to the workspace’s', async () => {
    const put = await app.inject({ method: 'PUT', url: '/api/v1/me/reminders', headers: as(member), payload: { digestHour: 7, timeZone: 'America/New_York' } });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json()).toEqual({ digestEnabled: true, digestHour: 7, timeZone: 'America/New_York', effectiveTimeZone: 'America/New_York', calendarFeed: false });
    const back = await app.inject({ method: 'PUT', url: '/api/v1/me/reminders', headers: as(member), payload: { timeZone: null, digestEnabled: false } });
    expect(back.json()).toEqual({ digestEnabled: false, digestHour: 7, timeZone: null, effectiveTimeZone: 'Europe/Berlin', calendarFeed: false });
  });

  it('refuses an unknown time zone, naming the field', async () => {
    const response = await app.inject({ method: 'PUT', url: '/api/v1/me/reminders', headers: as(member), payload: { timeZone: 'Mars/Olympus_Mons' } });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details.fields[0]).toMatchObject({ path: 'timeZone', code: 'unknown_time_zone' });
    const hour = await app.inject({ method: 'PUT', url: '/api/v1/me/reminders', headers: as(member), payload: { digestHour: 24 } });
    expect(hour.statusCode).toBe(400);
  });

  it('serves my and the team’s open follow-ups as an iCalendar feed that ical.js reads', async () => {
    const made = await app.inject({ method: 'POST', url: '/api/v1/me/calendar-feed', headers: as(owner) });
    expect(made.statusCode, made.body).toBe(200);
    const { url } = made.json() as { url: string };
    expect(url).toMatch(new RegExp(`^${PUBLIC_URL}/calendar/${owner.workspaceId}\\.[A-Za-z0-9_-]{32}\\.ics$`));
    expect((await app.inject({ url: '/api/v1/me/reminders', headers: as(owner) })).json().calendarFeed).toBe(true);
    const row = await db().db.selectFrom('user_reminders').selectAll().where('user_id', '=', owner.userId).executeTakeFirstOrThrow();
    expect(row.calendar_token_hash).not.toContain(url.split('/').at(-1)!.slice(37, 69));

    const feed = await app.inject({ url: pathOf(url) }); // no cookie: the secret is the credential
    expect(feed.statusCode, feed.body).toBe(200);
    expect(feed.headers['content-type']).toBe('text/calendar; charset=utf-8');
    const lines = feed.body.split('\r\n');
    expect(feed.body.endsWith('\r\n')).toBe(true);
    expect(lines.every((l) => !l.includes('\n') && Buffer.byteLength(l) <= 75)).toBe(true);
    expect(lines.some((l) => l.startsWith(' '))).toBe(true); // the long note was folded

    const calendar = new ICAL.Component(ICAL.parse(feed.body));
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
    expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH');
    expect(calendar.getFirstPropertyValue('calscale')).toBe('GREGORIAN');
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('Rapport follow-ups – Ann Owner');
    expect(calendar.getFirstPropertyValue('x-wr-timezone')).toBe('Europe/Berlin');
    const events = calendar.getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));
    expect(events.map((e) => e.uid).toSorted()).toEqual([`${ids.mine}@rapport`, `${ids.team}@rapport`].toSorted());
    const mine = events.find((e) => e.uid === `${ids.mine}@rapport`)!;
    expect(mine.summary).toBe('Call: Anna Petrova');
    expect(mine.startDate.isDate).toBe(true);
    expect(mine.startDate.toString()).toBe('2026-01-16');
    expect(mine.endDate.toString()).toBe('2026-01-17');
    expect(mine.description).toBe(`Спросить про заказ, доставку; и счёт\nвторая строка, ${'длинная заметка '.repeat(8)}\nCustomer profile: ${PUBLIC_URL}/customers/${ids.anna}`);
    expect(mine.component.getFirstPropertyValue('url')).toBe(`${PUBLIC_URL}/customers/${ids.anna}`);
    expect(mine.component.getFirstPropertyValue('status')).toBe('CONFIRMED');
    const team = events.find((e) => e.uid === `${ids.team}@rapport`)!;
    expect(team.summary).toBe('Email: Ольга Смирнова');
    expect(team.description).toContain('(for the team)');
    expect((team.component.getFirstPropertyValue('last-modified') as ICAL.Time).toJSDate().toISOString()).toBe('2026-01-12T08:30:00.000Z');
    expect((team.component.getFirstPropertyValue('dtstamp') as ICAL.Time).toJSDate().toISOString()).toBe('2026-01-15T10:00:00.000Z');
  });

  it('writes the feed in the user’s language', async () => {
    const { url } = (await app.inject({ method: 'POST', url: '/api/v1/me/calendar-feed', headers: as(russian) })).json() as { url: string };
    const calendar = new ICAL.Component(ICAL.parse((await app.inject({ url: pathOf(url) })).body));
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('Rapport: напоминания – Ирина');
    const summaries = calendar.getAllSubcomponents('vevent').map((e) => new ICAL.Event(e).summary);
    expect(summaries).toEqual(['Письмо: Ольга Смирнова']); // only the team's: the others are assigned to someone else
  });

  it('answers 404 to a reset, wrong, malformed or deleted secret, another workspace’s id, and a disabled user', async () => {
    const first = (await app.inject({ method: 'POST', url: '/api/v1/me/calendar-feed', headers: as(member) })).json().url as string;
    const second = (await app.inject({ method: 'POST', url: '/api/v1/me/calendar-feed', headers: as(member) })).json().url as string;
    expect(second).not.toBe(first);
    expect((await app.inject({ url: pathOf(first) })).statusCode).toBe(404);
    expect((await app.inject({ url: pathOf(second) })).statusCode).toBe(200);
    const token = second.split('/').at(-1)!;
    const random = token.slice(37, 69);
    expect((await app.inject({ url: `/calendar/${owner.workspaceId}.${'A'.repeat(32)}.ics` })).statusCode).toBe(404);
    expect((await app.inject({ url: `/calendar/${token.slice(0, -4)}` })).statusCode).toBe(404); // without .ics
    expect((await app.inject({ url: '/calendar/nonsense.ics' })).statusCode).toBe(404);
    const other = await newWorkspace(app, db());
    expect((await app.inject({ url: `/calendar/${other.workspaceId}.${random}.ics` })).statusCode).toBe(404);

    await db().db.updateTable('users').set({ disabled_at: '2026-01-15T09:00:00.000Z' }).where('id', '=', member.userId).execute();
    expect((await app.inject({ url: pathOf(second) })).statusCode).toBe(404);
    await db().db.updateTable('users').set({ disabled_at: null }).where('id', '=', member.userId).execute();
    expect((await app.inject({ url: pathOf(second) })).statusCode).toBe(200);

    const off = await app.inject({ method: 'DELETE', url: '/api/v1/me/calendar-feed', headers: as(member) });
    expect(off.json()).toEqual({ ok: true });
    expect((await app.inject({ url: pathOf(second) })).statusCode).toBe(404);
    expect((await app.inject({ url: '/api/v1/me/reminders', headers: as(member) })).json().calendarFeed).toBe(false);
  });

  it('limits how often one address may ask for feeds', async () => {
    const { url } = (await app.inject({ method: 'POST', url: '/api/v1/me/calendar-feed', headers: as(owner) })).json() as { url: string };
    const codes: number[] = [];
    for (let i = 0; i < 61; i++) codes.push((await app.inject({ url: pathOf(url), remoteAddress: '203.0.113.9' })).statusCode);
    expect(codes.filter((c) => c === 200).length).toBe(60);
    expect(codes.at(-1)).toBe(429);
    expect((await app.inject({ url: pathOf(url), remoteAddress: '203.0.113.10' })).statusCode).toBe(200);
  });
});
