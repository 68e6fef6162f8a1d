import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../db/testing.ts';
import { as, useSetUpApp } from '../../server/testing.ts';

describeEachDatabase('customer profiles', (db) => {
  const t = useSetUpApp(db);
  const post = async (url: string, payload: unknown) => t.app.inject({ method: 'POST', url: `/api/v1${url}`, headers: as(t.owner), payload: payload as object });
  const patch = async (url: string, payload: unknown) => t.app.inject({ method: 'PATCH', url: `/api/v1${url}`, headers: as(t.owner), payload: payload as object });
  const get = async (url: string) => t.app.inject({ url: `/api/v1${url}`, headers: as(t.owner) });

  it('creates a person with two emails, a phone and an organisation with a parent', async () => {
    const group = (await post('/customers', { kind: 'organisation', name: 'Acme Group' })).json();
    const acme = await post('/customers', { kind: 'organisation', name: 'Acme Retail', parentId: group.id, website: 'https://acme.example' });
    expect(acme.statusCode).toBe(201);
    expect(acme.json().parent).toEqual({ id: group.id, kind: 'organisation', displayName: 'Acme Group' });

    const person = await post('/customers', {
      kind: 'person',
      firstName: 'Мария',
      lastName: 'Иванова',
      contacts: [
        { kind: 'email', value: 'maria@example.com', label: 'work' },
        { kind: 'email', value: 'masha@example.org', label: 'home' },
        { kind: 'phone', value: '+7 (912) 345-67-89' },
      ],
      birthday: '1990-05-17',
      consent: { given: true, source: 'in person' },
    });
    expect(person.statusCode).toBe(201);
    const profile = person.json();
    expect(profile.displayName).toBe('Мария Иванова');
    expect(profile.contacts.map((c: { value: string }) => c.value)).toEqual(['maria@example.com', 'masha@example.org', '+7 (912) 345-67-89']);
    expect(profile.email).toBe('maria@example.com');
    // name, email, phone, birthday, consent known: 5 of 15 (8 fields + 7 bits)
    expect(profile.completeness).toBe(Math.round((100 * 5) / 15));
    expect(profile.bits).toHaveLength(7);
    expect(profile.bits.every((b: { state: string; action: string }) => b.state === 'unknown' && b.action)).toBe(true);

    const job = await post(`/customers/${profile.id}/employments`, { organisationId: acme.json().id, title: 'Buyer' });
    expect(job.statusCode).toBe(201);
    const again = (await get(`/customers/${profile.id}`)).json();
    expect(again.organisation).toMatchObject({ displayName: 'Acme Retail' });
    expect(again.employments[0]).toMatchObject({ title: 'Buyer', organisation: { displayName: 'Acme Retail' } });
    const org = (await get(`/customers/${acme.json().id}`)).json();
    expect(org.employments[0].person.displayName).toBe('Мария Иванова');
    expect((await get(`/customers/${group.id}`)).json().children.map((c: { displayName: string }) => c.displayName)).toEqual(['Acme Retail']);
  });

  it('refuses a parent that would make a loop, naming the loop', async () => {
    const a = (await post('/customers', { kind: 'organisation', name: 'Loop A' })).json();
    const b = (await post('/customers', { kind: 'organisation', name: 'Loop B', parentId: a.id })).json();
    const c = (await post('/customers', { kind: 'organisation', name: 'Loop C', parentId: b.id })).json();
    const response = await patch(`/customers/${a.id}`, { version: a.version, parentId: c.id });
    expect(response.statusCode).toBe(409);
    const error = response.json().error;
    expect(error.code).toBe('organisations.cycle');
    expect(error.details.path.map((p: { displayName: string }) => p.displayName)).toEqual(['Loop A', 'Loop C', 'Loop B', 'Loop A']);
    expect((await patch(`/customers/${a.id}`, { version: a.version, parentId: a.id })).json().error.code).toBe('organisations.cycle');
  });

  it('explains bad input field by field', async () => {
    const response = await post('/customers', {
      kind: 'person',
      firstName: 'Bad',
      birthday: '2024-02-31',
      contacts: [{ kind: 'email', value: 'not-an-email' }, { kind: 'phone', value: 'call me' }],
    });
    expect(response.statusCode).toBe(400);
    const fields = response.json().error.details.fields.map((f: { path: string; code: string }) => `${f.path}:${f.code}`);
    expect(fields.toSorted()).toEqual(['birthday:invalid_date', 'contacts.0.value:invalid_email', 'contacts.1.value:invalid_phone']);
    const nameless = await post('/customers', { kind: 'person', contacts: [] });
    expect(nameless.json().error.details.fields[0]).toMatchObject({ path: 'name', code: 'required' });
    const personWithParent = await post('/customers', { kind: 'person', firstName: 'X', parentId: 'whatever' });
    expect(personWithParent.json().error.code).toBe('customers.kind_mismatch');
  });

  it('validates custom attribute values by type, and names unknown attributes and options', async () => {
    const attrs = (await get('/attributes')).json().items;
    expect(attrs.map((a: { key: string }) => a.key)).toEqual(['industry', 'company_size', 'market']);
    const vip = await post('/attributes', { key: 'vip_since', label: 'VIP since', type: 'date', appliesTo: 'person' });
    expect(vip.statusCode).toBe(201);
    await post('/attributes', { key: 'budget', label: 'Budget', type: 'money' });
    const person = (await post('/customers', { kind: 'person', firstName: 'Attr', attributes: { vip_since: '2024-01-31', budget: 150000, market: 'National' } })).json();
    const market = attrs.find((a: { key: string }) => a.key === 'market');
    expect(person.attributes).toEqual({ vip_since: '2024-01-31', budget: 150000, market: market.options.find((o: { label: string }) => o.label === 'National').id });

    const badDate = await patch(`/customers/${person.id}`, { version: person.version, attributes: { vip_since: '2024-02-30' } });
    expect(badDate.json().error.details.fields[0]).toMatchObject({ path: 'attributes.vip_since', code: 'invalid_date' });
    const badMoney = await patch(`/customers/${person.id}`, { version: person.version, attributes: { budget: 'lots' } });
    expect(badMoney.json().error.details.fields[0]).toMatchObject({ path: 'attributes.budget', code: 'invalid_type' });
    const unknown = await patch(`/customers/${person.id}`, { version: person.version, attributes: { shoe_size: 42 } });
    expect(unknown.json().error).toMatchObject({ code: 'attributes.unknown', details: { key: 'shoe_size' } });
    const option = await patch(`/customers/${person.id}`, { version: person.version, attributes: { market: 'Galactic' } });
    expect(option.json().error).toMatchObject({ code: 'attributes.unknown_option', details: { option: 'Galactic' } });
    const orgOnly = await patch(`/customers/${person.id}`, { version: person.version, attributes: { industry: 'Retail' } });
    expect(orgOnly.json().error.code).toBe('attributes.not_applicable');
  });

  it('refuses a stale update with 409 and the current version', async () => {
    const c = (await post('/customers', { kind: 'person', firstName: 'Versioned' })).json();
    const first = await patch(`/customers/${c.id}`, { version: c.version, notes: 'first' });
    expect(first.json().version).toBe(c.version + 1);
    const stale = await patch(`/customers/${c.id}`, { version: c.version, notes: 'second' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({ code: 'customers.stale', details: { currentVersion: c.version + 1 } });
    expect((await get(`/customers/${c.id}`)).json().notes).toBe('first');
  });

  it('records every change in the history: who, which field, old → new', async () => {
    const c = (await post('/customers', { kind: 'person', firstName: 'Hist', address: { city: 'Riga' } })).json();
    const tag = (await post('/tags', { name: 'Wholesale', color: 'teal' })).json();
    await patch(`/customers/${c.id}`, { version: c.version, address: { city: 'Tallinn' }, tagIds: [tag.id], contacts: [{ kind: 'email', value: 'h@example.com' }] });
    const history = (await get(`/customers/${c.id}/history`)).json().items;
    const changes = history.filter((h: { action: string }) => h.action === 'updated').map((h: { field: string; oldValue: string; newValue: string }) => `${h.field}: ${h.oldValue} → ${h.newValue}`);
    expect(changes.toSorted()).toEqual(['city: Riga → Tallinn', 'emails: null → h@example.com', 'tags: null → Wholesale']);
    expect(history.at(-1)).toMatchObject({ action: 'created', actor: { name: 'Ann Owner' } });
  });

  it('deletes softly and restores', async () => {
    const c = (await post('/customers', { kind: 'person', firstName: 'Gone', lastName: 'Soon' })).json();
    expect((await t.app.inject({ method: 'DELETE', url: `/api/v1/customers/${c.id}`, headers: as(t.owner) })).statusCode).toBe(200);
    expect((await get(`/customers/${c.id}`)).statusCode).toBe(404);
    expect((await get('/customers/count?q=gone')).json().total).toBe(0);
    const deleted = (await get('/customers/deleted')).json();
    expect(deleted.items.map((d: { displayName: string }) => d.displayName)).toContain('Gone Soon');
    const restored = await post(`/customers/${c.id}/restore`, undefined);
    expect(restored.json().deletedAt).toBeNull();
    expect((await get('/customers/count?q=gone')).json().total).toBe(1);
    const actions = (await get(`/customers/${c.id}/history`)).json().items.map((h: { action: string }) => h.action);
    expect(actions.slice(0, 3)).toEqual(['restored', 'deleted', 'created']);
  });
});

describeEachDatabase('customer search', (db) => {
  const t = useSetUpApp(db);
  const search = async (q: string) => (await t.app.inject({ url: `/api/v1/search?q=${encodeURIComponent(q)}`, headers: as(t.owner) })).json().items.map((i: { displayName: string; matched: string }) => `${i.displayName}/${i.matched}`);

  it('finds by any part of name, email, phone, organisation or note — case- and accent-insensitive', async () => {
    const post = (payload: object) => t.app.inject({ method: 'POST', url: '/api/v1/customers', headers: as(t.owner), payload });
    const org = (await post({ kind: 'organisation', name: 'Ромашка' })).json();
    const ivanov = (await post({ kind: 'person', firstName: 'Пётр', lastName: 'Иванов', contacts: [{ kind: 'phone', value: '+7 (912) 345-67-89' }] })).json();
    await t.app.inject({ method: 'POST', url: `/api/v1/customers/${ivanov.id}/employments`, headers: as(t.owner), payload: { organisationId: org.id } });
    const muller = (await post({ kind: 'person', firstName: 'Jürgen', lastName: 'Müller', contacts: [{ kind: 'email', value: 'JM@Example.com' }] })).json();
    await t.app.inject({ method: 'POST', url: `/api/v1/customers/${muller.id}/activities`, headers: as(t.owner), payload: { kind: 'note', body: 'Loves Darjeeling tea' } });
    await post({ kind: 'person', firstName: 'Someone', lastName: 'Else' });

    expect(await search('иванов')).toEqual(['Пётр Иванов/name']);
    expect(await search('ИВАНОВ петр')).toEqual(['Пётр Иванов/name']);
    expect(await search('muller')).toEqual(['Jürgen Müller/name']);
    expect(await search('jm@example')).toEqual(['Jürgen Müller/email']);
    expect(await search('8 912 345-67-89')).toEqual(['Пётр Иванов/phone']);
    expect(await search('9123456789')).toEqual(['Пётр Иванов/phone']);
    expect(await search('ромашк')).toEqual(['Ромашка/name', 'Пётр Иванов/organisation']);
    expect(await search('darjeeling')).toEqual(['Jürgen Müller/notes']);
    expect(await search('100%_')).toEqual([]);
  });

  it('keeps employees findable by their organisation’s new name', async () => {
    const org = (await t.app.inject({ url: '/api/v1/search?q=ромашка', headers: as(t.owner) })).json().items.find((i: { kind: string }) => i.kind === 'organisation');
    const full = (await t.app.inject({ url: `/api/v1/customers/${org.id}`, headers: as(t.owner) })).json();
    await t.app.inject({ method: 'PATCH', url: `/api/v1/customers/${org.id}`, headers: as(t.owner), payload: { version: full.version, name: 'Василёк' } });
    expect(await search('василек')).toEqual(['Василёк/name', 'Пётр Иванов/organisation']);
  });
});
