import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../db/testing.ts';
import { as, newWorkspace, useSetUpApp, type Browser } from '../../server/testing.ts';

const bit = (p: { bits: { key: string; state: string; summary: string | null }[] }, key: string) => p.bits.find((b) => b.key === key)!;

describeEachDatabase('referrals', (db) => {
  const t = useSetUpApp(db);
  let w: Browser;
  const call = (method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers: as(w), ...(payload !== undefined && { payload: payload as object }) });
  const ok = async (method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) => {
    const r = await call(method, url, payload);
    if (r.statusCode >= 300) throw new Error(`${method} ${url}: ${r.statusCode} ${r.body}`);
    return r.json();
  };
  const person = async (name: string) => (await ok('POST', '/customers', { kind: 'person', name })).id as string;

  beforeAll(async () => {
    w = await newWorkspace(t.app, db());
  });

  it('gives a customer a referral code once, and sets a referrer by it (whatever the case)', async () => {
    const olga = await person('Olga Sharer');
    const { referralCode } = await ok('POST', `/customers/${olga}/referral-code`, {});
    expect(referralCode).toMatch(/^OLGA-[A-HJKMNP-Z2-9]{4}$/);
    expect((await ok('POST', `/customers/${olga}/referral-code`, {})).referralCode).toBe(referralCode);
    const pavel = await person('Pavel Friend');
    const set = await ok('PUT', `/customers/${pavel}/referrer`, { referralCode: referralCode.toLowerCase() });
    expect(set.referredBy).toEqual({ id: olga, name: 'Olga Sharer' });
    const unknown = await call('PUT', `/customers/${pavel}/referrer`, { referralCode: 'NOPE-0000' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error).toMatchObject({ code: 'referrals.unknown_code', message: 'No customer shares the referral code "NOPE-0000"' });
    const renewed = (await ok('POST', `/customers/${olga}/referral-code`, { renew: true })).referralCode;
    expect(renewed).not.toBe(referralCode);
    expect((await call('PUT', `/customers/${pavel}/referrer`, { referralCode })).statusCode).toBe(400);
    const history = (await ok('GET', `/customers/${pavel}/history`)).items.map((h: { field: string | null; newValue: string | null }) => [h.field, h.newValue]);
    expect(history).toContainEqual(['referredBy', 'Olga Sharer']);
  });

  it('a purchase carrying a referral code sets who referred the buyer, not their own code', async () => {
    const rita = await person('Rita Code');
    const { referralCode } = await ok('POST', `/customers/${rita}/referral-code`, {});
    const sam = await person('Sam Buyer');
    await ok('POST', `/customers/${sam}/transactions`, { occurredAt: '2025-05-01T10:00:00Z', amountMinor: 1_000, campaign: referralCode });
    expect((await ok('GET', `/customers/${sam}/referrals`)).referredBy).toEqual({ id: rita, name: 'Rita Code' });
    await ok('POST', `/customers/${rita}/transactions`, { occurredAt: '2025-05-02T10:00:00Z', amountMinor: 1_000, campaign: referralCode });
    expect((await ok('GET', `/customers/${rita}/referrals`)).referredBy).toBeNull();
  });

  it('makes an outside introducer a contact with their email, and clears a referrer', async () => {
    const tom = await person('Tom Introduced');
    const set = await ok('PUT', `/customers/${tom}/referrer`, { introducer: { name: 'Una Outsider', email: 'una@example.com', phone: '+44 20 7946 0000' } });
    const una = await ok('GET', `/customers/${set.referredBy.id}`);
    expect(una).toMatchObject({ displayName: 'Una Outsider' });
    expect(una.contacts.map((c: { kind: string; value: string }) => [c.kind, c.value])).toEqual([['email', 'una@example.com'], ['phone', '+44 20 7946 0000']]);
    expect((await ok('PUT', `/customers/${tom}/referrer`, { referrerId: null })).referredBy).toBeNull();
    const both = await call('PUT', `/customers/${tom}/referrer`, { referrerId: set.referredBy.id, referralCode: 'X-1' });
    expect(both.statusCode).toBe(400);
  });

  it('fills in the profile bits where they came from and whom they referred, and counts them in completeness', async () => {
    const [ann, ben] = [await person('Ann Bits'), await person('Ben Bits')];
    const before = await ok('GET', `/customers/${ben}`);
    expect(before.bits.find((b: { key: string }) => b.key === 'referrals')).toMatchObject({ state: 'unknown', action: 'record_referrals' });
    const instagram = ((await ok('GET', '/sources')).items as { id: string; name: string }[]).find((x) => x.name === 'Instagram')!;
    await ok('PUT', `/customers/${ben}/acquisition`, { sourceId: instagram.id });
    await ok('PUT', `/customers/${ben}/referrer`, { referrerId: ann });
    const after = await ok('GET', `/customers/${ben}`);
    expect(bit(after, 'source')).toMatchObject({ state: 'known', summary: 'Online → Instagram' });
    expect(JSON.parse(bit(after, 'referrals').summary!)).toEqual({ referredBy: 'Ann Bits', referred: 0 });
    expect(after.completenessDetail.known).toEqual(expect.arrayContaining(['bit.source', 'bit.referrals']));
    expect(after.completeness).toBeGreaterThan(before.completeness);
    // The referrer's bit is known too: they referred someone.
    expect(JSON.parse(bit(await ok('GET', `/customers/${ann}`), 'referrals').summary!)).toEqual({ referredBy: null, referred: 1 });
    const listed = (await ok('GET', `/customers?q=${encodeURIComponent('Ann Bits')}`)).items[0];
    expect(listed.completeness).toBe((await ok('GET', `/customers/${ann}`)).completeness);
  });

  it('a merge moves whom the duplicate referred to the survivor, and never leaves a loop', async () => {
    // dup referred x, x referred survivor: folding dup into survivor would make survivor → x → survivor.
    const [survivor, dup, x, y] = [await person('Vera Keep'), await person('Vera Dup'), await person('Xavi Mid'), await person('Yuri Other')];
    await ok('PUT', `/customers/${x}/referrer`, { referrerId: dup });
    await ok('PUT', `/customers/${survivor}/referrer`, { referrerId: x });
    await ok('PUT', `/customers/${y}/referrer`, { referrerId: dup });
    const [s, d] = [await ok('GET', `/customers/${survivor}`), await ok('GET', `/customers/${dup}`)];
    await ok('POST', `/customers/${survivor}/merge`, { otherId: dup, version: s.version, otherVersion: d.version, take: {} });
    const mine = await ok('GET', `/customers/${survivor}/referrals`);
    expect(mine.referredBy).toBeNull();
    expect(mine.referred.map((n: { name: string }) => n.name).toSorted()).toEqual(['Xavi Mid', 'Yuri Other']);
    expect((await ok('GET', `/customers/${x}/referrals`)).referredBy).toEqual({ id: survivor, name: 'Vera Keep' });
  });
});
