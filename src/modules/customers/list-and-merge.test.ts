import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../db/testing.ts';
import { addUser, as, useSetUpApp } from '../../server/testing.ts';

const filters = (f: object[]) => `filters=${encodeURIComponent(JSON.stringify(f))}`;

describeEachDatabase('customer list filters and sorts', (db) => {
  const t = useSetUpApp(db);
  const ids: Record<string, string> = {};
  let vipTag = '';
  let levelChoice: { id: string; options: { id: string; label: string }[] };

  const post = async (url: string, payload: object) => (await t.app.inject({ method: 'POST', url: `/api/v1${url}`, headers: as(t.owner), payload })).json();

  beforeAll(async () => {
    vipTag = (await post('/tags', { name: 'VIP', color: 'yellow' })).id;
    await post('/attributes', { key: 'spend_limit', label: 'Spend limit', type: 'number' });
    levelChoice = await post('/attributes', { key: 'levels', label: 'Levels', type: 'multichoice', options: [{ label: 'Bronze' }, { label: 'Silver' }, { label: 'Gold' }] });
    const people = [
      { firstName: 'Anna', city: 'Berlin', limit: 300, levels: ['Gold'], vip: true },
      { firstName: 'Boris', city: 'Москва', limit: 100, levels: ['Bronze', 'Silver'], vip: false },
      { firstName: 'Clara', city: null, limit: null, levels: [], vip: true },
      { firstName: 'Dmitri', city: 'москва', limit: 200, levels: ['Silver'], vip: false },
    ];
    for (const p of people) {
      const created = await post('/customers', {
        kind: 'person',
        firstName: p.firstName,
        address: { city: p.city },
        attributes: { spend_limit: p.limit, levels: p.levels },
        tagIds: p.vip ? [vipTag] : [],
        ...(p.firstName === 'Anna' && { contacts: [{ kind: 'email', value: 'anna@example.com' }] }),
      });
      ids[p.firstName] = created.id;
    }
    ids.Org = (await post('/customers', { kind: 'organisation', name: 'Zeta Ltd' })).id;
  });

  const names = async (query: string) => {
    const response = await t.app.inject({ url: `/api/v1/customers?${query}`, headers: as(t.owner) });
    if (response.statusCode !== 200) throw new Error(response.body);
    return response.json().items.map((i: { displayName: string }) => i.displayName);
  };

  it('filters by kind, tag and attribute, with the total', async () => {
    expect(await names('kind=organisation')).toEqual(['Zeta Ltd']);
    expect(await names(`tagId=${vipTag}`)).toEqual(['Anna', 'Clara']);
    expect(await names(filters([{ field: 'tag', op: 'neq', value: vipTag }]))).toEqual(['Boris', 'Dmitri', 'Zeta Ltd']);
    expect(await names(filters([{ field: 'attr.spend_limit', op: 'gte', value: 200 }]))).toEqual(['Anna', 'Dmitri']);
    expect(await names(filters([{ field: 'attr.spend_limit', op: 'empty' }, { field: 'kind', op: 'eq', value: 'person' }]))).toEqual(['Clara']);
    const silver = levelChoice.options.find((o) => o.label === 'Silver')!.id;
    expect(await names(filters([{ field: 'attr.levels', op: 'eq', value: silver }]))).toEqual(['Boris', 'Dmitri']);
    const page = (await t.app.inject({ url: `/api/v1/customers?limit=1&tagId=${vipTag}`, headers: as(t.owner) })).json();
    expect(page.items).toHaveLength(1);
    expect(page.nextCursor).not.toBeNull();
    const count = (await t.app.inject({ url: `/api/v1/customers/count?tagId=${vipTag}&limit=1`, headers: as(t.owner) })).json();
    expect(count).toEqual({ total: 2 });
    const filtered = (await t.app.inject({ url: `/api/v1/customers/count?${filters([{ field: 'city', op: 'contains', value: 'моск' }])}`, headers: as(t.owner) })).json();
    expect(filtered).toEqual({ total: 2 });
  });

  it('matches text filters case-insensitively, Cyrillic included', async () => {
    expect(await names(filters([{ field: 'city', op: 'contains', value: 'МОСК' }]))).toEqual(['Boris', 'Dmitri']);
    expect(await names(filters([{ field: 'email', op: 'eq', value: 'ANNA@example.com' }]))).toEqual(['Anna']);
    expect(await names(filters([{ field: 'email', op: 'empty' }, { field: 'name', op: 'contains', value: 'ar' }]))).toEqual(['Clara']);
  });

  it('sorts by an attribute or a column either way, pages stay consistent', async () => {
    expect(await names('sort=attr.spend_limit&order=desc&kind=person')).toEqual(['Anna', 'Dmitri', 'Boris', 'Clara']);
    expect(await names('sort=attr.spend_limit&kind=person')).toEqual(['Clara', 'Boris', 'Dmitri', 'Anna']);
    const walked: string[] = [];
    let cursor = '';
    do {
      const page = (await t.app.inject({ url: `/api/v1/customers?sort=attr.spend_limit&order=desc&limit=2${cursor ? `&cursor=${cursor}` : ''}`, headers: as(t.owner) })).json();
      walked.push(...page.items.map((i: { displayName: string }) => i.displayName));
      cursor = page.nextCursor ?? '';
    } while (cursor);
    // Customers without a value sort first ascending, last descending; ties go by id (creation order).
    expect(walked).toEqual(['Anna', 'Dmitri', 'Boris', 'Zeta Ltd', 'Clara']);
    expect(await names('sort=city&order=desc&kind=person')).toEqual(['Dmitri', 'Boris', 'Anna', 'Clara']);
  });

  it('sorts and pages by a nullable date or instant column that nobody has set (both databases)', async () => {
    for (const sort of ['nextFollowUp', 'customerSince', 'lastPurchaseAt']) {
      const walked: string[] = [];
      let cursor = '';
      do {
        const response = await t.app.inject({ url: `/api/v1/customers?sort=${sort}&kind=person&limit=3${cursor ? `&cursor=${cursor}` : ''}`, headers: as(t.owner) });
        expect(response.statusCode, `${sort}: ${response.body}`).toBe(200);
        walked.push(...response.json().items.map((i: { displayName: string }) => i.displayName));
        cursor = response.json().nextCursor ?? '';
      } while (cursor);
      expect(walked.toSorted(), sort).toEqual(['Anna', 'Boris', 'Clara', 'Dmitri']);
    }
  });

  it('says what is wrong with a bad filter or sort', async () => {
    const bad = await t.app.inject({ url: `/api/v1/customers?${filters([{ field: 'shoe', op: 'eq', value: 1 }])}`, headers: as(t.owner) });
    expect(bad.json().error).toMatchObject({ code: 'filters.invalid', details: { field: 'shoe' } });
    const notJson = await t.app.inject({ url: '/api/v1/customers?filters=%7Bnope', headers: as(t.owner) });
    expect(notJson.json().error.code).toBe('filters.invalid');
    const sort = await t.app.inject({ url: '/api/v1/customers?sort=password', headers: as(t.owner) });
    expect(sort.json().error.code).toBe('sort.invalid');
  });

  it('adds and removes tags in bulk, and deletes in bulk', async () => {
    const wholesale = (await t.app.inject({ method: 'POST', url: '/api/v1/tags', headers: as(t.owner), payload: { name: 'Wholesale' } })).json().id;
    const bulk = (payload: object) => t.app.inject({ method: 'POST', url: '/api/v1/customers/bulk', headers: as(t.owner), payload });
    expect((await bulk({ ids: [ids.Boris, ids.Dmitri], action: 'add_tags', tagIds: [wholesale] })).json()).toEqual({ affected: 2 });
    expect(await names(`tagId=${wholesale}`)).toEqual(['Boris', 'Dmitri']);
    const counts = (await t.app.inject({ url: '/api/v1/tags?counts=true', headers: as(t.owner) })).json().items;
    expect((await t.app.inject({ url: '/api/v1/tags', headers: as(t.owner) })).json().items[0].customers).toBeNull();
    expect(counts.find((c: { name: string }) => c.name === 'Wholesale').customers).toBe(2);
    await bulk({ ids: [ids.Boris], action: 'remove_tags', tagIds: [wholesale] });
    expect(await names(`tagId=${wholesale}`)).toEqual(['Dmitri']);
    expect((await bulk({ ids: [ids.Dmitri, 'not-an-id'], action: 'delete' })).json()).toEqual({ affected: 1 });
    expect(await names(`tagId=${wholesale}`)).toEqual([]);
  });
});

