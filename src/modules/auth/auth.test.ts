import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachDatabase } from '../../db/testing.ts';
import { fixedClock } from '../../shared/clock.ts';
import { as, browserFrom, createTestApp, setupBody, signIn, TEST_PASSWORD } from '../../server/testing.ts';
import type { App } from '../../server/types.ts';
import { MAX_FAILURES_PER_ACCOUNT, THROTTLE_WINDOW_MS } from './login-throttle.ts';
import { SESSION_TTL_MS } from './sessions.usecases.ts';

describeEachDatabase('setup and sign-in', (db) => {
  const clock = fixedClock(new Date('2026-03-01T09:00:00Z'));
  let app: App;
  const owner = setupBody({ email: 'Owner@Example.com' });

  beforeAll(async () => {
    app = await createTestApp(db(), { clock });
  });
  afterAll(async () => {
    await app.close();
  });

  it('reports that setup is needed on an empty installation', async () => {
    const response = await app.inject({ url: '/api/v1/setup' });
    expect(response.json()).toEqual({ needsSetup: true });
  });

  it('refuses an invalid setup form field by field', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/setup',
      payload: { ...owner, email: 'not-an-email', password: 'short', baseCurrency: 'XYZ', timeZone: 'Mars/Base' },
    });
    expect(response.statusCode).toBe(400);
    const fields = response.json().error.details.fields as { path: string; code: string }[];
    expect(Object.fromEntries(fields.map((f) => [f.path, f.code]))).toEqual({
      email: 'invalid_email',
      password: 'too_small',
      baseCurrency: 'unknown_currency',
      timeZone: 'unknown_time_zone',
    });
  });

  it('creates the workspace and signs the owner in with a safe cookie', async () => {
    const response = await app.inject({ method: 'POST', url: '/api/v1/setup', payload: owner });
    expect(response.statusCode).toBe(201);
    const body = response.json();
    expect(body.user).toMatchObject({ email: 'owner@example.com', role: 'owner', name: 'Ann Owner' });
    expect(body.workspace).toMatchObject({ name: 'Acme Flowers', baseCurrency: 'EUR', timeZone: 'Europe/Berlin' });
    const cookie = response.cookies.find((c) => c.name === 'rapport_session')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(cookie.secure).toBeUndefined();
    expect(new Date(cookie.expires!).getTime()).toBe(clock.now().getTime() + SESSION_TTL_MS);
  });

  it('refuses a second setup with 409', async () => {
    const response = await app.inject({ method: 'POST', url: '/api/v1/setup', payload: setupBody() });
    expect(response.statusCode).toBe(409);
    expect(response.json().error.code).toBe('setup.already_done');
    expect((await app.inject({ url: '/api/v1/setup' })).json()).toEqual({ needsSetup: false });
  });

  it('stores the password as an argon2id hash, never in clear', async () => {
    const row = await db().db.selectFrom('users').select('password_hash').where('email', '=', 'owner@example.com').executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(row.password_hash).not.toContain(TEST_PASSWORD);
  });

  it('gives the same answer for a wrong password and an unknown account', async () => {
    const wrong = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: owner.email, password: 'wrong password!' } });
    const unknown = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'nobody@example.com', password: 'wrong password!' } });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
    expect(wrong.json().error.code).toBe('auth.invalid_credentials');
  });

  it('signs in case-insensitively by email and returns the session', async () => {
    const browser = await signIn(app, 'OWNER@example.com');
    const session = await app.inject({ url: '/api/v1/auth/session', headers: { cookie: browser.cookie } });
    expect(session.statusCode).toBe(200);
    expect(session.json().csrfToken).toBe(browser.csrf);
  });

  it('stores only a hash of the session token', async () => {
    const browser = await signIn(app, owner.email);
    const token = browser.cookie.split('=')[1]!;
    const ids = (await db().db.selectFrom('sessions').select('id').execute()).map((r) => r.id);
    expect(ids).not.toContain(token);
    expect(ids.every((id) => /^[0-9a-f]{64}$/.test(id))).toBe(true);
  });

  it('keeps the session across a server restart', async () => {
    const browser = await signIn(app, owner.email);
    const restarted = await createTestApp(db(), { clock });
    try {
      const response = await restarted.inject({ url: '/api/v1/auth/session', headers: { cookie: browser.cookie } });
      expect(response.statusCode).toBe(200);
      expect(response.json().user.email).toBe('owner@example.com');
    } finally {
      await restarted.close();
    }
  });

  it('refuses a cookie-authenticated write without the CSRF token', async () => {
    const browser = await signIn(app, owner.email);
    const payload = { kind: 'person', name: 'Bob' };
    const noToken = await app.inject({ method: 'POST', url: '/api/v1/customers', headers: { cookie: browser.cookie }, payload });
    expect(noToken.statusCode).toBe(403);
    expect(noToken.json().error.code).toBe('auth.csrf_failed');
    const badToken = await app.inject({ method: 'POST', url: '/api/v1/customers', headers: { cookie: browser.cookie, 'x-csrf-token': 'x'.repeat(32) }, payload });
    expect(badToken.statusCode).toBe(403);
    const ok = await app.inject({ method: 'POST', url: '/api/v1/customers', headers: as(browser), payload });
    expect(ok.statusCode).toBe(201);
  });

  it('ends the session on sign-out', async () => {
    const browser = await signIn(app, owner.email);
    const out = await app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: as(browser) });
    expect(out.statusCode).toBe(200);
    expect(out.cookies.find((c) => c.name === 'rapport_session')?.value).toBe('');
    const after = await app.inject({ url: '/api/v1/auth/session', headers: { cookie: browser.cookie } });
    expect(after.statusCode).toBe(401);
  });

  it('expires an idle session after its lifetime', async () => {
    const browser = await signIn(app, owner.email);
    clock.advance(SESSION_TTL_MS + 1000);
    const response = await app.inject({ url: '/api/v1/auth/session', headers: { cookie: browser.cookie } });
    expect(response.statusCode).toBe(401);
    expect(response.json().error.code).toBe('auth.unauthenticated');
  });

  it('slides the expiry of a session in use', async () => {
    const browser = await signIn(app, owner.email);
    clock.advance(SESSION_TTL_MS - 60 * 60 * 1000); // one hour before expiry
    expect((await app.inject({ url: '/api/v1/auth/session', headers: { cookie: browser.cookie } })).statusCode).toBe(200);
    clock.advance(2 * 60 * 60 * 1000); // past the original expiry
    expect((await app.inject({ url: '/api/v1/auth/session', headers: { cookie: browser.cookie } })).statusCode).toBe(200);
  });
});

