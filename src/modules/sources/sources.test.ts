import { beforeAll, expect, it } from 'vitest';
import { DEFAULT_SOURCES } from '../../contracts/sources.ts';
import { describeEachDatabase } from '../../db/testing.ts';
import { as, newWorkspace, useSetUpApp, type Browser } from '../../server/testing.ts';

describeEachDatabase('acquisition sources', (db) => {
  const t = useSetUpApp(db);
  let ru: Browser;
  beforeAll(async () => {
    ru = await newWorkspace(t.app, db(), { locale: 'ru', workspaceName: 'Русская лавка' });
  });
  const api = (method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, payload?: unknown, who = t.owner) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers: as(who), ...(payload !== undefined && { payload: payload as object }) });
  const person = async (name: string) => (await api('POST', '/customers', { kind: 'person', name })).json().id as string;
  const sources = async () => (await api('GET', '/sources')).json().items as { id: string; channel: string; name: string; customers: number }[];
  const byName = async (name: string) => (await sources()).find((s) => s.name === name)!;

  it('starts a workspace with the default set in its language, two levels', async () => {
    const expected = DEFAULT_SOURCES.reduce((n, g) => n + g.sources.length, 0);
    const en = await sources();
    expect(en).toHaveLength(expected);
    expect(en.find((s) => s.name === 'Friend or family')).toMatchObject({ channel: 'Referral', customers: 0 });
    expect(en.find((s) => s.name === 'Street sign')).toMatchObject({ channel: 'Offline' });
    const russian = (await t.app.inject({ url: '/api/v1/sources', headers: as(ru) })).json().items;
    expect(russian).toHaveLength(expected);
    expect(russian.find((s: { name: string }) => s.name === 'Вывеска')).toMatchObject({ channel: 'Офлайн' });
  });

  it('leaves a new customer unknown, sets a source and date, and writes both to history', async () => {
    const id = await person('Anna Acquired');
    expect((await api('GET', `/customers/${id}/acquisition`)).json()).toEqual({ source: null, acquiredOn: null, campaign: null });
    const instagram = await byName('Instagram');
    const set = await api('PUT', `/customers/${id}/acquisition`, { sourceId: instagram.id, acquiredOn: '2026-03-14' });
    expect(set.statusCode).toBe(200);
    expect(set.json()).toEqual({ source: { id: instagram.id, channel: 'Online', name: 'Instagram' }, acquiredOn: '2026-03-14', campaign: null });
    expect((await byName('Instagram')).customers).toBe(1);
    const history = (await api('GET', `/customers/${id}/history`)).json().items as { field: string | null; oldValue: string | null; newValue: string | null }[];
    expect(history).toEqual(expect.arrayContaining([
      expect.objectContaining({ field: 'source', oldValue: null, newValue: 'Online → Instagram' }),
      expect.objectContaining({ field: 'acquiredOn', oldValue: null, newValue: '2026-03-14' }),
    ]));
    // Back to unknown; the date stays when it is not given.
    expect((await api('PUT', `/customers/${id}/acquisition`, { sourceId: null })).json()).toEqual({ source: null, acquiredOn: '2026-03-14', campaign: null });
  });

  it('sets many customers at once, counting only those that changed', async () => {
    const ids = [await person('Bulk One'), await person('Bulk Two'), await person('Bulk Three')];
    const flyer = await byName('Flyer');
    expect((await api('POST', '/customers/bulk/acquisition', { customerIds: ids.slice(0, 1), sourceId: flyer.id })).json()).toEqual({ updated: 1 });
    expect((await api('POST', '/customers/bulk/acquisition', { customerIds: ids, sourceId: flyer.id })).json()).toEqual({ updated: 2 });
    expect((await byName('Flyer')).customers).toBe(3);
    const unknown = await api('POST', '/customers/bulk/acquisition', { customerIds: [...ids, 'no-such-customer'], sourceId: flyer.id });
    expect(unknown.statusCode).toBe(404);
    const badSource = await api('POST', '/customers/bulk/acquisition', { customerIds: ids, sourceId: 'no-such-source' });
    expect(badSource.statusCode).toBe(400);
    expect(badSource.json().error.message).toContain('no-such-source');
  });

  it('adds, renames and refuses a duplicate name within a channel', async () => {
    const created = await api('POST', '/sources', { channel: 'Event', name: 'Trade fair 2026' });
    expect(created.statusCode).toBe(201);
    expect((await api('POST', '/sources', { channel: 'event', name: 'TRADE FAIR 2026' })).statusCode).toBe(409);
    // The same name in another channel is another source.
    expect((await api('POST', '/sources', { channel: 'Online', name: 'Trade fair 2026' })).statusCode).toBe(201);
    const renamed = await api('PATCH', `/sources/${created.json().id}`, { name: 'Spring trade fair 2026' });
    expect(renamed.json()).toEqual({ id: created.json().id, channel: 'Event', name: 'Spring trade fair 2026' });
  });

  it('asks which source takes the customers of one being deleted, then moves them', async () => {
    const radio = await byName('Radio');
    const print = await byName('Print ad');
    const ids = [await person('Radio One'), await person('Radio Two')];
    await api('POST', '/customers/bulk/acquisition', { customerIds: ids, sourceId: radio.id });
    const refused = await api('DELETE', `/sources/${radio.id}`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({ code: 'sources.in_use' });
    expect(refused.json().error.message).toContain('2 customers came from "Offline → Radio"');
    expect((await api('DELETE', `/sources/${radio.id}?moveTo=${radio.id}`)).statusCode).toBe(400);
    const moved = await api('DELETE', `/sources/${radio.id}?moveTo=${print.id}`);
    expect(moved.json()).toEqual({ moved: 2 });
    expect((await sources()).some((s) => s.id === radio.id)).toBe(false);
    expect((await byName('Print ad')).customers).toBe(2);
    expect((await api('GET', `/customers/${ids[0]}/acquisition`)).json().source.name).toBe('Print ad');
    // One no one came from goes without asking.
    expect((await api('DELETE', `/sources/${(await byName('Workshop')).id}`)).json()).toEqual({ moved: 0 });
  });

  it('merges a source into another', async () => {
    const fb = await byName('Facebook');
    const ad = await byName('Online ad');
    const id = await person('Merged Source');
    await api('PUT', `/customers/${id}/acquisition`, { sourceId: fb.id, acquiredOn: '2026-05-01' });
    expect((await api('POST', `/sources/${fb.id}/merge`, { intoId: ad.id })).json()).toEqual({ moved: 1 });
    expect((await api('GET', `/customers/${id}/acquisition`)).json()).toEqual({ source: { id: ad.id, channel: 'Online', name: 'Online ad' }, acquiredOn: '2026-05-01', campaign: null });
  });

  it('keeps the source of the duplicate when the survivor has none, on a merge', async () => {
    const survivor = await person('Merge Survivor');
    const other = await person('Merge Other');
    const sign = await byName('Street sign');
    await api('PUT', `/customers/${other}/acquisition`, { sourceId: sign.id, acquiredOn: '2025-11-02' });
    const versions = await Promise.all([survivor, other].map(async (id) => (await api('GET', `/customers/${id}`)).json().version as number));
    const merged = await api('POST', `/customers/${survivor}/merge`, { otherId: other, version: versions[0], otherVersion: versions[1] });
    expect(merged.statusCode).toBe(200);
    expect((await api('GET', `/customers/${survivor}/acquisition`)).json()).toEqual({ source: { id: sign.id, channel: 'Offline', name: 'Street sign' }, acquiredOn: '2025-11-02', campaign: null });
    expect((await byName('Street sign')).customers).toBe(1);
  });

  it('refuses a date that is not a date', async () => {
    const id = await person('Bad Date');
    const response = await api('PUT', `/customers/${id}/acquisition`, { sourceId: null, acquiredOn: '14.03.2026' });
    expect(response.statusCode).toBe(400);
  });
});
