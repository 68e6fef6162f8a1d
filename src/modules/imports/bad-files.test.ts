import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../db/testing.ts';
import { fixedClock } from '../../shared/clock.ts';
import { createWorkspace } from '../workspaces/workspaces.usecases.ts';
import { createImport, runImport } from './imports.usecases.ts';
import { inspectTransactionsFile } from './import-inspection.ts';

/** Crafted bad files: each gives a clear error, and every good row still goes in. */
const clock = fixedClock(new Date('2026-11-01T00:00:00Z'));
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-bad-files-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: string | Buffer): string {
  const p = path.join(dir, name);
  fs.writeFileSync(p, content);
  return p;
}

describeEachDatabase('crafted bad files', (get, dialect) => {
  let workspaceId: string;
  const deps = () => ({ db: get().db, clock });
  const inspect = (p: string) => inspectTransactionsFile(deps(), workspaceId, p);
  async function importAll(p: string) {
    const inspection = await inspect(p);
    const record = await createImport(deps(), workspaceId, null, p, inspection.settings);
    return { inspection, outcome: await runImport(deps(), { workspaceId, importId: record.id, actorId: null, filePath: p, settings: inspection.settings, dryRun: false }) };
  }
  const amounts = async (prefix: string) =>
    (await get().db.selectFrom('transactions').select(['external_id', 'amount_minor']).where('workspace_id', '=', workspaceId).where('external_id', 'like', `${prefix}%`).orderBy('external_id').execute()).map((r) => [r.external_id, Number(r.amount_minor)]);

  beforeAll(async () => {
    workspaceId = (await createWorkspace({ db: get().db, dialect, clock }, { workspaceName: 'Bad files', baseCurrency: 'EUR', locale: 'en', timeZone: 'UTC', ownerName: 'O', email: 'bad-files@example.com', password: 'correct horse battery' })).workspaceId;
  });

  it('an empty file, a header with no rows, and binary garbage are refused with the reason', async () => {
    await expect(inspect(file('empty.csv', ''))).rejects.toMatchObject({ code: 'import.unreadable_file', message: 'The file is empty' });
    await expect(inspect(file('header.csv', 'Order,Date,Amount\r\n'))).rejects.toMatchObject({ message: 'The file has a header row and no data under it' });
    const garbage = Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 7919) % 256));
    await expect(inspect(file('garbage.csv', garbage))).rejects.toMatchObject({ message: expect.stringContaining('binary data') });
  });

  it('a broken quote: the rows after it are still read, with a note saying where', async () => {
    const { outcome } = await importAll(file('quote.csv', 'Order,Date,Amount,Note\nQ1,2026-01-01,10.00,fine\nQ2,2026-01-02,20.00,"never closed\nQ3,2026-01-03,30.00,after\nQ4,2026-01-04,40.00,last\n'));
    expect(outcome.warnings).toEqual(['A quote opened on line 3 is never closed: from there on, quotes were read as plain characters']);
    expect(await amounts('Q')).toEqual([['Q1', 1000], ['Q2', 2000], ['Q3', 3000], ['Q4', 4000]]);
  });

  it('mixed encodings: the UTF-8 rows go in, the Windows-1251 row is rejected for its bytes', async () => {
    const utf8 = Buffer.from('Order,Date,Amount,Customer name,Customer ID\nM1,2026-01-01,10.00,Пётр,c1\n');
    const cp1251 = Buffer.from([0x4d, 0x32, 0x2c, ...Buffer.from('2026-01-02,20.00,'), 0xcf, 0xe5, 0xf2, 0xf0, 0x2c, 0x63, 0x32, 0x0a]); // "Петр" in Windows-1251
    const more = Buffer.from('M3,2026-01-03,30.00,Анна,c3\n');
    const { inspection, outcome } = await importAll(file('mixed.csv', Buffer.concat([utf8, cp1251, more])));
    expect(inspection.settings.format.encoding).toBe('utf-8');
    expect(outcome.counts).toMatchObject({ rows: 3, rejected: 1, transactionsCreated: 2 });
    expect(outcome.rejections[0]).toMatchObject({ row: 3, problems: [{ column: 'Customer name', code: 'import.bad_encoding' }] });
  });

  it('reads Windows-1251 and UTF-16 files as such', async () => {
    const text = 'Номер заказа;Дата;Сумма\nW1;05.03.2024;1 234,50\n';
    const cp1251 = Buffer.from(Array.from(text, (ch) => { const c = ch.charCodeAt(0); return c >= 0x410 && c <= 0x44f ? c - 0x410 + 0xc0 : c; }));
    const { inspection, outcome } = await importAll(file('cp1251.csv', cp1251));
    expect(inspection.settings.format).toMatchObject({ encoding: 'windows-1251', delimiter: ';' });
    expect(inspection.sample.headers).toEqual(['Номер заказа', 'Дата', 'Сумма']);
    expect(outcome.counts.rejected).toBe(0);
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Номер заказа\tДата\tСумма\r\nU1\t06.03.2024\t99,90\r\n', 'utf16le')]);
    const second = await importAll(file('utf16.txt', utf16));
    expect(second.inspection.settings.format).toMatchObject({ encoding: 'utf-16le', delimiter: '\t' });
    expect(await amounts('W')).toEqual([['W1', 123_450]]);
    expect(await amounts('U')).toEqual([['U1', 9_990]]);
  });

  it('a line of 10,000 columns and a 10 MB cell are rejected by row and column; the rest go in', async () => {
    const wide = `L2,2026-01-02,20.00${',x'.repeat(10_000)}`;
    const huge = `L3,2026-01-03,30.00,${'y'.repeat(10 * 1024 * 1024)}`;
    const { outcome } = await importAll(file('wide.csv', ['Order,Date,Amount,Note', 'L1,2026-01-01,10.00,ok', wide, huge.replace(',y', ',"y') + '"', 'L4,2026-01-04,40.00,ok', ''].join('\n')));
    expect(outcome.counts).toMatchObject({ rows: 4, rejected: 1, transactionsCreated: 3 });
    expect(outcome.rejections[0]).toMatchObject({ row: 3, problems: [{ code: 'import.row_too_wide', message: 'The row has 10003 cells but the header has 4 columns' }] });
    expect(await amounts('L')).toEqual([['L1', 1000], ['L3', 3000], ['L4', 4000]]);
  });

  it('a 10 MB cell in a column that is read is rejected with its size', async () => {
    const { outcome } = await importAll(file('cell.csv', `Order,Date,Amount,Customer name,Customer ID\nK1,2026-01-01,10.00,${'z'.repeat(10 * 1024 * 1024)},c9\nK2,2026-01-02,20.00,Zed,c9\n`));
    expect(outcome.rejections).toMatchObject([{ row: 2, problems: [{ column: 'Customer name', code: 'import.cell_too_long', message: 'The cell holds 10,485,760 characters (at most 10,000)' }] }]);
    expect(await amounts('K')).toEqual([['K2', 2000]]);
  });

  it('a gzip file cut short: the import stops with the reason, and a whole file imports after it', async () => {
    const lines = Array.from({ length: 6000 }, (_, i) => `G${String(i).padStart(5, '0')},2026-02-${String((i % 28) + 1).padStart(2, '0')},${(i * 7919) % 100000}.${String(i % 100).padStart(2, '0')},customer-${(i * 104729) % 3001}`);
    const whole = gzipSync(`Order,Date,Amount,Customer ID\n${lines.join('\n')}\n`);
    const cut = file('cut.csv.gz', whole.subarray(0, Math.floor(whole.length * 0.8)));
    const { outcome } = await importAll(cut);
    expect(outcome).toMatchObject({ status: 'failed', error: expect.stringMatching(/^The gzip file is damaged: /) });
    const mended = await importAll(file('mended.csv.gz', whole));
    expect(mended.outcome.status).toBe('done');
    expect(mended.outcome.counts.rows).toBe(6000);
    expect(await amounts('G00001')).toEqual([['G00001', 791_901]]);
  });

  it('a whitespace-separated file with lone CR line ends is read line by line, with the right line numbers', async () => {
    const { inspection, outcome } = await importAll(file('old-mac.txt', 'Order Date Amount\rMAC1 2026-03-01 10.00\rMAC2 2026-03-02 twelve\rMAC3 2026-03-03 30.00\r'));
    expect(inspection.settings.format.delimiter).toBe('whitespace');
    expect(outcome.counts).toMatchObject({ rows: 3, rejected: 1, transactionsCreated: 2 });
    expect(outcome.rejections[0]).toMatchObject({ row: 3, problems: [{ column: 'Amount', code: 'import.number_invalid' }] });
    expect(await amounts('MAC')).toEqual([['MAC1', 1000], ['MAC3', 3000]]);
  });

  it('duplicate headers stay two columns; dates that do not exist are rejected by row', async () => {
    const { inspection, outcome } = await importAll(file('dupes.csv', 'Order;Date;Amount;Amount\nD1;28.02.2024;10,00;99\nD2;31.02.2024;20,00;99\nD3;29.02.2024;30,00;99\n'));
    expect(inspection.sample.headers).toEqual(['Order', 'Date', 'Amount', 'Amount (2)']);
    expect(inspection.settings.read.mapping.amount).toBe('Amount');
    expect(outcome.rejections).toMatchObject([{ row: 3, problems: [{ column: 'Date', value: '31.02.2024', code: 'import.date_invalid' }] }]);
    expect(await amounts('D')).toEqual([['D1', 1000], ['D3', 3000]]);
  });

  it('an XLSX sheet: formulas count by their computed value and are never run; text that looks like a formula stays text', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Notes').addRow(['nothing here']);
    const sheet = workbook.addWorksheet('Продажи');
    sheet.addRow(['Номер заказа', 'Дата', 'Сумма', 'Комментарий']);
    sheet.addRow(['X1', new Date(Date.UTC(2024, 2, 5)), { formula: '100*2.5', result: 250 }, '=HYPERLINK("http://evil.example")']);
    sheet.addRow(['X2', new Date(Date.UTC(2024, 2, 6, 14, 30)), 12.5, 'ok']);
    sheet.addRow(['X3', 'not a date', 1, 'bad']);
    const p = path.join(dir, 'book.xlsx');
    await workbook.xlsx.writeFile(p);
    const inspection = await inspectTransactionsFile(deps(), workspaceId, p, { format: { sheet: 'Продажи' } });
    expect(inspection.sample.sheets).toEqual(['Notes', 'Продажи']);
    expect(inspection.settings.format).toMatchObject({ type: 'xlsx', sheet: 'Продажи', hasHeader: true });
    const record = await createImport(deps(), workspaceId, null, p, inspection.settings);
    const outcome = await runImport(deps(), { workspaceId, importId: record.id, actorId: null, filePath: p, settings: inspection.settings, dryRun: false });
    expect(outcome.counts).toMatchObject({ rows: 3, rejected: 1, transactionsCreated: 2 });
    expect(outcome.rejections[0]).toMatchObject({ row: 4, problems: [{ column: 'Дата', code: 'import.date_invalid' }] });
    const rows = await get().db.selectFrom('transactions').select(['external_id', 'amount_minor', 'occurred_at']).where('external_id', 'in', ['X1', 'X2']).orderBy('external_id').execute();
    expect(rows.map((r) => [r.external_id, Number(r.amount_minor), r.occurred_at])).toEqual([['X1', 25_000, '2024-03-05T00:00:00.000Z'], ['X2', 1_250, '2024-03-06T14:30:00.000Z']]);
    const n = await sql<{ n: number }>`select count(*) as n from transactions where workspace_id = ${workspaceId}`.execute(get().db);
    expect(Number(n.rows[0]!.n)).toBeGreaterThan(0);
  });
});
