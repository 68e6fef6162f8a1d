import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../db/testing.ts';
import { as, useSetUpApp } from '../../server/testing.ts';
import { fixedClock } from '../../shared/clock.ts';
import { normalizeText } from '../../shared/text.ts';
import { refreshDerived } from '../customers/customer-state.ts';
import { createImport, runImport } from './imports.usecases.ts';
import { inspectCustomersFile } from './import-inspection.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-customers-import-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

// A spreadsheet of customers as a small business keeps it: Russian headers, a tag list, an attribute by its label (choices by option label, any case).
const SHEET = [
  'Номер клиента;Фамилия;Имя;Эл. почта;Телефон;Организация;Должность;Город;Теги;Market;Дата рождения',
  'K-1;Иванова;Мария;maria@example.ru;+7 912 000-00-01;ООО Ромашка;Бухгалтер;Казань;VIP, Опт;local;05.03.1980',
  'K-2;Петров;Пётр;petr@example.ru;;ООО Ромашка;;Москва;Опт;Nonsense;31.02.1990',
  'K-3;Сидоров;;bad-email;;;;Тверь;;;',
  'K-4;;;;;;;;;;',
].join('\n');

describeEachDatabase('customers import', (db) => {
  const t = useSetUpApp(db);
  const clock = fixedClock(new Date('2026-02-01T10:00:00Z'));
  let file: string;

  beforeAll(() => {
    file = path.join(dir, `customers-${Math.random().toString(36).slice(2)}.csv`);
    fs.writeFileSync(file, SHEET);
  });

  async function importSheet(dryRun = false) {
    const deps = { db: db().db, clock };
    const { settings } = await inspectCustomersFile(deps, t.owner.workspaceId, file);
    const record = dryRun ? null : await createImport(deps, t.owner.workspaceId, t.owner.userId, file, settings);
    return { settings, outcome: await runImport(deps, { workspaceId: t.owner.workspaceId, importId: record?.id ?? null, actorId: t.owner.userId, filePath: file, settings, dryRun }) };
  }

  it('maps Russian headers and the Industry attribute by its label, and reports bad cells by column', async () => {
    const { settings, outcome } = await importSheet();
    expect(settings.read.mapping).toMatchObject({ externalId: 'Номер клиента', lastName: 'Фамилия', firstName: 'Имя', email: 'Эл. почта', phone: 'Телефон', organisation: 'Организация', jobTitle: 'Должность', city: 'Город', tags: 'Теги', birthday: 'Дата рождения' });
    expect(settings.read.mapping['attr.market']).toBe('Market');
    expect(outcome.counts).toMatchObject({ rows: 4, rejected: 3, customersCreated: 1 });
    const problems = Object.fromEntries(outcome.rejections.map((r) => [r.row, r.problems.map((p) => `${p.column}: ${p.message}`)]));
    expect(problems[3]).toEqual(expect.arrayContaining([expect.stringMatching(/^Market: Market: "Nonsense" is not one of its options \(Local, National, International\)/), expect.stringMatching(/^Дата рождения: Not a date/)]));
    expect(problems[4]).toEqual(['Эл. почта: Not a valid email address']);
    expect(outcome.rejections.find((r) => r.row === 4)!.problems[0]).toMatchObject({ code: 'import.email_invalid', value: 'bad-email' });
    expect(problems[5]).toEqual(['null: The row has no name, email or phone']);

    const list = (await t.app.inject({ url: '/api/v1/customers?q=maria', headers: as(t.owner) })).json();
    expect(list.items).toHaveLength(1);
    const maria = list.items[0];
    expect(maria).toMatchObject({ displayName: 'Мария Иванова', email: 'maria@example.ru', phone: '+7 912 000-00-01', city: 'Казань', organisation: { displayName: 'ООО Ромашка' } });
    expect(maria.tags.map((tag: { name: string }) => tag.name).toSorted()).toEqual(['VIP', 'Опт']);
    const profile = (await t.app.inject({ url: `/api/v1/customers/${maria.id}`, headers: as(t.owner) })).json();
    expect(profile.attributes.market).toEqual(expect.any(String));
    expect(profile).toMatchObject({ birthday: '1980-03-05', employments: [{ title: 'Бухгалтер', organisation: { displayName: 'ООО Ромашка' } }] });
  });

  it('a second import matches by id and changes nothing', async () => {
    const { outcome } = await importSheet();
    expect(outcome.rejections.map((r) => r.row)).toEqual([3, 4, 5]);
    expect(outcome.counts).toMatchObject({ rows: 4, rejected: 3, customersCreated: 0, customersUnchanged: 1, customersUpdated: 0 });
    const organisations = (await t.app.inject({ url: '/api/v1/customers?kind=organisation&q=Ромашка', headers: as(t.owner) })).json();
    expect(organisations.items).toHaveLength(1);
  });

  it('writes a new customer as the profile use cases would: derived columns, history, contacts, tags, attributes, employment', async () => {
    const sheet = path.join(dir, `twins-${Math.random().toString(36).slice(2)}.csv`);
    fs.writeFileSync(sheet, [
      'Customer ID;Last name;First name;Email;Phone;Company;Job title;City;Tags;Market;Birthday',
      'T-1;Котова;Нина;nina@example.ru;+7 912 000-00-09;ООО Вектор;Директор;Самара;VIP, Новые;National;01.02.1985',
      'T-2;Котов;Олег;oleg@example.ru;;ООО Вектор;;Самара;Новые;;',
      'T-3;Котова;Нина;nina.k@example.ru;+7 912 000-00-09;;;;;;', // the same phone: updates T-1
    ].join('\n'));
    const deps = { db: db().db, clock };
    const { settings } = await inspectCustomersFile(deps, t.owner.workspaceId, sheet);
    const record = await createImport(deps, t.owner.workspaceId, t.owner.userId, sheet, settings);
    const outcome = await runImport(deps, { workspaceId: t.owner.workspaceId, importId: record.id, actorId: t.owner.userId, filePath: sheet, settings, dryRun: false });
    expect(outcome.counts).toMatchObject({ rows: 3, rejected: 0, customersCreated: 2, customersUpdated: 1 });

    const ids = (await db().db.selectFrom('customers').select(['id', 'external_id']).where('workspace_id', '=', t.owner.workspaceId).where('external_id', 'in', ['T-1', 'T-2']).orderBy('external_id').execute()).map((r) => r.id);
    const vector = (await db().db.selectFrom('customers').select('id').where('workspace_id', '=', t.owner.workspaceId).where('display_name', '=', 'ООО Вектор').execute()).map((r) => r.id);
    expect(vector).toHaveLength(1); // one organisation for both
    const derived = () => db().db.selectFrom('customers').select(['id', 'search_text', 'completeness']).where('workspace_id', '=', t.owner.workspaceId).where('id', 'in', [...ids, ...vector]).orderBy('id').execute();
    const written = await derived();
    await refreshDerived(db().db, t.owner.workspaceId, [...ids, ...vector]); // what the profile use cases compute
    expect(await derived()).toEqual(written);
    expect(written.find((r) => r.id === ids[1])!.search_text).toContain(normalizeText('ООО Вектор'));

    // One instant for both (the test's clock), so in the order of their actions.
    const history = await db().db.selectFrom('customer_history').select(['action', 'field', 'new_value', 'actor_id']).where('workspace_id', '=', t.owner.workspaceId).where('customer_id', '=', ids[1]!).orderBy('action').execute();
    expect(history).toEqual([
      { action: 'created', field: null, new_value: 'Олег Котов', actor_id: t.owner.userId },
      { action: 'updated', field: 'organisations', new_value: 'ООО Вектор', actor_id: t.owner.userId },
    ]);
    const nina = (await t.app.inject({ url: `/api/v1/customers/${ids[0]}`, headers: as(t.owner) })).json();
    expect(nina).toMatchObject({
      displayName: 'Нина Котова',
      birthday: '1985-02-01',
      address: { city: 'Самара' },
      contacts: [{ kind: 'email', value: 'nina@example.ru' }, { kind: 'phone', value: '+7 912 000-00-09' }, { kind: 'email', value: 'nina.k@example.ru' }],
      employments: [{ title: 'Директор', organisation: { id: vector[0], displayName: 'ООО Вектор' } }],
    });
    expect(nina.tags.map((tag: { name: string }) => tag.name).toSorted()).toEqual(['VIP', 'Новые']);
    expect(nina.attributes.market).toEqual(expect.any(String));
  });

  it('works through the API: upload, inspect with a checked preview, import in the background', async () => {
    const csv = 'Name,Email,Company,Market,Tags\nOlga Berg,olga@example.com,Berg & Co,International,"Wholesale, VIP"\nNo Email,not-an-email,,,\n';
    const uploadId = (await t.app.inject({ method: 'POST', url: '/api/v1/imports/uploads?name=people.csv', headers: { ...as(t.owner), 'content-type': 'application/octet-stream' }, payload: Buffer.from(csv) })).json().uploadId;
    const inspection = (await t.app.inject({ method: 'POST', url: '/api/v1/imports/customers/inspect', headers: as(t.owner), payload: { uploadId } })).json();
    expect(inspection.settings.mapping).toEqual({ name: 'Name', email: 'Email', organisation: 'Company', 'attr.market': 'Market', tags: 'Tags' });
    expect(inspection.fields).toEqual(expect.arrayContaining([{ key: 'email', label: 'email', attribute: false }, { key: 'attr.market', label: 'Market', attribute: true }]));
    expect(inspection.preview.map((r: { row: number; ok: boolean }) => [r.row, r.ok])).toEqual([[2, true], [3, false]]);
    const started = await t.app.inject({ method: 'POST', url: '/api/v1/imports/customers', headers: as(t.owner), payload: { uploadId, settings: inspection.settings } });
    expect(started.statusCode).toBe(202);
    let job = started.json();
    for (let i = 0; i < 200 && (job.status === 'queued' || job.status === 'running'); i++) {
      await new Promise((r) => setTimeout(r, 25));
      job = (await t.app.inject({ url: `/api/v1/imports/${job.id}`, headers: as(t.owner) })).json();
    }
    expect(job).toMatchObject({ kind: 'customers', status: 'done', counts: { rows: 2, rejected: 1, customersCreated: 1 } });
    const olga = (await t.app.inject({ url: '/api/v1/customers?q=olga', headers: as(t.owner) })).json().items[0];
    expect(olga).toMatchObject({ displayName: 'Olga Berg', organisation: { displayName: 'Berg & Co' } });
    expect(olga.tags.map((tag: { name: string }) => tag.name).toSorted()).toEqual(['VIP', 'Wholesale']);
  });
});
