import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../db/testing.ts';
import { addUser, as, signIn, TEST_PASSWORD, useSetUpApp, type Browser } from '../../server/testing.ts';

describeEachDatabase('users and roles', (db) => {
  const t = useSetUpApp(db, { locale: 'ru' });

  const createCustomer = (who: Browser) =>
    t.app.inject({ method: 'POST', url: '/api/v1/customers', headers: as(who), payload: { kind: 'organisation', name: 'ООО Ромашка' } });

  it('lets a viewer read customers but not write them', async () => {
    const viewer = await addUser(t.app, t.owner, 'viewer');
    expect((await t.app.inject({ url: '/api/v1/customers', headers: as(viewer) })).statusCode).toBe(200);
    const write = await createCustomer(viewer);
    expect(write.statusCode).toBe(403);
    expect(write.json().error.code).toBe('auth.forbidden');
  });

  it('lets a member write customers but not manage users, keys or the workspace', async () => {
    const member = await addUser(t.app, t.owner, 'member');
    expect((await createCustomer(member)).statusCode).toBe(201);
    expect((await t.app.inject({ url: '/api/v1/users', headers: as(member) })).statusCode).toBe(403);
    expect((await t.app.inject({ url: '/api/v1/api-keys', headers: as(member) })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'PATCH', url: '/api/v1/workspace', headers: as(member), payload: { name: 'Mine' } })).statusCode).toBe(403);
  });

  it('gives new users the workspace language unless told otherwise', async () => {
    const member = await addUser(t.app, t.owner, 'member');
    const me = await t.app.inject({ url: '/api/v1/me', headers: as(member) });
    expect(me.json().locale).toBe('ru');
  });

  it('lets an admin add members but not owners', async () => {
    const admin = await addUser(t.app, t.owner, 'admin');
    const payload = { name: 'New Owner', email: 'would-be-owner@example.com', role: 'owner', password: TEST_PASSWORD };
    const response = await t.app.inject({ method: 'POST', url: '/api/v1/users', headers: as(admin), payload });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('users.owner_only');
    expect((await addUser(t.app, admin, 'member')).userId).toBeTruthy();
  });

  it('refuses a duplicate email with a field error', async () => {
    const payload = { name: 'Twin', email: 'twin@example.com', role: 'member', password: TEST_PASSWORD };
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/users', headers: as(t.owner), payload })).statusCode).toBe(201);
    const again = await t.app.inject({ method: 'POST', url: '/api/v1/users', headers: as(t.owner), payload: { ...payload, email: 'TWIN@example.com' } });
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({ code: 'users.email_taken', details: { fields: [{ path: 'email', code: 'taken' }] } });
  });

  it('never lets the last owner be demoted or disabled', async () => {
    const demote = await t.app.inject({ method: 'PATCH', url: `/api/v1/users/${t.owner.userId}`, headers: as(t.owner), payload: { role: 'admin' } });
    expect(demote.statusCode).toBe(409);
    expect(demote.json().error.code).toBe('users.last_owner');
    const disable = await t.app.inject({ method: 'PATCH', url: `/api/v1/users/${t.owner.userId}`, headers: as(t.owner), payload: { disabled: true } });
    expect(disable.statusCode).toBe(409);
  });

  it('ends the sessions of a disabled user and refuses their sign-in', async () => {
    const member = await addUser(t.app, t.owner, 'member');
    const disable = await t.app.inject({ method: 'PATCH', url: `/api/v1/users/${member.userId}`, headers: as(t.owner), payload: { disabled: true } });
    expect(disable.json()).toMatchObject({ disabled: true });
    expect((await t.app.inject({ url: '/api/v1/me', headers: as(member) })).statusCode).toBe(401);
    const login = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: member.email, password: TEST_PASSWORD } });
    expect(login.json().error.code).toBe('auth.invalid_credentials');
    await t.app.inject({ method: 'PATCH', url: `/api/v1/users/${member.userId}`, headers: as(t.owner), payload: { disabled: false } });
    expect((await signIn(t.app, member.email)).userId).toBe(member.userId);
  });

  it("remembers each user's language", async () => {
    const member = await addUser(t.app, t.owner, 'member');
    const patch = await t.app.inject({ method: 'PATCH', url: '/api/v1/me', headers: as(member), payload: { locale: 'en' } });
    expect(patch.json().locale).toBe('en');
    const again = await signIn(t.app, member.email);
    expect((await t.app.inject({ url: '/api/v1/auth/session', headers: as(again) })).json().user.locale).toBe('en');
    const bad = await t.app.inject({ method: 'PATCH', url: '/api/v1/me', headers: as(member), payload: { locale: 'xx' } });
    expect(bad.json().error.details.fields[0]).toMatchObject({ path: 'locale', code: 'invalid_value' });
  });

  it('changes a password only with the current one, and signs out other sessions', async () => {
    const member = await addUser(t.app, t.owner, 'member');
    const other = await signIn(t.app, member.email);
    const wrong = await t.app.inject({ method: 'POST', url: '/api/v1/me/password', headers: as(member), payload: { currentPassword: 'nope', newPassword: 'a brand new passphrase' } });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.details.fields[0]).toMatchObject({ path: 'currentPassword', code: 'wrong_password' });
    const ok = await t.app.inject({ method: 'POST', url: '/api/v1/me/password', headers: as(member), payload: { currentPassword: TEST_PASSWORD, newPassword: 'a brand new passphrase' } });
    expect(ok.statusCode).toBe(200);
    expect((await t.app.inject({ url: '/api/v1/me', headers: as(member) })).statusCode).toBe(200);
    expect((await t.app.inject({ url: '/api/v1/me', headers: as(other) })).statusCode).toBe(401);
    expect((await signIn(t.app, member.email, 'a brand new passphrase')).userId).toBe(member.userId);
  });

  it('lets the owner change the workspace settings, validated', async () => {
    const ok = await t.app.inject({ method: 'PATCH', url: '/api/v1/workspace', headers: as(t.owner), payload: { baseCurrency: 'rub', timeZone: 'Europe/Moscow' } });
    expect(ok.json()).toMatchObject({ baseCurrency: 'RUB', timeZone: 'Europe/Moscow' });
    const bad = await t.app.inject({ method: 'PATCH', url: '/api/v1/workspace', headers: as(t.owner), payload: { baseCurrency: 'RUR' } });
    expect(bad.json().error.details.fields[0]).toMatchObject({ path: 'baseCurrency', code: 'unknown_currency' });
  });
});
