import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../db/testing.ts';
import { startSmtp } from '../../server/smtp-testing.ts';
import { as, browserFrom, createTestApp, setupBody, type Browser } from '../../server/testing.ts';
import type { App } from '../../server/types.ts';
import { fixedClock } from '../../shared/clock.ts';
import { runDueEmails } from '../email/email-sender.ts';

describeEachDatabase('a thank-you sent by email', (db) => {
  const clock = fixedClock(new Date('2026-05-04T08:00:00Z'));
  let app: App;
  let owner: Browser;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  const ids: Record<string, string> = {};
  const api = (method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) =>
    app.inject({ method, url: `/api/v1${url}`, headers: as(owner), ...(payload !== undefined && { payload: payload as object }) });

  beforeAll(async () => {
    smtp = await startSmtp();
    app = await createTestApp(db(), { clock, config: { secretKey: 'a long test passphrase for the secret box', publicUrl: 'http://rapport.test' } });
    owner = browserFrom(await app.inject({ method: 'POST', url: '/api/v1/setup', payload: setupBody() }));
    await api('PUT', '/email/settings', { host: '127.0.0.1', port: smtp.port, security: 'none', fromAddress: 'shop@example.com' });
    ids.nora = (await api('POST', '/customers', { kind: 'person', firstName: 'Nora', lastName: 'Fielding', contacts: [{ kind: 'email', value: 'nora@example.com' }] })).json().id;
    ids.owen = (await api('POST', '/customers', { kind: 'person', firstName: 'Owen', lastName: 'Marsh', referredById: ids.nora })).json().id;
    await db().db.updateTable('customers').set({ referred_by_id: ids.nora! }).where('id', '=', ids.owen!).execute();
    await api('POST', `/customers/${ids.owen}/transactions`, { occurredAt: '2026-05-03T15:00:00Z', amountMinor: 4_200 });
  });
  afterAll(async () => {
    await app?.close();
    await smtp?.close();
  });

  it('goes out through SMTP, names the referral, is logged as a thank-you and settles what was owed', async () => {
    const owed = (await api('GET', '/thanks/owed')).json().items.find((o: { rule: string }) => o.rule === 'referral_bought');
    expect(owed).toMatchObject({ customerId: ids.nora, occurredOn: '2026-05-03', detail: { referralName: 'Owen Marsh' } });
    const preview = await api('POST', `/customers/${ids.nora}/emails`, { purpose: 'thank_you', preview: true });
    expect(preview.json()).toMatchObject({ preview: true, subject: 'Thank you, Nora!' });
    const queued = await api('POST', `/customers/${ids.nora}/emails`, { purpose: 'thank_you', thankYou: { occasion: 'referral', owedId: owed.id } });
    expect(queued.statusCode).toBe(202);
    expect(await runDueEmails({ db: db().db, clock, secretKey: 'a long test passphrase for the secret box', publicUrl: 'http://rapport.test' })).toBe(1);
    const mail = smtp.received.at(-1)!;
    expect(mail.to).toMatchObject({ value: [{ address: 'nora@example.com' }] });
    expect(mail.subject).toBe('Thank you, Nora!');
    const log = (await api('GET', `/customers/${ids.nora}/thank-yous`)).json().items;
    expect(log).toEqual([expect.objectContaining({ kind: 'email', occasion: 'referral', givenOn: '2026-05-04', emailMessageId: queued.json().message.id })]);
    expect((await api('GET', '/thanks/owed')).json().items.map((o: { id: string }) => o.id)).not.toContain(owed.id);
    const twice = await api('POST', `/customers/${ids.nora}/emails`, { purpose: 'thank_you', thankYou: { occasion: 'referral', owedId: owed.id } });
    expect(twice.statusCode).toBe(409);
    expect((await api('GET', '/emails')).json().items).toHaveLength(1);
  });
});
