import net from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../db/connection.ts';
import { describeEachDatabase } from '../../db/testing.ts';
import { addUser, as, browserFrom, createTestApp, newWorkspace, setupBody, type Browser } from '../../server/testing.ts';
import { startSmtp } from '../../server/smtp-testing.ts';
import type { App } from '../../server/types.ts';
import { fixedClock } from '../../shared/clock.ts';
import { hourIn, runDueDigests, type DigestDeps } from './digest.usecases.ts';
import { addCustomer, addFollowUp, configureSmtp } from './test-fixtures.ts';

const PUBLIC_URL = 'http://rapport.test';

/** A port nothing listens on: the SMTP connection is refused. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

it('reads the hour in a time zone', () => {
  expect(hourIn(new Date('2026-01-15T07:05:00Z'), 'Europe/Berlin')).toBe(8);
  expect(hourIn(new Date('2026-01-15T23:30:00Z'), 'Europe/Berlin')).toBe(0);
  expect(hourIn(new Date('2026-07-15T12:00:00Z'), 'America/New_York')).toBe(8);
});

describeEachDatabase('the daily digest', (db, dialect) => {
  // Europe/Berlin is UTC+1 in January: the default 8:00 is 07:00 UTC; New York (UTC−5) 8:00 is 13:00 UTC.
  const clock = fixedClock(new Date('2026-01-15T06:30:00Z'));
  const at = (iso: string) => clock.advance(Date.parse(iso) - clock.now().getTime());
  let app: App;
  let owner: Browser & { email: string };
  let russian: Browser & { email: string };
  let newYork: Browser & { email: string };
  let quiet: Browser & { email: string };
  let idle: Browser & { email: string };
  let broken: Browser & { email: string };
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let second: Database;
  const ids: Record<string, string> = {};
  const deps = (database: Database = db()): DigestDeps => ({ db: database.db, clock, secretKey: undefined, publicUrl: PUBLIC_URL });
  const to = (who: { email: string }) => smtp.received.filter((m) => m.to && !Array.isArray(m.to) && m.to.text === who.email);
  const run = (who: Browser, day: string) =>
    db().db.selectFrom('digest_runs').selectAll().where('workspace_id', '=', who.workspaceId).where('user_id', '=', who.userId).where('day', '=', day).executeTakeFirst();

  beforeAll(async () => {
    smtp = await startSmtp();
    app = await createTestApp(db(), { clock, config: { publicUrl: PUBLIC_URL } });
    const email = `owner-${Math.random().toString(36).slice(2)}@example.com`;
    owner = { ...browserFrom(await app.inject({ method: 'POST', url: '/api/v1/setup', payload: setupBody({ ownerName: 'Ann Owner', email }) })), email };
    await configureSmtp(app, owner, smtp.port);
    russian = await addUser(app, owner, 'member');
    await app.inject({ method: 'PATCH', url: '/api/v1/me', headers: as(russian), payload: { locale: 'ru', name: 'Ирина' } });
    newYork = await addUser(app, owner, 'member');
    await app.inject({ method: 'PUT', url: '/api/v1/me/reminders', headers: as(newYork), payload: { timeZone: 'America/New_York' } });
    quiet = await addUser(app, owner, 'viewer');
    await app.inject({ method: 'PUT', url: '/api/v1/me/reminders', headers: as(quiet), payload: { digestEnabled: false } });
    ids.anna = await addCustomer(app, owner, 'Anna', 'Petrova');
    ids.call = await addFollowUp(db(), { workspace_id: owner.workspaceId, customer_id: ids.anna, due_on: '2026-01-15', kind: 'call', assignee_id: owner.userId, note: 'Ask about the wedding order' });

    // A workspace with nothing in its queue, and one whose SMTP server refuses connections.
    idle = await newWorkspace(app, db(), { ownerName: 'Ida Idle' });
    await configureSmtp(app, idle, smtp.port);
    broken = await newWorkspace(app, db(), { ownerName: 'Bruno Broken' });
    await configureSmtp(app, broken, await closedPort());
    await addCustomer(app, broken, 'Boris', 'Brown');

    second = openDatabase(dialect === 'postgres' ? { url: db().location } : { sqlitePath: db().location });
  });
  afterAll(async () => {
    await second?.close();
    await app?.close();
    await smtp?.close();
  });

  it('sends nothing before the user’s hour', async () => {
    expect(await runDueDigests(deps())).toEqual({ sent: 0, nothing: 0, failed: 0 });
    expect(smtp.received).toHaveLength(0);
    expect(await db().db.selectFrom('digest_runs').selectAll().execute()).toEqual([]);
  });

  it('sends at the user’s hour in the workspace zone, in their language, once', async () => {
    at('2026-01-15T07:05:00Z'); // 08:05 in Berlin
    const pass = await runDueDigests(deps());
    expect(pass).toEqual({ sent: 2, nothing: 1, failed: 1 });
    const [mail] = to(owner);
    expect(to(owner)).toHaveLength(1);
    expect(mail!.subject).toBe('Today in Rapport: 1 follow-up, 1 new customer');
    expect(mail!.text).toContain('Hello Ann Owner,');
    expect(mail!.text).toContain('Follow-ups due (1)');
    expect(mail!.text).toContain(`- Anna Petrova: `);
    expect(mail!.text).toContain(`${PUBLIC_URL}/customers/${ids.anna}`);
    expect(mail!.text).toContain(`${PUBLIC_URL}/today`);
    expect(mail!.html).toContain(`<a href="${PUBLIC_URL}/customers/${ids.anna}">Anna Petrova</a>`);
    expect(mail!.from).toMatchObject({ text: '"Acme Flowers" <shop@example.com>' });

    const [ru] = to(russian);
    expect(ru!.subject).toBe('Сегодня в Rapport: 1 новый клиент'); // the follow-up is the owner’s
    expect(ru!.text).toContain('Здравствуйте, Ирина!');
    expect(ru!.text).toContain('Новые клиенты (1)');
    expect(ru!.headers.get('content-language')).toBe('ru');

    expect(to(newYork)).toHaveLength(0); // 02:05 in New York
    expect(to(quiet)).toHaveLength(0); // digest turned off
    expect(await run(quiet, '2026-01-15')).toBeUndefined();
    expect(await run(owner, '2026-01-15')).toMatchObject({ status: 'sent', attempts: 1, items: 2, last_error: null, sent_at: '2026-01-15T07:05:00.000Z' });

    expect(await runDueDigests(deps())).toEqual({ sent: 0, nothing: 0, failed: 0 });
    expect(to(owner)).toHaveLength(1);
  });

  it('records a user with nothing due and sends them nothing', async () => {
    expect(to(idle)).toHaveLength(0);
    expect(await run(idle, '2026-01-15')).toMatchObject({ status: 'nothing', items: 0, sent_at: null });
  });

  it('keeps a refused send as failed, retries it later, and gives up after 3 attempts', async () => {
    const first = await run(broken, '2026-01-15');
    expect(first).toMatchObject({ status: 'failed', attempts: 1 });
    expect(first!.last_error).toMatch(/ECONNREFUSED/);
    at('2026-01-15T07:06:00Z');
    await runDueDigests(deps()); // retries wait 5 minutes after the last attempt
    expect(await run(broken, '2026-01-15')).toMatchObject({ status: 'failed', attempts: 1 });
    at('2026-01-15T07:11:00Z');
    expect(await runDueDigests(deps())).toEqual({ sent: 0, nothing: 0, failed: 1 });
    expect(await run(broken, '2026-01-15')).toMatchObject({ status: 'failed', attempts: 2 });
    at('2026-01-15T07:17:00Z');
    await runDueDigests(deps());
    expect(await run(broken, '2026-01-15')).toMatchObject({ status: 'failed', attempts: 3 });
    at('2026-01-15T07:30:00Z');
    expect(await runDueDigests(deps())).toEqual({ sent: 0, nothing: 0, failed: 0 });
    expect(await run(broken, '2026-01-15')).toMatchObject({ status: 'failed', attempts: 3 });
  });

  it('uses the user’s own time zone', async () => {
    at('2026-01-15T12:35:00Z'); // 07:35 in New York
    await runDueDigests(deps());
    expect(to(newYork)).toHaveLength(0);
    at('2026-01-15T13:05:00Z'); // 08:05 in New York
    await runDueDigests(deps());
    expect(to(newYork)).toHaveLength(1);
    expect(await run(newYork, '2026-01-15')).toMatchObject({ status: 'sent' });
  });

  it('sends a failed digest once the SMTP server answers again', async () => {
    await db().db.updateTable('digest_runs').set({ attempts: 1 }).where('workspace_id', '=', broken.workspaceId).execute();
    await db().db.updateTable('email_settings').set({ port: smtp.port }).where('workspace_id', '=', broken.workspaceId).execute();
    at('2026-01-15T13:20:00Z');
    expect(await runDueDigests(deps())).toEqual({ sent: 1, nothing: 0, failed: 0 });
    expect(to(broken)).toHaveLength(1);
    expect(await run(broken, '2026-01-15')).toMatchObject({ status: 'sent', attempts: 2, last_error: null });
  });

  it('sends once a day even with passes running at the same time on two connections', async () => {
    at('2026-01-16T07:30:00Z'); // the next day
    const before = smtp.received.length;
    const passes = await Promise.all([runDueDigests(deps()), runDueDigests(deps()), runDueDigests(deps(second)), runDueDigests(deps(second))]);
    expect(passes.reduce((n, p) => n + p.sent, 0)).toBe(3); // owner, russian, broken (idle: nothing; New York: not yet)
    expect(smtp.received.length - before).toBe(3);
    expect(to(owner)).toHaveLength(2);
    expect(to(russian)).toHaveLength(2);
    expect(await run(idle, '2026-01-16')).toMatchObject({ status: 'nothing' });
  });

  it('takes back a claim left sending by an instance that died, after 15 minutes', async () => {
    const day = '2026-01-16';
    await db().db.updateTable('digest_runs').set({ status: 'sending', claimed_at: new Date(clock.now().getTime() - 10 * 60_000).toISOString() }).where('user_id', '=', owner.userId).where('day', '=', day).execute();
    await runDueDigests(deps());
    expect(await run(owner, day)).toMatchObject({ status: 'sending' });
    clock.advance(6 * 60_000);
    await runDueDigests(deps());
    expect(await run(owner, day)).toMatchObject({ status: 'sent' });
    expect(to(owner)).toHaveLength(3);
  });
});