describeEachDatabase('duplicates and merge', (db) => {
  const t = useSetUpApp(db);
  const post = async (url: string, payload: object) => (await t.app.inject({ method: 'POST', url: `/api/v1${url}`, headers: as(t.owner), payload })).json();

  it('suggests duplicates by email, phone and name at the same organisation', async () => {
    const org = await post('/customers', { kind: 'organisation', name: 'Dup Org' });
    const a = await post('/customers', { kind: 'person', firstName: 'Olga', lastName: 'Petrova', contacts: [{ kind: 'email', value: 'olga@example.com' }, { kind: 'phone', value: '+7 912 000 11 22' }] });
    const b = await post('/customers', { kind: 'person', firstName: 'Ольга', contacts: [{ kind: 'email', value: 'OLGA@example.com' }, { kind: 'phone', value: '8 (912) 000-11-22' }] });
    const c = await post('/customers', { kind: 'person', firstName: 'Ivan', lastName: 'Sidorov' });
    const d = await post('/customers', { kind: 'person', firstName: 'ivan', lastName: 'SIDOROV' });
    for (const p of [c, d]) await post(`/customers/${p.id}/employments`, { organisationId: org.id });
    const items = (await t.app.inject({ url: '/api/v1/duplicates', headers: as(t.owner) })).json().items;
    const pairs = items.map((i: { a: { id: string }; b: { id: string }; reasons: string[] }) => ({ ids: [i.a.id, i.b.id].toSorted(), reasons: i.reasons }));
    expect(pairs).toContainEqual({ ids: [a.id, b.id].toSorted(), reasons: ['same_email', 'same_phone'] });
    expect(pairs).toContainEqual({ ids: [c.id, d.id].toSorted(), reasons: ['same_name_in_organisation'] });
    expect(pairs).toHaveLength(2);
  });

  it('merges: chosen fields survive, everything attached moves, the other is gone and recorded', async () => {
    const tag = await post('/tags', { name: 'Merged tag' });
    const survivor = await post('/customers', { kind: 'person', firstName: 'Keep', lastName: 'Me', address: { city: 'Riga' }, contacts: [{ kind: 'email', value: 'same@example.com' }] });
    const other = await post('/customers', {
      kind: 'person',
      firstName: 'Other',
      lastName: 'One',
      birthday: '1985-03-03',
      address: { city: 'Vilnius' },
      tagIds: [tag.id],
      contacts: [{ kind: 'email', value: 'SAME@example.com' }, { kind: 'phone', value: '+370 600 00000' }],
    });
    await post(`/customers/${other.id}/activities`, { kind: 'call', body: 'Asked about prices' });

    const merged = await t.app.inject({
      method: 'POST',
      url: `/api/v1/customers/${survivor.id}/merge`,
      headers: as(t.owner),
      payload: { otherId: other.id, version: survivor.version, otherVersion: other.version, take: { address: 'other' } },
    });
    expect(merged.statusCode).toBe(200);
    const profile = merged.json();
    expect(profile.displayName).toBe('Keep Me'); // survivor's by default
    expect(profile.address.city).toBe('Vilnius'); // chosen
    expect(profile.birthday).toBe('1985-03-03'); // survivor had none
    expect(profile.contacts.map((c: { value: string }) => c.value)).toEqual(['same@example.com', '+370 600 00000']);
    expect(profile.tags.map((x: { name: string }) => x.name)).toEqual(['Merged tag']);
    const timeline = (await t.app.inject({ url: `/api/v1/customers/${survivor.id}/activities`, headers: as(t.owner) })).json().items;
    expect(timeline.map((a: { body: string }) => a.body)).toEqual(['Asked about prices']);
    const history = (await t.app.inject({ url: `/api/v1/customers/${survivor.id}/history`, headers: as(t.owner) })).json().items;
    expect(history[0]).toMatchObject({ action: 'merged', oldValue: 'Other One', newValue: 'Keep Me' });
    expect((await t.app.inject({ url: `/api/v1/customers/${other.id}`, headers: as(t.owner) })).statusCode).toBe(404);
    const restore = await t.app.inject({ method: 'POST', url: `/api/v1/customers/${other.id}/restore`, headers: as(t.owner) });
    expect(restore.json().error.code).toBe('customers.merged');
  });

  const merge = (id: string, payload: object) => t.app.inject({ method: 'POST', url: `/api/v1/customers/${id}/merge`, headers: as(t.owner), payload });

  it('refuses merging a customer with itself, a stale version, or a person with an organisation', async () => {
    const p = await post('/customers', { kind: 'person', firstName: 'Solo' });
    const o = await post('/customers', { kind: 'organisation', name: 'Solo Org' });
    expect((await merge(p.id, { otherId: p.id, version: 1, otherVersion: 1 })).json().error.code).toBe('customers.merge_self');
    expect((await merge(p.id, { otherId: o.id, version: 1, otherVersion: 1 })).json().error.code).toBe('customers.kind_mismatch');
    const q = await post('/customers', { kind: 'person', firstName: 'Solo2' });
    expect((await merge(p.id, { otherId: q.id, version: 7, otherVersion: 1 })).json().error.code).toBe('customers.stale');
  });
});

