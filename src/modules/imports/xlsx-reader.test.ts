import path from 'node:path';
import { expect, it } from 'vitest';
import { xlsxSheets } from './xlsx-reader.ts';

// A workbook whose zip stores the shared strings before the sheets and xl/workbook.xml last
// (exceljs's own writer sometimes does, depending on which of its streams finishes first).
// exceljs's streaming reader then fails on the first sheet ("reading 'sheets'").
const FIXTURE = path.join(import.meta.dirname, 'fixtures', 'workbook-xml-last.xlsx');

it('reads a workbook that stores xl/workbook.xml after its sheets', async () => {
  const sheets: Record<string, string[][]> = {};
  for await (const sheet of xlsxSheets(FIXTURE)) {
    const rows: string[][] = [];
    for await (const row of sheet.rows) rows.push(row.cells);
    sheets[sheet.name] = rows;
  }
  expect(sheets).toEqual({
    Notes: [['nothing here']],
    Продажи: [['Номер заказа', 'Дата', 'Сумма', 'Комментарий'], ['X1', '2024-03-05', '250', '=HYPERLINK("http://evil.example")']],
  });
});
