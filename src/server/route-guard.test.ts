import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../db/testing.ts';
import { createTestApp, setupBody } from './testing.ts';
import type { App } from './types.ts';

/**
 * The routes anyone may call without signing in. Adding a route to this list is a
 * security decision: everything else must answer 401 to an anonymous caller.
 */
const PUBLIC_ROUTES = new Set([
  'GET /healthz',
  'GET /api/v1/setup',
  'POST /api/v1/setup',
  'POST /api/v1/auth/login',
  'GET /api/openapi.json',
  'GET /u/:token', // unsubscribe page linked from marketing emails (tokenized, rate-limited)
  'POST /u/:token',
  'GET /s/:token', // one-question survey page linked from emails (tokenized, single use, expiring, rate-limited)
  'POST /s/:token',
  'GET /api/v1/surveys/:token', // the same survey as JSON
  'POST /api/v1/surveys/:token/answer',
  'GET /calendar/:token', // a user's follow-ups as an iCalendar feed (secret URL, resettable, rate-limited)
  'GET /*', // the web app's static files and index.html
]);
const isPublic = (method: string, url: string) =>
  PUBLIC_ROUTES.has(`${method === 'HEAD' ? 'GET' : method} ${url}`) || url === '/api/docs' || url.startsWith('/api/docs/');

/** A concrete URL for a route pattern (`/users/:userId` → `/users/x`). */
function concrete(url: string): string {
  return url.replace(/:[A-Za-z]+/g, '00000000-0000-7000-8000-000000000000').replace(/\*$/, 'anything');
}

describeEachDatabase('every route needs authentication unless allow-listed', (db) => {
  let app: App;
  beforeAll(async () => {
    app = await createTestApp(db());
    // A workspace exists, so an anonymous caller has something to reach.
    await app.inject({ method: 'POST', url: '/api/v1/setup', payload: setupBody() });
  });
  afterAll(async () => {
    await app.close();
  });

  it('finds the API routes to check', () => {
    const api = app.routeTable.filter((r) => r.url.startsWith('/api/v1/'));
    expect(api.length).toBeGreaterThanOrEqual(15);
  });

  it('declares public access on exactly the allow-listed routes', () => {
    const declaredPublic = app.routeTable.filter((r) => r.access === 'public' && r.method !== 'HEAD');
    const unexpected = declaredPublic.filter((r) => !isPublic(r.method, r.url)).map((r) => `${r.method} ${r.url}`);
    expect(unexpected).toEqual([]);
    expect(app.routeTable.filter((r) => r.access === undefined)).toEqual([]);
  });

  it('answers 401 to an anonymous caller on every non-public route', async () => {
    const leaks: string[] = [];
    for (const { method, url } of app.routeTable) {
      if (isPublic(method, url) || method === 'OPTIONS') continue;
      const response = await app.inject({ method: method as 'GET', url: concrete(url), payload: method === 'GET' || method === 'HEAD' || method === 'DELETE' ? undefined : {} });
      if (response.statusCode !== 401) leaks.push(`${method} ${url} → ${response.statusCode}`);
    }
    expect(leaks).toEqual([]);
  });

  it('answers 401 to a forged session cookie and a forged API key', async () => {
    const forgedCookie = await app.inject({ url: '/api/v1/customers', headers: { cookie: 'rapport_session=forged' } });
    const forgedKey = await app.inject({ url: '/api/v1/customers', headers: { authorization: 'Bearer rpk_forged' } });
    const notBearer = await app.inject({ url: '/api/v1/customers', headers: { authorization: 'Basic YTpi' } });
    expect([forgedCookie.statusCode, forgedKey.statusCode, notBearer.statusCode]).toEqual([401, 401, 401]);
    expect(forgedCookie.json()).toEqual({ error: { code: 'auth.unauthenticated', message: 'Sign in to continue' } });
  });
});