describeEachDatabase('timeline and saved views', (db) => {
  const t = useSetUpApp(db);

  it('lets only the author edit or delete an activity, newest first', async () => {
    const c = (await t.app.inject({ method: 'POST', url: '/api/v1/customers', headers: as(t.owner), payload: { kind: 'person', firstName: 'Timeline' } })).json();
    const add = (who: typeof t.owner, payload: object) => t.app.inject({ method: 'POST', url: `/api/v1/customers/${c.id}/activities`, headers: as(who), payload });
    const older = (await add(t.owner, { kind: 'meeting', body: 'Met at the fair', occurredAt: '2025-05-01T10:00:00.000Z' })).json();
    const member = await addUser(t.app, t.owner, 'member');
    const newer = (await add(member, { kind: 'call', body: 'Called back', occurredAt: '2025-06-01T10:00:00.000Z' })).json();
    const list = (await t.app.inject({ url: `/api/v1/customers/${c.id}/activities`, headers: as(t.owner) })).json().items;
    expect(list.map((a: { body: string; canEdit: boolean }) => `${a.body}:${a.canEdit}`)).toEqual(['Called back:false', 'Met at the fair:true']);
    const notMine = await t.app.inject({ method: 'PATCH', url: `/api/v1/activities/${newer.id}`, headers: as(t.owner), payload: { body: 'changed' } });
    expect(notMine.json().error.code).toBe('activities.not_author');
    const mine = await t.app.inject({ method: 'PATCH', url: `/api/v1/activities/${older.id}`, headers: as(t.owner), payload: { body: 'Met at the spring fair' } });
    expect(mine.json().body).toBe('Met at the spring fair');
    expect((await t.app.inject({ method: 'DELETE', url: `/api/v1/activities/${older.id}`, headers: as(t.owner) })).statusCode).toBe(200);
  });

  it('keeps personal views private and shares shared ones read-only', async () => {
    const definition = { columns: ['name', 'email', 'attr.market'], filters: [{ field: 'kind', op: 'eq', value: 'person' }], sort: 'createdAt', order: 'desc' };
    const create = (payload: object) => t.app.inject({ method: 'POST', url: '/api/v1/views', headers: as(t.owner), payload });
    const mine = (await create({ name: 'My people', definition })).json();
    const shared = (await create({ name: 'Team view', shared: true, definition })).json();
    expect(mine.definition).toEqual(definition);
    const viewer = await addUser(t.app, t.owner, 'viewer');
    const seen = (await t.app.inject({ url: '/api/v1/views', headers: as(viewer) })).json().items;
    expect(seen.map((v: { name: string; mine: boolean }) => `${v.name}:${v.mine}`)).toEqual(['Team view:false']);
    const edit = await t.app.inject({ method: 'PATCH', url: `/api/v1/views/${shared.id}`, headers: as(viewer), payload: { name: 'Hijacked' } });
    expect(edit.json().error.code).toBe('views.not_owner');
    expect((await t.app.inject({ method: 'PATCH', url: `/api/v1/views/${mine.id}`, headers: as(viewer), payload: { name: 'x' } })).statusCode).toBe(404);
  });
});
