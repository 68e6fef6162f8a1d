import { afterAll, beforeAll, expect, it } from 'vitest';
import { toDbTime } from '../../db/dialect.ts';
import { describeEachDatabase } from '../../db/testing.ts';
import { startSmtp } from '../../server/smtp-testing.ts';
import { as, browserFrom, createTestApp, setupBody, type Browser } from '../../server/testing.ts';
import type { App } from '../../server/types.ts';
import { fixedClock } from '../../shared/clock.ts';
import { runDueEmails } from '../email/email-sender.ts';

const SECRET = 'a long test passphrase for the secret box';
const PUBLIC_URL = 'http://rapport.test';

const linkIn = (text: string) => /http:\/\/rapport\.test(\/s\/[A-Za-z0-9._-]+)/.exec(text)?.[1];

type Tier = 'gold' | 'silver' | 'other';
type State = 'active' | 'due' | 'at_risk' | 'lapsed';
/** Customers with the tier and lapse state the last recompute gave them, and how each stands. */
const PEOPLE: { key: string; name: string; tier: Tier; state: State; clv: number | null; tierValue: number; email?: string; consent?: boolean; language?: string; lost?: boolean; deleted?: boolean }[] = [
  { key: 'anna', name: 'Анна Золотова', tier: 'gold', state: 'at_risk', clv: 300_000, tierValue: 200_000, email: 'anna@example.com', consent: true, language: 'ru' },
  { key: 'boris', name: 'Boris Silver', tier: 'silver', state: 'lapsed', clv: null, tierValue: 150_000, email: 'boris@example.com', consent: false },
  { key: 'carl', name: 'Carl Active', tier: 'gold', state: 'active', clv: 500_000, tierValue: 400_000, email: 'carl@example.com', consent: true },
  { key: 'dora', name: 'Dora Other', tier: 'other', state: 'at_risk', clv: 10_000, tierValue: 5_000 },
  { key: 'emil', name: 'Emil Lost', tier: 'gold', state: 'lapsed', clv: 250_000, tierValue: 220_000, lost: true },
  { key: 'fern', name: 'Fern Phone', tier: 'silver', state: 'at_risk', clv: 90_000, tierValue: 95_000 },
  { key: 'gert', name: 'Gert Deleted', tier: 'gold', state: 'lapsed', clv: 800_000, tierValue: 700_000, deleted: true },
  { key: 'hugo', name: 'Hugo Due', tier: 'silver', state: 'due', clv: 70_000, tierValue: 60_000 },
];