describeEachDatabase('sign-in throttling', (db) => {
  const clock = fixedClock(new Date('2026-03-01T09:00:00Z'));
  let app: App;
  const owner = setupBody();

  beforeAll(async () => {
    app = await createTestApp(db(), { clock });
    await app.inject({ method: 'POST', url: '/api/v1/setup', payload: owner });
  });
  afterAll(async () => {
    await app.close();
  });

  const attempt = (password: string, ip = '203.0.113.7', email = owner.email!) =>
    app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password }, remoteAddress: ip });

  it('locks an account after repeated failures, even for the right password, until the window passes', async () => {
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++) expect((await attempt('wrong password', `198.51.100.${i}`)).statusCode).toBe(401);
    const locked = await attempt(TEST_PASSWORD, '198.51.100.200');
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error.code).toBe('auth.rate_limited');
    expect(Number(locked.headers['retry-after'])).toBe(THROTTLE_WINDOW_MS / 1000);
    clock.advance(THROTTLE_WINDOW_MS);
    expect((await attempt(TEST_PASSWORD, '198.51.100.200')).statusCode).toBe(200);
  });

  it('limits one address spraying many accounts', async () => {
    let last = 0;
    for (let i = 0; i < 60 && last !== 429; i++) last = (await attempt('wrong password', '192.0.2.50', `spray${i}@example.com`)).statusCode;
    expect(last).toBe(429);
    // another address is not affected
    expect((await attempt(TEST_PASSWORD, '192.0.2.51')).statusCode).toBe(200);
  });
});

describe('cookie flags behind https', () => {
  it('marks the cookie Secure when the request came over https through a trusted proxy', async () => {
    const { createTestDatabase } = await import('../../db/testing.ts');
    const test = await createTestDatabase('sqlite');
    const app = await createTestApp(test.database, { config: { trustProxy: true } });
    try {
      const response = await app.inject({ method: 'POST', url: '/api/v1/setup', payload: setupBody(), headers: { 'x-forwarded-proto': 'https' } });
      expect(browserFrom(response).cookie).toMatch(/^rapport_session=/);
      expect(response.cookies.find((c) => c.name === 'rapport_session')?.secure).toBe(true);
    } finally {
      await app.close();
      await test.drop();
    }
  });
});
