import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../db/testing.ts';
import { as, browserFrom, createTestApp, setupBody, type Browser } from '../../server/testing.ts';
import type { App } from '../../server/types.ts';
import { startSmtp } from '../../server/smtp-testing.ts';
import { fixedClock } from '../../shared/clock.ts';
import { runDueEmails } from './email-sender.ts';
import { unseal } from './secret-box.ts';

const SECRET = 'a long test passphrase for the secret box';

describeEachDatabase('email', (db) => {
  const clock = fixedClock(new Date('2026-03-01T09:00:00Z'));
  let app: App;
  let owner: Browser;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  const deps = () => ({ db: db().db, clock, secretKey: SECRET, publicUrl: 'http://rapport.test' });
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    smtp = await startSmtp();
    app = await createTestApp(db(), { clock, config: { secretKey: SECRET, publicUrl: 'http://rapport.test' } });
    owner = browserFrom(await app.inject({ method: 'POST', url: '/api/v1/setup', payload: setupBody() }));
    const people = [
      { key: 'olga', firstName: 'Ольга', lastName: 'Петрова', preferredLanguage: 'ru', consent: { given: true }, email: 'olga@example.com' },
      { key: 'bob', firstName: 'Bob', lastName: 'Stone', preferredLanguage: 'en', consent: { given: true }, email: 'bob@example.com' },
      { key: 'nina', firstName: 'Nina', lastName: 'NoConsent', preferredLanguage: 'en', consent: { given: false }, email: 'nina@example.com' },
      { key: 'nomail', firstName: 'Ned', lastName: 'Nomail', preferredLanguage: 'en', consent: { given: true }, email: null },
    ];
    for (const p of people) {
      const response = await app.inject({ method: 'POST', url: '/api/v1/customers', headers: as(owner), payload: { kind: 'person', firstName: p.firstName, lastName: p.lastName, preferredLanguage: p.preferredLanguage, consent: p.consent, contacts: p.email ? [{ kind: 'email', value: p.email }] : [] } });
      if (response.statusCode !== 201) throw new Error(`creating ${p.key}: ${response.body}`);
      ids[p.key] = response.json().id;
    }
    await db().db.updateTable('customers').set({ last_purchase_at: '2026-02-14T12:00:00.000Z' }).where('id', '=', ids.olga!).execute();
    await db().db.updateTable('customers').set({ referred_by_id: ids.olga! }).where('id', '=', ids.bob!).execute();
  });
  afterAll(async () => {
    await app?.close();
    await smtp?.close();
  });

  it('says what to set up before SMTP is configured', async () => {
    const response = await app.inject({ method: 'POST', url: `/api/v1/customers/${ids.bob}/emails`, headers: as(owner), payload: { purpose: 'thank_you' } });
    expect(response.statusCode).toBe(409);
    expect(response.json().error.code).toBe('email.not_configured');
  });

  it('stores the SMTP password sealed, never returns it, and it decrypts', async () => {
    const response = await app.inject({ method: 'PUT', url: '/api/v1/email/settings', headers: as(owner), payload: { host: '127.0.0.1', port: smtp.port, security: 'none', user: 'shop', password: 'hunter2-smtp', fromAddress: 'shop@example.com', fromName: 'Acme Flowers', ratePerMinute: 30 } });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ configured: true, passwordSet: true, user: 'shop' });
    expect(response.body).not.toContain('hunter2');
    const row = await db().db.selectFrom('email_settings').selectAll().executeTakeFirstOrThrow();
    expect(row.password_sealed).not.toContain('hunter2');
    expect(unseal(SECRET, row.password_sealed!)).toBe('hunter2-smtp');
  });

  it('refuses to store a password without RAPPORT_SECRET_KEY, naming the variable', async () => {
    const bare = await createTestApp(db(), { clock, config: { secretKey: undefined } });
    const response = await bare.inject({ method: 'PUT', url: '/api/v1/email/settings', headers: as(owner), payload: { host: 'x', port: 25, security: 'none', password: 'p', fromAddress: 'a@example.com' } });
    await bare.close();
    expect(response.statusCode).toBe(409);
    expect(response.json().error.message).toContain('RAPPORT_SECRET_KEY');
  });

  it('sends a test email synchronously and returns the server answer', async () => {
    const response = await app.inject({ method: 'POST', url: '/api/v1/email/test', headers: as(owner), payload: { to: 'me@example.com' } });
    expect(response.json()).toMatchObject({ ok: true, error: null });
    expect(response.json().response).toMatch(/^250/);
    expect(smtp.received.at(-1)!.to).toMatchObject({ text: 'me@example.com' });
  });

  it('refuses a template with an unknown placeholder, naming it', async () => {
    const response = await app.inject({ method: 'PUT', url: '/api/v1/email/templates/thank_you/ru', headers: as(owner), payload: { subject: 'Спасибо', body: 'Привет {unknown}' } });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.message).toContain('{unknown}');
  });

  it('sends a thank-you from a Russian template with the placeholders rendered, on the timeline with its status', async () => {
    const saved = await app.inject({ method: 'PUT', url: '/api/v1/email/templates/thank_you/ru', headers: as(owner), payload: { subject: 'Спасибо, {firstName}!', body: 'Здравствуйте, {firstName} {lastName}! Спасибо за покупку {lastPurchase}. Вы привели: {referralName}.' } });
    expect(saved.statusCode, saved.body).toBe(200);
    const queued = await app.inject({ method: 'POST', url: `/api/v1/customers/${ids.olga}/emails`, headers: as(owner), payload: { purpose: 'thank_you' } });
    expect(queued.statusCode, queued.body).toBe(202);
    expect(queued.json().message.status).toBe('queued');
    expect(await runDueEmails(deps())).toBe(1);
    const mail = smtp.received.at(-1)!;
    expect(mail.to).toMatchObject({ text: 'olga@example.com' });
    expect(mail.subject).toBe('Спасибо, Ольга!');
    expect(mail.text).toContain('Здравствуйте, Ольга Петрова! Спасибо за покупку 14 февраля 2026 г.. Вы привели: Bob Stone.');
    expect(mail.headers.get('content-language')).toBe('ru');
    expect(mail.headerLines.some((h) => h.key === 'list-unsubscribe')).toBe(false); // a thank-you is not marketing
    const list = (await app.inject({ url: `/api/v1/emails?customerId=${ids.olga}`, headers: as(owner) })).json();
    expect(list.items[0]).toMatchObject({ status: 'sent', attempts: 1, lastError: null });
    const timeline = (await app.inject({ url: `/api/v1/customers/${ids.olga}/activities`, headers: as(owner) })).json();
    expect(timeline.items.find((a: { id: string }) => a.id === list.items[0].activityId)).toMatchObject({ kind: 'email', email: { status: 'sent' } });
  });

  it('sends bulk only to customers with consent and an address, with the unsubscribe link and header', async () => {
    const response = await app.inject({ method: 'POST', url: '/api/v1/emails/bulk', headers: as(owner), payload: { customerIds: [ids.olga, ids.bob, ids.nina, ids.nomail], purpose: 'question' } });
    expect(response.statusCode, response.body).toBe(202);
    expect(response.json()).toEqual({ queued: 2, skipped: { noConsent: 1, unsubscribed: 0, noEmail: 1, notFound: 0 } });
    const before = smtp.received.length;
    expect(await runDueEmails(deps())).toBe(2);
    const mails = smtp.received.slice(before);
    const bob = mails.find((m) => m.subject === 'A quick question, Bob')!;
    expect(bob).toBeDefined();
    const header = bob.headerLines.find((h) => h.key === 'list-unsubscribe')?.line ?? '';
    const link = /http:\/\/rapport\.test\/u\/[A-Za-z0-9_-]+/.exec(bob.text ?? '')![0];
    expect(header).toContain(link);
    expect(bob.headerLines.find((h) => h.key === 'list-unsubscribe-post')?.line).toBe('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
    expect(mails.find((m) => m.subject === 'Один вопрос, Ольга')!.text).toContain('Отписаться от этих писем');

    const page = await app.inject({ url: new URL(link).pathname });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('bob@example.com');
    const done = await app.inject({ method: 'POST', url: new URL(link).pathname, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'List-Unsubscribe=One-Click' });
    expect(done.statusCode).toBe(200);
    const again = await app.inject({ method: 'POST', url: '/api/v1/emails/bulk', headers: as(owner), payload: { customerIds: [ids.bob], purpose: 'question' } });
    expect(again.json()).toEqual({ queued: 0, skipped: { noConsent: 0, unsubscribed: 1, noEmail: 0, notFound: 0 } });
    expect((await app.inject({ url: '/u/not-a-real-token-at-all' })).statusCode).toBe(404);
  });

  it('retries with back-off while SMTP is down, showing the error, then sends when it is back', async () => {
    const port = smtp.port;
    await smtp.close();
    const queued = await app.inject({ method: 'POST', url: `/api/v1/customers/${ids.olga}/emails`, headers: as(owner), payload: { subject: 'Hello {firstName}', body: 'Just saying hi.' } });
    const id = queued.json().message.id;
    const state = async () => (await app.inject({ url: `/api/v1/emails?customerId=${ids.olga}`, headers: as(owner) })).json().items.find((m: { id: string }) => m.id === id);
    expect(await runDueEmails(deps())).toBe(0);
    let message = await state();
    expect(message).toMatchObject({ status: 'queued', attempts: 1 });
    expect(message.lastError).toMatch(/ECONNREFUSED/);
    expect(Date.parse(message.nextAttemptAt) - clock.now().getTime()).toBe(60_000);
    expect(await runDueEmails(deps())).toBe(0); // not yet due
    expect((await state()).attempts).toBe(1);
    clock.advance(60_000);
    await runDueEmails(deps());
    message = await state();
    expect(message).toMatchObject({ status: 'queued', attempts: 2 });
    expect(Date.parse(message.nextAttemptAt) - clock.now().getTime()).toBe(5 * 60_000);
    smtp = await startSmtp(port);
    clock.advance(5 * 60_000);
    expect(await runDueEmails(deps())).toBe(1);
    expect(await state()).toMatchObject({ status: 'sent', attempts: 3, lastError: null });
    expect(smtp.received.at(-1)!.subject).toBe('Hello Ольга');
  });
});
