import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../db/testing.ts';
import { as, useSetUpApp } from '../../server/testing.ts';

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

describeEachDatabase('API keys', (db) => {
  const t = useSetUpApp(db);

  const createKey = async (scope: 'read' | 'read_write') => {
    const response = await t.app.inject({ method: 'POST', url: '/api/v1/api-keys', headers: as(t.owner), payload: { name: `${scope} key`, scope } });
    expect(response.statusCode).toBe(201);
    return response.json() as { id: string; token: string; prefix: string };
  };
  it('shows the secret once and stores only its hash', async () => {
    const key = await createKey('read');
    expect(key.token).toMatch(/^rpk_[A-Za-z0-9_-]{43}$/);
    expect(key.token.startsWith(key.prefix)).toBe(true);
    const list = (await t.app.inject({ url: '/api/v1/api-keys', headers: as(t.owner) })).json();
    expect(JSON.stringify(list)).not.toContain(key.token);
    const stored = await db().db.selectFrom('api_keys').selectAll().where('id', '=', key.id).executeTakeFirstOrThrow();
    expect(JSON.stringify(stored)).not.toContain(key.token);
  });

  it('lets a read key read but not write, without any CSRF token', async () => {
    const key = await createKey('read');
    expect((await t.app.inject({ url: '/api/v1/customers', headers: bearer(key.token) })).statusCode).toBe(200);
    const write = await t.app.inject({ method: 'POST', url: '/api/v1/customers', headers: bearer(key.token), payload: { kind: 'person', name: 'Via API' } });
    expect(write.statusCode).toBe(403);
    expect(write.json().error.code).toBe('auth.read_only_key');
  });

  it('lets a read-write key write, and records when it was last used', async () => {
    const key = await createKey('read_write');
    const write = await t.app.inject({ method: 'POST', url: '/api/v1/customers', headers: bearer(key.token), payload: { kind: 'person', name: 'Via API' } });
    expect(write.statusCode).toBe(201);
    const listed = (await t.app.inject({ url: '/api/v1/api-keys', headers: as(t.owner) })).json().items.find((k: { id: string }) => k.id === key.id);
    expect(listed.lastUsedAt).toBe('2026-01-15T10:00:00.000Z');
  });

  it('does not let a key manage users or keys', async () => {
    const key = await createKey('read_write');
    const users = await t.app.inject({ url: '/api/v1/users', headers: bearer(key.token) });
    expect(users.statusCode).toBe(403);
    expect(users.json().error.code).toBe('auth.session_required');
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/api-keys', headers: bearer(key.token), payload: { name: 'x', scope: 'read' } })).statusCode).toBe(403);
  });

  it('stops working once revoked', async () => {
    const key = await createKey('read');
    expect((await t.app.inject({ method: 'DELETE', url: `/api/v1/api-keys/${key.id}`, headers: as(t.owner) })).statusCode).toBe(200);
    expect((await t.app.inject({ url: '/api/v1/customers', headers: bearer(key.token) })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'DELETE', url: `/api/v1/api-keys/${key.id}`, headers: as(t.owner) })).statusCode).toBe(404);
  });
});
