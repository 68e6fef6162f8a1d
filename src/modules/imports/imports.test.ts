import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../db/testing.ts';
import { as, useSetUpApp, type Browser } from '../../server/testing.ts';
import type { App } from '../../server/types.ts';

const TILL = [
  'Номер клиента;Эл. почта;Дата;Номер заказа;Товар;Количество;Цена;Сумма',
  'K-001;anna@example.ru;05.03.2024;1001;Чай;2;150,50;301,00',
  'K-001;anna@example.ru;05.03.2024;1001;Кофе;1;420,00;420,00',
  'K-002;boris@example;31.02.2024;1002;Чай;1;150,50;150,50',
  'K-003;;17.03.2024;1003;Чай;1;150,50;150,50',
].join('\n');

async function upload(app: App, who: Browser, text: string | Buffer, name = 'till.csv') {
  const response = await app.inject({ method: 'POST', url: `/api/v1/imports/uploads?name=${encodeURIComponent(name)}`, headers: { ...as(who), 'content-type': 'application/octet-stream' }, payload: typeof text === 'string' ? Buffer.from(text) : text });
  expect(response.statusCode).toBe(201);
  return response.json().uploadId as string;
}

async function finished(app: App, who: Browser, importId: string) {
  for (let i = 0; i < 200; i++) {
    const job = (await app.inject({ url: `/api/v1/imports/${importId}`, headers: as(who) })).json();
    if (job.status === 'done' || job.status === 'failed') return job;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('import did not finish');
}

describeEachDatabase('import wizard API', (db) => {
  const t = useSetUpApp(db, { baseCurrency: 'RUB', timeZone: 'Europe/Moscow' });

  it('proposes a mapping from Russian headers and previews rows as they will be read', async () => {
    const uploadId = await upload(t.app, t.owner, TILL);
    const inspection = (await t.app.inject({ method: 'POST', url: '/api/v1/imports/inspect', headers: as(t.owner), payload: { uploadId } })).json();
    expect(inspection.settings.format).toEqual({ type: 'delimited', encoding: 'utf-8', delimiter: ';', hasHeader: true, sheet: null });
    expect(inspection.sheets).toEqual([]);
    expect(inspection.settings.mapping).toEqual({ customerExternalId: 'Номер клиента', customerEmail: 'Эл. почта', date: 'Дата', orderId: 'Номер заказа', description: 'Товар', quantity: 'Количество', unitPrice: 'Цена', amount: 'Сумма' });
    expect(inspection.settings.read).toMatchObject({ dateFormat: 'dmy', decimal: ',', currency: 'RUB' });
    expect(inspection.preview[0]).toMatchObject({ row: 2, ok: true, values: { customer: 'K-001', orderId: '1001', occurredAt: '2024-03-04T21:00:00.000Z', amountMinor: 30_100, kind: 'sale' } });
    expect(inspection.preview[2]).toMatchObject({ row: 4, ok: false, problems: [{ column: 'Дата', code: 'import.date_invalid' }, { column: 'Эл. почта', code: 'import.email_invalid', value: 'boris@example' }] });
  });

  it('dry-runs, imports in the background, and takes fixed rejected rows back', async () => {
    const uploadId = await upload(t.app, t.owner, TILL);
    const { settings } = (await t.app.inject({ method: 'POST', url: '/api/v1/imports/inspect', headers: as(t.owner), payload: { uploadId } })).json();

    const dry = await t.app.inject({ method: 'POST', url: '/api/v1/imports', headers: as(t.owner), payload: { uploadId, settings, dryRun: true } });
    expect(dry.statusCode).toBe(202);
    const dryJob = await finished(t.app, t.owner, dry.json().id);
    expect(dryJob).toMatchObject({ status: 'done', dryRun: true, counts: { rows: 4, rejected: 1, transactionsCreated: 2, customersCreated: 2 } });
    const wouldFail = (await t.app.inject({ url: `/api/v1/imports/${dryJob.id}/rejections`, headers: as(t.owner) })).json();
    expect(wouldFail.items.map((r: { row: number }) => r.row)).toEqual([4]);
    const none = (await t.app.inject({ url: '/api/v1/customers?q=K-001', headers: as(t.owner) })).json();
    expect(none.items).toHaveLength(0);

    const started = await t.app.inject({ method: 'POST', url: '/api/v1/imports', headers: as(t.owner), payload: { uploadId, settings, saveMappingAs: 'Till' } });
    const job = await finished(t.app, t.owner, started.json().id);
    expect(job).toMatchObject({ status: 'done', dryRun: false, progress: 1, counts: { rows: 4, rejected: 1, transactionsCreated: 2, linesAdded: 3 } });

    const rejections = (await t.app.inject({ url: `/api/v1/imports/${job.id}/rejections`, headers: as(t.owner) })).json();
    expect(rejections.headers).toHaveLength(8);
    expect(rejections.items).toEqual([{ row: 4, cells: ['K-002', 'boris@example', '31.02.2024', '1002', 'Чай', '1', '150,50', '150,50'], problems: expect.arrayContaining([expect.objectContaining({ column: 'Дата' })]) }]);

    const csv = await t.app.inject({ url: `/api/v1/imports/${job.id}/rejections.csv`, headers: as(t.owner) });
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.body.split('\r\n')[1]).toContain('K-002,boris@example,31.02.2024');
    expect(csv.body.split('\r\n')[0]).toMatch(/,error$/);

    const stillBad = (await t.app.inject({ method: 'POST', url: `/api/v1/imports/${job.id}/resubmit`, headers: as(t.owner), payload: { rows: [{ row: 4, cells: ['K-002', 'boris@example', '28.02.2024', '1002', 'Чай', '1', '150,50', '150,50'] }] } })).json();
    expect(stillBad).toMatchObject({ accepted: [], rejected: [{ row: 4, problems: [{ column: 'Эл. почта', code: 'import.email_invalid' }] }], counts: { rejected: 1 } });
    const fixed = (await t.app.inject({ method: 'POST', url: `/api/v1/imports/${job.id}/resubmit`, headers: as(t.owner), payload: { rows: [{ row: 4, cells: ['K-002', 'boris@example.ru', '28.02.2024', '1002', 'Чай', '1', '150,50', '150,50'] }] } })).json();
    expect(fixed).toMatchObject({ accepted: [4], rejected: [], counts: { rejected: 0, transactionsCreated: 3, customersCreated: 3, linesAdded: 4 } });
    // The import is done: its uploaded file is gone (the rejected rows live in the database).
    const again = await t.app.inject({ method: 'POST', url: '/api/v1/imports/inspect', headers: as(t.owner), payload: { uploadId } });
    expect(again.statusCode).toBe(404);
    const boris = (await t.app.inject({ url: '/api/v1/customers?q=boris', headers: as(t.owner) })).json();
    expect(boris.items).toHaveLength(1);
    const purchases = (await t.app.inject({ url: `/api/v1/customers/${boris.items[0].id}/transactions`, headers: as(t.owner) })).json();
    expect(purchases.items).toMatchObject([{ externalId: '1002', amountMinor: 15_050, occurredAt: '2024-02-27T21:00:00.000Z' }]);

    // The saved mapping is offered for the next file with these columns.
    const next = (await t.app.inject({ method: 'POST', url: '/api/v1/imports/inspect', headers: as(t.owner), payload: { uploadId: await upload(t.app, t.owner, TILL) } })).json();
    expect(next.savedMappings).toMatchObject([{ name: 'Till', mapping: settings.mapping }]);
    const list = (await t.app.inject({ url: '/api/v1/imports', headers: as(t.owner) })).json();
    expect(list.items.map((i: { dryRun: boolean }) => i.dryRun)).toEqual([false, true]);
  });

  it('rejects rows of unknown customers, or rows naming none, when told to', async () => {
    const text = 'Customer ID,Date,Amount\nK-001,2024-03-05,10.00\nNEW-9,2024-03-05,11.00\n,2024-03-05,12.00\n';
    const uploadId = await upload(t.app, t.owner, text, 'strict.csv');
    const { settings } = (await t.app.inject({ method: 'POST', url: '/api/v1/imports/inspect', headers: as(t.owner), payload: { uploadId } })).json();
    const strict = { ...settings, options: { unmatchedCustomers: 'reject', noCustomerKey: 'reject' } };
    const job = await finished(t.app, t.owner, (await t.app.inject({ method: 'POST', url: '/api/v1/imports', headers: as(t.owner), payload: { uploadId, settings: strict } })).json().id);
    expect(job.counts).toMatchObject({ rows: 3, rejected: 2, transactionsCreated: 1, customersCreated: 0 });
    const rejected = (await t.app.inject({ url: `/api/v1/imports/${job.id}/rejections`, headers: as(t.owner) })).json();
    expect(rejected.items.map((r: { row: number; problems: { code: string }[] }) => [r.row, r.problems[0]!.code])).toEqual([[3, 'import.customer_unknown'], [4, 'import.customer_missing']]);
  });

  it('refuses empty, binary and unknown uploads with a clear reason', async () => {
    const empty = await t.app.inject({ method: 'POST', url: '/api/v1/imports/uploads?name=e.csv', headers: { ...as(t.owner), 'content-type': 'application/octet-stream' }, payload: Buffer.alloc(0) });
    expect(empty.statusCode).toBe(400);
    const binary = await upload(t.app, t.owner, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x01, 0x02, 0x03, 0x00]), 'x.png');
    const refused = await t.app.inject({ method: 'POST', url: '/api/v1/imports/inspect', headers: as(t.owner), payload: { uploadId: binary } });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error).toMatchObject({ code: 'import.unreadable_file', message: expect.stringContaining('binary') });
    const unknown = await t.app.inject({ method: 'POST', url: '/api/v1/imports/inspect', headers: as(t.owner), payload: { uploadId: '01a20553-1c80-7594-870e-b2bc0955f7e0' } });
    expect(unknown.statusCode).toBe(404);
  });
});
