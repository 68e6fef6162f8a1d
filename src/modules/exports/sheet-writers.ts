import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { csvLine, neutraliseCell } from './spreadsheet-cells.ts';

/**
 * Spreadsheets written as a stream, a row at a time, so an export has no row cap and
 * bounded memory: CSV (UTF-8 with BOM, so Excel reads Cyrillic) or XLSX with typed cells —
 * numbers as numbers, dates as dates, a frozen header row. Text that a spreadsheet could
 * run as a formula is neutralised in both.
 */
export type CellType = 'text' | 'number' | 'integer' | 'money' | 'date' | 'datetime' | 'boolean';
export type CellValue = string | number | boolean | null;

export interface SheetColumn {
  header: string;
  type: CellType;
  /** Digits after the point for money columns. */
  decimals?: number;
}

export interface SheetWriter {
  addRow(values: CellValue[]): Promise<void>;
  end(): Promise<void>;
}

export type SheetFormat = 'csv' | 'xlsx';

export function createSheetWriter(format: SheetFormat, out: Writable, columns: SheetColumn[], sheetName = 'Data'): SheetWriter {
  return format === 'csv' ? csvWriter(out, columns) : xlsxWriter(out, columns, sheetName);
}

function csvWriter(out: Writable, columns: SheetColumn[]): SheetWriter {
  const write = (text: string) => (out.write(text) ? Promise.resolve() : new Promise<void>((resolve) => out.once('drain', () => resolve())));
  let started = false;
  return {
    async addRow(values) {
      if (!started) {
        started = true;
        await write(`\uFEFF${csvLine(columns.map((c) => c.header))}`);
      }
      await write(csvLine(values.map((v) => (typeof v === 'boolean' ? (v ? 'yes' : 'no') : v))));
    },
    async end() {
      if (!started) await write(`\uFEFF${csvLine(columns.map((c) => c.header))}`);
      await new Promise<void>((resolve) => out.end(() => resolve()));
    },
  };
}

const DATE_FORMAT = 'yyyy-mm-dd';
const DATETIME_FORMAT = 'yyyy-mm-dd hh:mm';

function xlsxWriter(out: Writable, columns: SheetColumn[], sheetName: string): SheetWriter {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({
    header: c.header,
    width: Math.min(40, Math.max(10, c.header.length + 2, c.type === 'datetime' ? 17 : 0)),
    style: { numFmt: c.type === 'date' ? DATE_FORMAT : c.type === 'datetime' ? DATETIME_FORMAT : c.type === 'money' ? moneyFormat(c.decimals ?? 2) : c.type === 'integer' ? '0' : undefined },
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  return {
    async addRow(values) {
      const cells = values.map((v, i) => typed(v, columns[i]!.type));
      sheet.addRow(cells).commit();
    },
    async end() {
      sheet.commit();
      await workbook.commit();
    },
  };
}

function moneyFormat(decimals: number): string {
  return decimals > 0 ? `#,##0.${'0'.repeat(decimals)}` : '#,##0';
}

function typed(value: CellValue, type: CellType): string | number | boolean | Date | null {
  if (value === null || value === '') return null;
  switch (type) {
    case 'number':
    case 'integer':
    case 'money':
      return typeof value === 'number' ? value : Number(value);
    case 'date':
      // A calendar date: midnight UTC, so every time zone shows the same day.
      return typeof value === 'string' ? new Date(`${value.slice(0, 10)}T00:00:00Z`) : null;
    case 'datetime':
      return typeof value === 'string' ? new Date(value) : null;
    case 'boolean':
      return Boolean(value);
    case 'text':
      return neutraliseCell(String(value));
  }
}
