import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../db/testing.ts';
import { as, useSetUpApp } from './testing.ts';

describeEachDatabase('HTTP errors keep one shape', (db, dialect) => {
  const t = useSetUpApp(db);

  it('answers an unknown API route with 404 route.not_found', async () => {
    const response = await t.app.inject({ url: '/api/v1/nothing-here?x=1', headers: as(t.owner) });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({ error: { code: 'route.not_found', message: 'No such endpoint: GET /api/v1/nothing-here' } });
    expect((await t.app.inject({ method: 'DELETE', url: '/api/v1/customers' })).json().error.code).toBe('route.not_found');
  });

  it('answers malformed JSON with 400 request.malformed_json', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"email": "a@b.c", ',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('request.malformed_json');
  });

  it('answers an oversized body with 413 request.too_large', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/customers',
      headers: { ...as(t.owner), 'content-type': 'application/json' },
      payload: JSON.stringify({ kind: 'person', name: 'x'.repeat(2 * 1024 * 1024) }),
    });
    expect(response.statusCode).toBe(413);
    expect(response.json().error.code).toBe('request.too_large');
  });

  it('refuses form posts (no cross-site form can reach a JSON endpoint)', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'email=a%40b.c&password=x',
    });
    expect(response.statusCode).toBe(415);
    expect(response.json().error.code).toBe('request.unsupported_media_type');
  });

  it('names each invalid field of a request body', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/v1/customers', headers: as(t.owner), payload: { kind: 'robot', birthday: '2024-02-31' } });
    expect(response.statusCode).toBe(400);
    const { code, details } = response.json().error;
    expect(code).toBe('request.invalid');
    expect(details.fields.map((f: { path: string; code: string }) => `${f.path}:${f.code}`).toSorted()).toEqual(['birthday:invalid_date', 'kind:invalid_value']);
  });

  it('returns a request id on every response', async () => {
    const response = await t.app.inject({ url: '/healthz', headers: { 'x-request-id': 'trace-123' } });
    expect(response.headers['x-request-id']).toBe('trace-123');
    const generated = await t.app.inject({ url: '/healthz' });
    expect(generated.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('reports database status on /healthz', async () => {
    const response = await t.app.inject({ url: '/healthz' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ status: 'ok', database: { ok: true } });
  });

  it('hides internal failures behind internal.error with no stack trace', async () => {
    await sql`drop table customers ${sql.raw(dialect === 'postgres' ? 'cascade' : '')}`.execute(db().db);
    const response = await t.app.inject({ url: '/api/v1/customers', headers: as(t.owner) });
    expect(response.statusCode).toBe(500);
    const body = response.json();
    expect(body.error.code).toBe('internal.error');
    expect(body.error.message).toBe('Something went wrong on our side');
    expect(body.error.details.requestId).toBe(response.headers['x-request-id']);
    expect(response.body).not.toMatch(/customers|sqlite|relation|at \w+ \(/i);
  });
});
