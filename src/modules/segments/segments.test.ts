import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Segment } from '../../contracts/segments.ts';
import { describeEachDatabase } from '../../db/testing.ts';
import { addUser, as, browserFrom, createTestApp, newWorkspace, setupBody, signIn, type Browser } from '../../server/testing.ts';
import type { App } from '../../server/types.ts';
import { fixedClock } from '../../shared/clock.ts';

/** Saved segments through the API: dynamic ones follow the data, snapshots keep their members. */
const START = new Date('2027-03-15T10:00:00Z');
const DAY = 86_400_000;

interface Person { key: string; tier: 'gold' | 'silver' | 'other' | null; revenue: number; deleted?: boolean }

describeEachDatabase('segments', (db) => {
  const clock = fixedClock(START);
  let app: App;
  let owner: Browser;
  let ownerEmail: string;
  const ids: Record<string, string> = {};
  // 10 gold, 6 silver, 3 other, 1 without metrics, and a deleted gold customer with a lot of revenue.
  const people: Person[] = [
    ...Array.from({ length: 10 }, (_, i): Person => ({ key: `g${i}`, tier: 'gold', revenue: 100_000 + i * 1_000 })),
    ...Array.from({ length: 6 }, (_, i): Person => ({ key: `s${i}`, tier: 'silver', revenue: 20_000 + i * 500 })),
    ...Array.from({ length: 3 }, (_, i): Person => ({ key: `o${i}`, tier: 'other', revenue: 1_000 * i })),
    { key: 'none', tier: null, revenue: 0 },
    { key: 'gone', tier: 'gold', revenue: 5_000_000, deleted: true },
  ];
  const live = () => people.filter((p) => !p.deleted);
  const sum = (ps: Person[]) => ps.reduce((n, p) => n + p.revenue, 0);
  const golds = () => live().filter((p) => p.tier === 'gold');
  const request = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object, who: Browser = owner) =>
    app.inject({ method, url: `/api/v1${url}`, headers: as(who), ...(payload && { payload }) });
  const setTier = async (key: string, tier: Person['tier'], revenue?: number) => {
    const p = people.find((x) => x.key === key)!;
    p.tier = tier;
    if (revenue !== undefined) p.revenue = revenue;
    await db().db.updateTable('customer_metrics').set({ tier, revenue_365: p.revenue }).where('customer_id', '=', ids[key]!).execute();
  };
  let dynamic: Segment;
  let snapshot: Segment;
  let frozenMembers: string[];

  beforeAll(async () => {
    app = await createTestApp(db(), { clock });
    const setup = setupBody();
    ownerEmail = setup.email;
    owner = browserFrom(await app.inject({ method: 'POST', url: '/api/v1/setup', payload: setup }));
    for (const p of people) {
      const response = await request('POST', '/customers', { kind: 'person', firstName: 'Customer', lastName: p.key });
      if (response.statusCode !== 201) throw new Error(response.body);
      ids[p.key] = response.json().id;
      if (p.tier) {
        await db().db.insertInto('customer_metrics').values({
          workspace_id: owner.workspaceId, customer_id: ids[p.key]!, computed_at: START.toISOString(), revenue_30: 0, revenue_90: 0, revenue_365: p.revenue, revenue_lifetime: p.revenue,
          revenue_prior_365: 0, purchases: 1, tier: p.tier, tier_value: p.revenue, clv: null, lapse_state: 'active', lapse_gap_days: 30, lapse_gap_source: 'own', last_purchase_at: START.toISOString(), days_since_last: 0,
        } as never).execute();
      }
      if (p.deleted) await db().db.updateTable('customers').set({ deleted_at: START.toISOString() }).where('id', '=', ids[p.key]!).execute();
    }
  });
  afterAll(async () => {
    await app?.close();
  });

  it('creates a dynamic segment (201), writes its filter back plainly, and measures it', async () => {
    const response = await request('POST', '/segments', { name: 'Gold', filter: '  TIER=gold   and not  lost = yes ', description: 'Our best' });
    expect(response.statusCode, response.body).toBe(201);
    dynamic = response.json();
    expect(dynamic).toMatchObject({ name: 'Gold', description: 'Our best', kind: 'dynamic', filter: 'TIER = gold and not lost = yes', frozenAt: null, customers: 10, holdout: 0, change: null });
    expect(dynamic.revenue365).toBe(sum(golds()));
    expect(dynamic.revenueShare).toBeCloseTo(sum(golds()) / sum(live()), 10);
  });

  it('refuses a second segment whose name differs only in case or accents (409)', async () => {
    for (const name of ['gold', 'GÖLD', ' Gold ']) {
      const response = await request('POST', '/segments', { name, filter: 'tier = silver' });
      expect(response.statusCode, name).toBe(409);
      expect(response.json().error.code).toBe('segments.name_taken');
    }
  });

  it('freezes a snapshot with a holdout of round(0.2 · N)', async () => {
    const response = await request('POST', '/segments', { name: 'Gold on 15 March', filter: 'tier = gold', kind: 'snapshot', holdoutShare: 0.2 });
    expect(response.statusCode, response.body).toBe(201);
    snapshot = response.json();
    const n = golds().length;
    expect(snapshot).toMatchObject({ kind: 'snapshot', frozenAt: START.toISOString(), customers: n, holdout: Math.round(0.2 * n), revenue365: sum(golds()), change: null });
    const members = await db().db.selectFrom('segment_members').select(['customer_id', 'holdout']).where('segment_id', '=', snapshot.id).execute();
    frozenMembers = members.map((m) => m.customer_id).toSorted();
    expect(frozenMembers).toEqual(golds().map((p) => ids[p.key]!).toSorted());
    expect(members.filter((m) => Number(m.holdout) === 1)).toHaveLength(Math.round(0.2 * n));
    // A snapshot of 7 keeps back round(1.4) = 1; of 3 with 0.5, round(1.5) = 2.
    const seven = (await request('POST', '/segments', { name: 'Seven', filter: 'tier = gold and not (name contains g0 or name contains g1 or name contains g2)', kind: 'snapshot', holdoutShare: 0.2 })).json();
    expect(seven).toMatchObject({ customers: 7, holdout: 1 });
    const three = (await request('POST', '/segments', { name: 'Three', filter: 'tier = other', kind: 'snapshot', holdoutShare: 0.5 })).json();
    expect(three).toMatchObject({ customers: 3, holdout: 2 });
    for (const s of [seven, three]) expect((await request('DELETE', `/segments/${s.id}`)).statusCode).toBe(200);
  });

  it('lets the dynamic segment follow the data while the snapshot keeps its members', async () => {
    await setTier('g0', 'silver');
    await setTier('g1', 'silver');
    await setTier('g2', 'other');
    await setTier('s0', 'gold');
    await setTier('s1', 'gold');
    const list = (await request('GET', '/segments')).json() as { items: Segment[]; currency: string };
    expect(list.currency).toBe('EUR');
    const now = Object.fromEntries(list.items.map((s) => [s.name, s]));
    expect(now.Gold).toMatchObject({ customers: 9, revenue365: sum(golds()) });
    expect(now.Gold!.revenueShare).toBeCloseTo(sum(golds()) / sum(live()), 10);
    const frozen = live().filter((p) => frozenMembers.includes(ids[p.key]!));
    expect(now['Gold on 15 March']).toMatchObject({ customers: 10, holdout: 2, revenue365: sum(frozen) });
    expect(now['Gold on 15 March']!.revenueShare).toBeCloseTo(sum(frozen) / sum(live()), 10);
    // The same through the filter language.
    const check = (await request('POST', '/filters/check', { filter: 'segment = "gold on 15 march" and not segment = gold' })).json();
    expect(check.count).toBe(3);
  });

  it('shows no change on the first day, then the differences against the first measurement 30 days on', async () => {
    const first = (await request('GET', `/segments/${dynamic.id}`)).json() as Segment;
    expect(first.change).toBeNull();
    const before = { customers: golds().length, share: sum(golds()) / sum(live()) };
    const frozenBefore = live().filter((p) => frozenMembers.includes(ids[p.key]!));
    const snapshotBefore = { customers: frozenBefore.length, share: sum(frozenBefore) / sum(live()) };
    expect((await request('GET', `/segments/${snapshot.id}`)).json().change).toBeNull();

    clock.advance(30 * DAY);
    owner = await signIn(app, ownerEmail); // the session of a month ago has expired
    await setTier('s2', 'gold');
    await setTier('s3', 'gold', 500_000);
    await setTier('g3', 'gold', 1_000); // still gold, earning less
    await db().db.updateTable('customers').set({ deleted_at: clock.now().toISOString() }).where('id', '=', ids.g9!).execute();
    people.find((p) => p.key === 'g9')!.deleted = true;

    const later = (await request('GET', `/segments/${dynamic.id}`)).json() as Segment;
    const share = sum(golds()) / sum(live());
    expect(later.customers).toBe(golds().length);
    expect(later.change).not.toBeNull();
    expect(later.change!.since).toBe('2027-03-15');
    expect(later.change!.customers).toBe(golds().length - before.customers);
    expect(later.change!.revenueShare).toBeCloseTo(share - before.share, 10);

    const frozenNow = live().filter((p) => frozenMembers.includes(ids[p.key]!));
    const snap = (await request('GET', `/segments/${snapshot.id}`)).json() as Segment;
    expect(snap.customers).toBe(frozenNow.length);
    expect(snap.change).toMatchObject({ since: '2027-03-15', customers: frozenNow.length - snapshotBefore.customers });
    expect(snap.change!.revenueShare).toBeCloseTo(sum(frozenNow) / sum(live()) - snapshotBefore.share, 10);
  });

  it('changes a dynamic filter (written back plainly) but refuses to change a snapshot’s (409)', async () => {
    const patched = await request('PATCH', `/segments/${dynamic.id}`, { filter: 'tier in (gold,silver)' });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json()).toMatchObject({ filter: 'tier in (gold, silver)', customers: live().filter((p) => p.tier === 'gold' || p.tier === 'silver').length });
    const refused = await request('PATCH', `/segments/${snapshot.id}`, { filter: 'tier = silver' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('segments.snapshot_filter');
    // Renaming a snapshot is fine, and its own filter sent back unchanged is no change.
    const renamed = await request('PATCH', `/segments/${snapshot.id}`, { name: 'Gold in March', filter: snapshot.filter });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json()).toMatchObject({ name: 'Gold in March', filter: 'tier = gold' });
    expect((await request('PATCH', `/segments/${snapshot.id}`, { name: 'GOLD' })).statusCode).toBe(409);
  });

  it('refuses a filter with a mistake (400 filters.invalid), in POST and PATCH', async () => {
    const response = await request('POST', '/segments?lang=ru', { name: 'Broken', filter: 'tierr = gold' });
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({ code: 'filters.invalid', message: 'Позиция 1: нет поля «tierr». Может быть, «tier»?', details: { problem: { code: 'unknown_field', suggestion: 'tier' } } });
    expect((await request('PATCH', `/segments/${dynamic.id}`, { filter: 'revenue_365d > "abc"' })).json().error.code).toBe('filters.invalid');
    expect((await request('GET', '/segments')).json().items.map((s: Segment) => s.name)).not.toContain('Broken');
  });

  it('deletes a segment: 404 afterwards, and a campaign targeting it loses its target', async () => {
    const target = (await request('POST', '/segments', { name: 'Targeted', filter: 'tier = silver', kind: 'snapshot' })).json() as Segment;
    const campaign = (await request('POST', '/campaigns', { name: 'Win them back' })).json();
    const patched = await request('PATCH', `/campaigns/${campaign.id}`, { targetSegmentId: target.id });
    expect(patched.statusCode, patched.body).toBe(200);
    expect((await request('GET', `/campaigns/${campaign.id}`)).json().targetSegmentId).toBe(target.id);
    expect((await request('DELETE', `/segments/${target.id}`)).json()).toEqual({ ok: true });
    expect((await request('GET', `/segments/${target.id}`)).statusCode).toBe(404);
    expect((await request('DELETE', `/segments/${target.id}`)).statusCode).toBe(404);
    expect((await request('PATCH', `/segments/${target.id}`, { name: 'Again' })).statusCode).toBe(404);
    expect((await request('GET', `/campaigns/${campaign.id}`)).json().targetSegmentId).toBeNull();
    expect(await db().db.selectFrom('segment_members').select('customer_id').where('segment_id', '=', target.id).execute()).toEqual([]);
  });

  it('refuses to rename or delete a segment another dynamic segment names (409), so the list keeps working', async () => {
    const base = (await request('POST', '/segments', { name: 'Silver base', filter: 'tier = silver' })).json() as Segment;
    const user = (await request('POST', '/segments', { name: 'Uses silver', filter: 'segment in ("silver BASE", Gold) and not lost = yes' })).json() as Segment;
    expect(user.customers).toBe(live().filter((p) => p.tier === 'gold' || p.tier === 'silver').length);
    const rename = await request('PATCH', `/segments/${base.id}`, { name: 'Silver old' });
    expect(rename.statusCode).toBe(409);
    expect(rename.json().error).toMatchObject({ code: 'segments.in_use', details: { segments: [{ id: user.id, name: 'Uses silver' }] } });
    expect((await request('DELETE', `/segments/${base.id}`)).statusCode).toBe(409);
    // Same name in other letters is no rename; a description is no rename either.
    expect((await request('PATCH', `/segments/${base.id}`, { name: 'SILVER BASE', description: 'x' })).statusCode).toBe(200);
    expect((await request('GET', '/segments')).statusCode).toBe(200);
    // Once nothing names it, it goes.
    expect((await request('DELETE', `/segments/${user.id}`)).statusCode).toBe(200);
    expect((await request('DELETE', `/segments/${base.id}`)).statusCode).toBe(200);
    expect((await request('GET', '/segments')).statusCode).toBe(200);
  });

  it('keeps each workspace’s segments to itself (404)', async () => {
    const other = await newWorkspace(app, db());
    expect((await request('GET', `/segments/${dynamic.id}`, undefined, other)).statusCode).toBe(404);
    expect((await request('PATCH', `/segments/${dynamic.id}`, { name: 'Mine now' }, other)).statusCode).toBe(404);
    expect((await request('DELETE', `/segments/${dynamic.id}`, undefined, other)).statusCode).toBe(404);
    expect((await request('GET', '/segments', undefined, other)).json().items).toEqual([]);
    expect((await request('POST', '/filters/check', { filter: 'segment = Gold' }, other)).statusCode).toBe(400);
    // A segment of the same name in the other workspace is no conflict.
    expect((await request('POST', '/segments', { name: 'Gold', filter: 'tier = gold' }, other)).statusCode).toBe(201);
    expect((await request('GET', `/segments/${dynamic.id}`)).json().name).toBe('Gold');
  });

  it('lets a viewer read segments but not save them (403)', async () => {
    const viewer = await addUser(app, owner, 'viewer');
    const list = await request('GET', '/segments', undefined, viewer);
    expect(list.statusCode).toBe(200);
    expect(list.json().items.length).toBeGreaterThan(0);
    expect((await request('GET', `/segments/${dynamic.id}`, undefined, viewer)).statusCode).toBe(200);
    expect((await request('POST', '/filters/check', { filter: 'tier = gold' }, viewer)).statusCode).toBe(200);
    expect((await request('POST', '/segments', { name: 'Viewer’s', filter: 'tier = gold' }, viewer)).statusCode).toBe(403);
    expect((await request('PATCH', `/segments/${dynamic.id}`, { name: 'Viewer’s' }, viewer)).statusCode).toBe(403);
    expect((await request('DELETE', `/segments/${dynamic.id}`, undefined, viewer)).statusCode).toBe(403);
  });
});