describeEachDatabase('win-back queue, its actions and the survey they send', (db) => {
  const clock = fixedClock(new Date('2026-04-01T09:00:00Z'));
  let app: App;
  let owner: Browser;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  const ids: Record<string, string> = {};
  const deps = () => ({ db: db().db, clock, secretKey: SECRET, publicUrl: PUBLIC_URL });
  const api = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: unknown) =>
    app.inject({ method, url: `/api/v1${url}`, headers: as(owner), ...(payload !== undefined && { payload: payload as object }) });
  const queue = async (query = '') => (await api('GET', `/winback${query}`)).json();
  const exitReason = async (name: string) => ((await api('GET', '/reasons?kind=exit')).json().items as { id: string; name: string }[]).find((r) => r.name === name)!.id;

  beforeAll(async () => {
    smtp = await startSmtp();
    app = await createTestApp(db(), { clock, config: { secretKey: SECRET, publicUrl: PUBLIC_URL } });
    owner = browserFrom(await app.inject({ method: 'POST', url: '/api/v1/setup', payload: setupBody() }));
    await api('PUT', '/email/settings', { host: '127.0.0.1', port: smtp.port, security: 'none', fromAddress: 'shop@example.com' });
    for (const [i, p] of PEOPLE.entries()) {
      const response = await api('POST', '/customers', {
        kind: 'person', firstName: p.name.split(' ')[0], lastName: p.name.split(' ')[1], ...(p.language && { preferredLanguage: p.language }), ...(p.consent !== undefined && { consent: { given: p.consent } }),
        contacts: [...(p.email ? [{ kind: 'email', value: p.email }] : []), ...(p.key === 'fern' ? [{ kind: 'phone', value: '+49 30 1234567' }] : [])],
      });
      if (response.statusCode !== 201) throw new Error(`fixture ${p.key}: ${response.body}`);
      ids[p.key] = response.json().id;
      await db().db.insertInto('customer_metrics').values({
        workspace_id: owner.workspaceId, customer_id: ids[p.key]!, computed_at: toDbTime(clock.now()), revenue_30: 0, revenue_90: 0, revenue_365: p.tierValue, revenue_lifetime: p.tierValue * 2,
        revenue_prior_365: 0, purchases: 4, tier: p.tier, tier_value: p.tierValue, clv: p.clv, lapse_state: p.state, lapse_gap_days: 30 + i, lapse_gap_source: 'own', days_since_last: 90 + i,
        last_purchase_at: toDbTime(new Date(clock.now().getTime() - (90 + i) * 86_400_000)), p_alive: 0.4,
      } as never).execute();
      if (p.lost) await api('PUT', `/customers/${ids[p.key]}/lost`, { reasonId: await exitReason('Moved away') });
      if (p.deleted) await api('DELETE', `/customers/${ids[p.key]}`);
    }
  });
  afterAll(async () => {
    await app?.close();
    await smtp?.close();
  });

  it('holds the gold and silver customers at risk or lapsed, not lost, most value at stake first', async () => {
    const expected = PEOPLE.filter((p) => (p.tier === 'gold' || p.tier === 'silver') && (p.state === 'at_risk' || p.state === 'lapsed') && !p.lost && !p.deleted)
      .map((p) => ({ name: p.name, value: p.clv ?? p.tierValue, basis: p.clv === null ? 'revenue' : 'clv' }))
      .toSorted((a, b) => b.value - a.value);
    const body = await queue();
    expect(body.items.map((e: { name: string; valueAtStakeMinor: number; valueBasis: string }) => ({ name: e.name, value: e.valueAtStakeMinor, basis: e.valueBasis }))).toEqual(expected);
    expect(body.valueAtStakeMinor).toBe(expected.reduce((s, e) => s + e.value, 0));
    expect(body.items[0]).toMatchObject({ tier: 'gold', lapseState: 'at_risk', usualGapDays: 30, gapSource: 'own', daysSinceLast: 90, pAlive: 0.4, email: 'anna@example.com', consent: true, lastAction: null });
    expect((await queue('?tier=silver&state=at_risk')).items.map((e: { name: string }) => e.name)).toEqual(['Fern Phone']);
  });

  it('logs a call in one click and can hide those contacted lately', async () => {
    const response = await api('POST', `/customers/${ids.fern}/winback`, { action: 'call', note: 'Left a voicemail' });
    expect(response.statusCode).toBe(201);
    const timeline = (await api('GET', `/customers/${ids.fern}/activities`)).json().items;
    expect(timeline[0]).toMatchObject({ id: response.json().activityId, kind: 'call', body: 'Left a voicemail' });
    const fern = (await queue()).items.find((e: { name: string }) => e.name === 'Fern Phone');
    expect(fern.lastAction).toMatchObject({ action: 'call', by: 'Ann Owner' });
    expect((await queue('?includeContacted=false')).items.map((e: { name: string }) => e.name)).not.toContain('Fern Phone');
  });

  it('sends the ask-why email with a survey link that records the answer once, in the customer’s language', async () => {
    const response = await api('POST', `/customers/${ids.anna}/winback`, { action: 'ask_why' });
    expect(response.statusCode).toBe(201);
    expect(await runDueEmails(deps())).toBe(1);
    const mail = smtp.received.at(-1)!;
    expect(mail.to).toMatchObject({ value: [{ address: 'anna@example.com' }] });
    expect(mail.subject).toBe('Могли ли мы сделать лучше, Анна?');
    expect(mail.headers.get('content-language')).toBe('ru');
    const path = linkIn(mail.text!)!;
    expect(path).toMatch(new RegExp(`^/s/${owner.workspaceId}\\.`));
    // Only the customer's inbox has the token: the timeline, the outbox and the stored message hide it.
    const token = path.slice(3);
    const shown = [JSON.stringify((await api('GET', `/customers/${ids.anna}/activities`)).json()), JSON.stringify((await api('GET', '/emails')).json())];
    const stored = await db().db.selectFrom('email_messages').select('body').where('workspace_id', '=', owner.workspaceId).execute();
    for (const text of [...shown, ...stored.map((m) => m.body)]) expect(text).not.toContain(token);
    expect(shown[0]).toContain('/s/…');

    const page = await app.inject({ url: path });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<html lang="ru"');
    expect(page.body).toContain('Могли ли мы сделать что-то лучше?');
    expect(page.body).toContain('name="viewport"');
    const price = await exitReason('Price');
    const empty = await app.inject({ method: 'POST', url: path, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'words=' });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('Выберите ответ');
    const words = '<script>alert(1)</script> Слишком дорого';
    const answered = await app.inject({ method: 'POST', url: path, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams({ reason: price, words }).toString() });
    expect(answered.statusCode).toBe(200);
    expect(answered.body).toContain('Спасибо! Ваш ответ получен.');
    const reasons = (await api('GET', `/customers/${ids.anna}/reasons`)).json().items;
    expect(reasons).toEqual([expect.objectContaining({ kind: 'exit', reason: expect.objectContaining({ name: 'Price' }), via: 'survey', words, recordedBy: null })]);

    const reused = await app.inject({ method: 'POST', url: path, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams({ reason: price }).toString() });
    expect(reused.statusCode).toBe(410);
    expect(reused.body).toContain('уже ответили');
    expect((await api('GET', `/customers/${ids.anna}/reasons`)).json().items).toHaveLength(1);
  });

  it('refuses the code action without consent (making no code) and otherwise emails a single-use code', async () => {
    const refused = await api('POST', `/customers/${ids.boris}/winback`, { action: 'coupon' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('email.no_consent');
    expect(await db().db.selectFrom('coupon_codes').select('id').where('workspace_id', '=', owner.workspaceId).execute()).toHaveLength(0);

    const sent = await api('POST', `/customers/${ids.anna}/winback`, { action: 'coupon' });
    expect(sent.statusCode).toBe(201);
    const code = sent.json().couponCode as string;
    expect(code).toMatch(/^WB/);
    const stored = await db().db.selectFrom('coupon_codes as k').innerJoin('campaigns as c', (j) => j.onRef('c.workspace_id', '=', 'k.workspace_id').onRef('c.id', '=', 'k.campaign_id'))
      .select(['k.code', 'k.max_uses', 'k.valid_from', 'k.valid_until', 'c.name']).where('k.workspace_id', '=', owner.workspaceId).execute();
    expect(stored).toEqual([{ code, max_uses: 1, valid_from: '2026-04-01', valid_until: '2026-05-31', name: 'Win-back' }]);
    expect(await runDueEmails(deps())).toBe(1);
    const mail = smtp.received.at(-1)!;
    expect(mail.text).toContain(code);
    expect(mail.headerLines.find((h) => h.key === 'list-unsubscribe')?.line).toContain(`${PUBLIC_URL}/u/`);
  });
});

describeEachDatabase('survey links', (db) => {
  const clock = fixedClock(new Date('2026-04-01T09:00:00Z'));
  let app: App;
  let owner: Browser;
  let customerId: string;
  const api = (method: 'GET' | 'POST', url: string, payload?: unknown) =>
    app.inject({ method, url: `/api/v1${url}`, headers: as(owner), ...(payload !== undefined && { payload: payload as object }) });
  const newLink = async (kind: 'choose' | 'exit') => new URL((await api('POST', `/customers/${customerId}/surveys`, { kind })).json().link).pathname;

  beforeAll(async () => {
    app = await createTestApp(db(), { clock, config: { publicUrl: PUBLIC_URL } });
    owner = browserFrom(await app.inject({ method: 'POST', url: '/api/v1/setup', payload: setupBody() }));
    customerId = (await api('POST', '/customers', { kind: 'person', name: 'Sam Survey' })).json().id;
  });
  afterAll(async () => {
    await app?.close();
  });

  it('asks in the customer’s language as JSON too, and files words alone under "Other"', async () => {
    const path = await newLink('choose');
    const token = path.slice('/s/'.length);
    const question = await app.inject({ url: `/api/v1/surveys/${token}` });
    expect(question.statusCode).toBe(200);
    expect(question.json()).toMatchObject({ kind: 'choose', locale: 'en', question: 'What made you choose us?', workspaceName: 'Acme Flowers' });
    expect(question.json().options.map((o: { name: string }) => o.name)).toContain('Service');
    const answer = await app.inject({ method: 'POST', url: `/api/v1/surveys/${token}/answer`, payload: { words: 'The staff remember my name' } });
    expect(answer.json()).toEqual({ recorded: 1 });
    const reasons = (await api('GET', `/customers/${customerId}/reasons`)).json().items;
    expect(reasons[0]).toMatchObject({ kind: 'choose', reason: { name: 'Other' }, via: 'survey', words: 'The staff remember my name' });
    expect((await app.inject({ method: 'POST', url: `/api/v1/surveys/${token}/answer`, payload: { words: 'again' } })).statusCode).toBe(410);
  });

  it('turns away expired links and links under another workspace’s id, recording nothing', async () => {
    const before = (await api('GET', `/customers/${customerId}/reasons`)).json().items.length;
    const expired = await newLink('exit');
    await db().db.updateTable('survey_invitations').set({ expires_at: toDbTime(new Date(clock.now().getTime() - 1000)) }).where('customer_id', '=', customerId).where('used_at', 'is', null).execute();
    const page = await app.inject({ url: expired });
    expect(page.statusCode).toBe(410);
    expect(page.body).toContain('This survey link has expired.');
    const fresh = await newLink('exit');
    const forged = fresh.replace(owner.workspaceId, '00000000-0000-7000-8000-000000000000');
    expect((await app.inject({ url: forged })).statusCode).toBe(404);
    expect((await app.inject({ method: 'POST', url: forged, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'words=hi' })).statusCode).toBe(404);
    expect((await api('GET', `/customers/${customerId}/reasons`)).json().items).toHaveLength(before);
  });

  it('shows words it refuses back as text, never as HTML', async () => {
    const path = await newLink('choose');
    const words = `<script>alert(1)</script>${'x'.repeat(2000)}`;
    const refused = await app.inject({ method: 'POST', url: path, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams({ words }).toString() });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('At most 2000 characters, please.');
    expect(refused.body).not.toContain('<script>alert(1)');
    expect(refused.body).toContain('&#60;script&#62;alert(1)&#60;/script&#62;');
    expect((await app.inject({ url: path })).statusCode).toBe(200);
  });

  it('rate-limits a flood of requests from one address', async () => {
    const path = await newLink('choose');
    const statuses: number[] = [];
    for (let i = 0; i < 70; i++) statuses.push((await app.inject({ url: path, remoteAddress: '203.0.113.9' })).statusCode);
    expect(statuses.slice(0, 60).every((s) => s === 200)).toBe(true);
    expect(statuses.slice(60).every((s) => s === 429)).toBe(true);
  });
});
