import ExcelJS from 'exceljs';
import type { TableRow } from './table-reader.ts';

/**
 * Excel workbooks, streamed a row at a time (a sheet of a million rows is never in memory).
 * Cells become the text the importer reads: dates as ISO (Excel keeps no time zone: the
 * wall-clock time is kept), numbers as written, a formula as its last computed result —
 * never the formula itself, and nothing is ever evaluated here.
 */
export async function* xlsxSheets(path: string): AsyncIterable<{ name: string; rows: AsyncIterable<TableRow> }> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, { worksheets: 'emit', sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', entries: 'emit' } as never);
  let yielded = false;
  try {
    for await (const sheet of reader as AsyncIterable<AsyncIterable<ExcelJS.Row> & { name: string }>) {
      yielded = true;
      yield { name: sheet.name, rows: sheetRows(sheet) };
    }
  } catch (error) {
    // exceljs's streaming reader needs xl/workbook.xml before a sheet that it can read at once
    // (after the shared strings); zip files that store it later (exceljs's own writer sometimes
    // does) fail with "reading 'sheets'". Those are read whole instead: correct, not streamed.
    if (yielded || !/reading 'sheets'/.test(String((error as Error)?.message))) throw error;
    yield* wholeWorkbookSheets(path);
  }
}

async function* wholeWorkbookSheets(path: string): AsyncIterable<{ name: string; rows: AsyncIterable<TableRow> }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  for (const sheet of workbook.worksheets) {
    const rows: ExcelJS.Row[] = [];
    sheet.eachRow({ includeEmpty: false }, (row) => rows.push(row));
    yield { name: sheet.name, rows: sheetRows(asAsync(rows)) };
  }
}

async function* asAsync<T>(items: T[]): AsyncIterable<T> {
  yield* items;
}

async function* sheetRows(sheet: AsyncIterable<ExcelJS.Row>): AsyncIterable<TableRow> {
  for await (const row of sheet) {
    const values = (row.values as unknown[]).slice(1);
    const cells = Array.from({ length: values.length }, (_, i) => cellText(values[i]));
    if (cells.some((c) => c !== '')) yield { number: row.number, cells };
  }
}

export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    const iso = value.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 19).replace('T', ' ');
  }
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(15)));
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'string') return value;
  if (typeof value === 'object') {
    const v = value as { result?: unknown; formula?: string; richText?: { text: string }[]; text?: unknown; error?: string };
    if ('formula' in v || 'sharedFormula' in v) return cellText(v.result);
    if (Array.isArray(v.richText)) return v.richText.map((r) => r.text).join('');
    if (v.text !== undefined) return cellText(v.text);
    if (v.error) return v.error;
  }
  return String(value);
}

/** A ZIP file (an .xlsx is one) starts with "PK\x03\x04". */
export function looksLikeZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}
