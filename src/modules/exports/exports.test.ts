import ExcelJS from 'exceljs';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../db/testing.ts';
import { as, useSetUpApp } from '../../server/testing.ts';

describeEachDatabase('exports', (db) => {
  const t = useSetUpApp(db);
  let vipId: string;

  beforeAll(async () => {
    vipId = (await t.app.inject({ method: 'POST', url: '/api/v1/tags', headers: as(t.owner), payload: { name: 'VIP' } })).json().id;
    const attribute = await t.app.inject({ method: 'POST', url: '/api/v1/attributes', headers: as(t.owner), payload: { key: 'budget', label: 'Budget', type: 'money', appliesTo: 'both' } });
    if (attribute.statusCode !== 201) throw new Error(attribute.body);
    const attrs = attribute.json();
    const made = async (payload: object) => {
      const response = await t.app.inject({ method: 'POST', url: '/api/v1/customers', headers: as(t.owner), payload });
      if (response.statusCode !== 201) throw new Error(`could not create ${JSON.stringify(payload)}: ${response.body}`);
      return response.json();
    };
    const anna = await made({ kind: 'person', firstName: 'Анна', lastName: 'Петрова', contacts: [{ kind: 'email', value: 'anna@example.ru' }], tagIds: [vipId], attributes: { [attrs.key]: 123_450 }, customerSince: '2024-02-29' });
    await made({ kind: 'person', name: '=HYPERLINK("http://evil.example","click")', contacts: [{ kind: 'email', value: 'evil@example.com' }] });
    await made({ kind: 'organisation', name: '-2+3', website: 'https://minus.example' });
    await t.app.inject({ method: 'POST', url: `/api/v1/customers/${anna.id}/transactions`, headers: as(t.owner), payload: { occurredAt: '2026-03-05T10:00:00Z', amountMinor: 72_100, externalId: 'A-1001' } });
    await t.app.inject({ method: 'POST', url: `/api/v1/customers/${anna.id}/transactions`, headers: as(t.owner), payload: { kind: 'refund', occurredAt: '2026-03-06T10:00:00Z', amountMinor: 100 } });
  });

  it('writes the filtered list to XLSX with typed cells, a frozen header and neutralised formulas', async () => {
    const response = await t.app.inject({ url: '/api/v1/customers/export?format=xlsx&sort=name', headers: as(t.owner) });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(response.headers['content-disposition']).toMatch(/^attachment; filename="customers-\d{4}-\d{2}-\d{2}\.xlsx"$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Customers')!;
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(0, 8)).toEqual(['Name', 'Kind', 'Email', 'Phone', 'Organisation', 'City', 'Country', 'Tags']);
    expect(header).toContain('Budget');
    const rows = [2, 3, 4].map((n) => (sheet.getRow(n).values as unknown[]).slice(1));
    expect(rows.map((r) => r[0])).toEqual(["'-2+3", "'=HYPERLINK(\"http://evil.example\",\"click\")", 'Анна Петрова']);
    const anna = rows[2]!;
    expect(anna[7]).toBe('VIP');
    expect(anna[header.indexOf('Budget')]).toBe(1234.5);
    expect(anna[header.indexOf('Completeness %')]).toEqual(expect.any(Number));
    expect(anna[header.indexOf('Customer since')]).toEqual(new Date('2024-02-29T00:00:00Z'));
    // 10:00 UTC is 11:00 in the workspace's Berlin time zone.
    expect(anna[header.indexOf('First purchase')]).toEqual(new Date('2026-03-05T11:00:00Z'));
  });

  it('exports only what the list query matches, as CSV', async () => {
    const response = await t.app.inject({ url: `/api/v1/customers/export?format=csv&tagId=${vipId}`, headers: as(t.owner) });
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    const lines = response.body.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/^Анна Петрова,person,anna@example\.ru,/);
  });

  it('refuses a bad filter before the download starts', async () => {
    const response = await t.app.inject({ url: `/api/v1/customers/export?format=csv&filters=${encodeURIComponent('[{"field":"nope","op":"eq","value":1}]')}`, headers: as(t.owner) });
    expect(response.statusCode).toBe(400);
  });

  it('exports every transaction with its customer, refunds negative', async () => {
    const response = await t.app.inject({ url: '/api/v1/transactions/export?format=csv', headers: as(t.owner) });
    const lines = response.body.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('Date,Order number,Kind,Amount,Currency,Cost,Channel,Campaign,Customer id,Customer,Lines,Source,Rapport id');
    expect(lines[1]).toMatch(/^2026-03-05T11:00:00,A-1001,sale,721,EUR,,,,,Анна Петрова,0,manual,/);
    expect(lines[2]).toMatch(/^2026-03-06T11:00:00,,refund,-1,EUR,/);
  });
});
