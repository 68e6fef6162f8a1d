import fs from 'node:fs';
import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { createDelimitedParser, type ParsedRecord } from './delimited-parser.ts';
import { readTextChunks } from './text-chunks.ts';
import { createTextDecoder, detectEncoding, type TextEncodingName } from './text-encoding.ts';
import { looksBinary, detectDelimiter } from './format-detection.ts';
import { looksLikeHeader } from './header-detection.ts';
import { looksLikeVcard, sampleVcards, streamVcards, vcardFormat } from './vcard-reader.ts';
import { looksLikeZip, xlsxSheets } from './xlsx-reader.ts';

/**
 * Reads spreadsheets and delimited text as rows of strings, streaming, whatever their size:
 * gzip is unpacked on the fly, the encoding and the delimiter are detected from the first
 * 64 KiB (each can be overridden), and rows come out in batches with their line numbers.
 */
export type Delimiter = ',' | ';' | '\t' | '|' | 'whitespace';

/** How a file is read. For a workbook, the sheet (the first when null); encoding and delimiter do not apply. */
export interface DelimitedFormat {
  type: 'delimited' | 'xlsx' | 'vcard';
  encoding: TextEncodingName;
  delimiter: Delimiter;
  hasHeader: boolean;
  sheet?: string | null;
  /** The line of the header when lines above it are a report's title and notes (skipped, and listed). */
  headerRow?: number;
}

export interface TableRow {
  /** The file's line (text) or row (spreadsheet) number where the row starts, 1-based. */
  number: number;
  cells: string[];
}

export class TableReadError extends Error {
  constructor(
    message: string,
    readonly line: number | null,
  ) {
    super(message);
  }
}

const SNIFF_BYTES = 64 * 1024;

export interface TableSample {
  format: DelimitedFormat;
  headers: string[];
  /** The first rows after the header, as they will be read. */
  rows: TableRow[];
  compressed: boolean;
  /** A workbook's sheets. */
  sheets: string[];
  /** Lines above the header (a report's title, notes), skipped. */
  above?: { row: number; text: string }[];
}

/**
 * How many records above the header are a report's title and notes (1C, Excel): lines with a
 * cell or two above a row as wide as the data under it. 0 when the first record is the header.
 */
function titleLinesAbove(records: TableRow[]): number {
  const filled = (r: TableRow) => r.cells.filter((c) => c.trim() !== '').length;
  const limit = Math.min(records.length - 2, 15);
  for (let i = 0; i <= limit; i++) {
    const below = records.slice(i + 1, i + 21).map(filled).toSorted((a, b) => a - b);
    const typical = below[Math.floor(below.length / 2)] ?? 0;
    if (filled(records[i]!) >= Math.max(2, Math.ceil(typical * 0.6))) return i;
  }
  return 0;
}

/** Looks at the start of a file: its format (overrides win), its headers and first rows. */
export async function sampleTable(path: string, overrides: Partial<DelimitedFormat> = {}, sampleRows = 200): Promise<TableSample> {
  const { bytes, compressed } = await readStart(path);
  if (bytes.length === 0) throw new TableReadError('The file is empty', null);
  if (looksLikeVcard(bytes)) return sampleVcards(path, vcardFormat(bytes, overrides), compressed, sampleRows, (message, line) => new TableReadError(message, line));
  if (!compressed && looksLikeZip(bytes)) return sampleWorkbook(path, overrides, sampleRows);
  if (looksBinary(bytes)) throw new TableReadError('The file is not text or a spreadsheet this importer reads (it looks like binary data)', null);
  const detected = detectEncoding(bytes);
  const encoding = overrides.encoding ?? detected.encoding;
  const decoder = createTextDecoder(encoding);
  const text = decoder.write(bytes.subarray(overrides.encoding && overrides.encoding !== detected.encoding ? 0 : detected.bomLength)).replace(/^\uFEFF/, '');
  const lines = completeLines(text, bytes.length < SNIFF_BYTES);
  const delimiter = overrides.delimiter ?? detectDelimiter(lines.slice(0, 50));
  let records = splitSample(lines.join('\n'), delimiter);
  if (records.length === 0) throw new TableReadError('The file has no rows', null);
  const top = overrides.headerRow !== undefined ? records.findIndex((r) => r.number >= overrides.headerRow!) : overrides.hasHeader === false ? 0 : titleLinesAbove(records);
  const above = records.slice(0, Math.max(0, top)).map((r) => ({ row: r.number, text: r.cells.filter(Boolean).join(' ') }));
  records = records.slice(Math.max(0, top));
  const hasHeader = top > 0 ? true : (overrides.hasHeader ?? looksLikeHeader(records.map((r) => r.cells)));
  if (hasHeader && records.length === 1 && bytes.length < SNIFF_BYTES) throw new TableReadError('The file has a header row and no data under it', records[0]!.number);
  const width = hasHeader ? records[0]!.cells.length : usualWidth(records.slice(0, sampleRows));
  const headers = hasHeader ? headerNames(records[0]!.cells, width) : Array.from({ length: width }, (_, i) => `Column ${i + 1}`);
  const format: DelimitedFormat = { type: 'delimited', encoding, delimiter, hasHeader, ...(top > 0 && { headerRow: records[0]!.number }) };
  return { format, headers, rows: records.slice(hasHeader ? 1 : 0, sampleRows + (hasHeader ? 1 : 0)), compressed, sheets: [], above };
}

async function sampleWorkbook(path: string, overrides: Partial<DelimitedFormat>, sampleRows: number): Promise<TableSample> {
  const sheets: string[] = [];
  let records: TableRow[] = [];
  let chosen: string | null = null;
  try {
    for await (const sheet of xlsxSheets(path)) {
      sheets.push(sheet.name);
      const wanted = overrides.sheet ? sheet.name === overrides.sheet : chosen === null;
      for await (const row of sheet.rows) if (wanted && records.length <= sampleRows) records.push(row);
      if (wanted) chosen = sheet.name;
    }
  } catch (error) {
    throw new TableReadError(`The file is not a workbook this importer reads: ${(error as Error).message}`, null);
  }
  if (overrides.sheet && chosen === null) throw new TableReadError(`The workbook has no sheet "${overrides.sheet}" (its sheets: ${sheets.join(', ')})`, null);
  if (records.length === 0) throw new TableReadError(`The sheet "${chosen ?? sheets[0] ?? ''}" has no rows`, null);
  records = records.filter((r) => r.cells.some((c) => c.trim() !== ''));
  const top = overrides.headerRow !== undefined ? records.findIndex((r) => r.number >= overrides.headerRow!) : overrides.hasHeader === false ? 0 : titleLinesAbove(records);
  const above = records.slice(0, Math.max(0, top)).map((r) => ({ row: r.number, text: r.cells.filter(Boolean).join(' ') }));
  records = records.slice(Math.max(0, top));
  const hasHeader = top > 0 ? true : (overrides.hasHeader ?? looksLikeHeader(records.map((r) => r.cells)));
  const width = hasHeader ? records[0]!.cells.length : usualWidth(records);
  const headers = hasHeader ? headerNames(records[0]!.cells, width) : Array.from({ length: width }, (_, i) => `Column ${i + 1}`);
  const format: DelimitedFormat = { type: 'xlsx', encoding: 'utf-8', delimiter: ',', hasHeader, sheet: chosen, ...(top > 0 && { headerRow: records[0]!.number }) };
  records = records.slice(hasHeader ? 1 : 0);
  return { format, headers, rows: records.slice(0, sampleRows), compressed: false, sheets, above };
}

/** Without a header, the columns most rows have (one broken, very wide line must not add thousands). */
function usualWidth(rows: TableRow[]): number {
  const counts = new Map<number, number>();
  for (const r of rows) counts.set(r.cells.length, (counts.get(r.cells.length) ?? 0) + 1);
  return [...counts.entries()].reduce((best, e) => (e[1] > best[1] || (e[1] === best[1] && e[0] > best[0]) ? e : best), [1, 0])[0];
}

/** Unique, non-empty header names: a blank header becomes "Column N", a repeated one "Name (2)". */
export function headerNames(cells: string[], width: number): string[] {
  const seen = new Map<string, number>();
  return Array.from({ length: Math.max(width, cells.length) }, (_, i) => {
    const base = (cells[i] ?? '').trim() || `Column ${i + 1}`;
    const n = (seen.get(base.toLowerCase()) ?? 0) + 1;
    seen.set(base.toLowerCase(), n);
    return n === 1 ? base : `${base} (${n})`;
  });
}

export interface TableStream {
  /** Batches of rows after the header. */
  batches: AsyncIterable<TableRow[]>;
  /** Bytes of the file read so far (compressed bytes for gzip): progress against its size. */
  bytesRead: () => number;
  size: number;
  /** Things read around rather than refused (an unclosed quote), once the batches are done. */
  warnings: string[];
}

/** Streams every row after the header, in batches. */
export function streamTable(path: string, format: DelimitedFormat, batchSize = 2000): TableStream {
  if (format.type === 'xlsx') return streamWorkbook(path, format, batchSize);
  if (format.type === 'vcard') return streamVcards(path, format, isGzipSync(path), batchSize, (message) => new TableReadError(message, null));
  const size = fs.statSync(path).size;
  const warnings: string[] = [];
  const text = readTextChunks(path, format.encoding, isGzipSync(path), (message) => new TableReadError(message, null));
  const batches = (async function* () {
    const chunks = withoutBom(text.chunks);
    yield* inBatches(format.delimiter === 'whitespace' ? whitespaceRows(chunks) : delimitedRows(chunks, format.delimiter, warnings), format.hasHeader, batchSize, format.headerRow ?? 0);
  })();
  return { batches, bytesRead: text.bytesRead, size, warnings };
}

async function* withoutBom(chunks: AsyncIterable<string>): AsyncIterable<string> {
  let first = true;
  for await (const chunk of chunks) {
    yield first ? chunk.replace(/^\uFEFF/, '') : chunk;
    first = false;
  }
}

async function drain(rows: AsyncIterable<TableRow>): Promise<void> {
  for await (const row of rows) void row;
}

/** Rows after the header, in batches of `size`. */
async function* inBatches(chunks: AsyncIterable<TableRow[]>, skipHeader: boolean, size: number, headerRow = 0): AsyncIterable<TableRow[]> {
  let batch: TableRow[] = [];
  let skip = skipHeader;
  for await (const rows of chunks) {
    for (const row of rows) {
      if (row.number < headerRow) continue; // a report's title above the header
      if (skip) {
        skip = false;
        continue;
      }
      batch.push(row);
      if (batch.length >= size) {
        yield batch;
        batch = [];
      }
    }
  }
  if (batch.length > 0) yield batch;
}

/** Single rows (a workbook's) as chunks, for inBatches. */
async function* chunksOf(rows: AsyncIterable<TableRow>): AsyncIterable<TableRow[]> {
  for await (const row of rows) yield [row];
}

/** A workbook's sheet in batches (progress is only known at the end: a workbook is a ZIP read as a whole). */
function streamWorkbook(path: string, format: DelimitedFormat, batchSize: number): TableStream {
  const size = fs.statSync(path).size;
  let bytesRead = 0;
  const batches = (async function* () {
    let first = true;
    for await (const sheet of xlsxSheets(path)) {
      const wanted = format.sheet ? sheet.name === format.sheet : first;
      first = false;
      if (wanted) yield* inBatches(chunksOf(sheet.rows), format.hasHeader, batchSize, format.headerRow ?? 0);
      else await drain(sheet.rows); // the reader needs every sheet read through
    }
    bytesRead = size;
  })();
  return { batches, bytesRead: () => bytesRead, size, warnings: [] };
}

function isGzipSync(path: string): boolean {
  const fd = fs.openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(2);
    return fs.readSync(fd, buffer, 0, 2, 0) === 2 && buffer[0] === 0x1f && buffer[1] === 0x8b;
  } finally {
    fs.closeSync(fd);
  }
}

/** Rows a chunk of text at a time (an await per row would cost more than parsing it). */
async function* delimitedRows(text: AsyncIterable<string>, delimiter: string, warnings: string[]): AsyncIterable<TableRow[]> {
  const parser = createDelimitedParser(delimiter);
  for await (const chunk of text) yield tableRows(parser.write(chunk));
  yield tableRows(parser.end());
  const line = parser.recoveredFromLine();
  if (line !== null) warnings.push(`A quote opened on line ${line} is never closed: from there on, quotes were read as plain characters`);
}

/** The records with something in them (a line of nothing but delimiters is blank); most chunks have no blank one. */
function tableRows(records: ParsedRecord[]): TableRow[] {
  let i = 0;
  while (i < records.length && !isBlank(records[i]!.cells)) i++;
  if (i === records.length) return records;
  const rows = records.slice(0, i);
  for (; i < records.length; i++) if (!isBlank(records[i]!.cells)) rows.push(records[i]!);
  return rows;
}

function isBlank(cells: string[]): boolean {
  for (const c of cells) if (c !== '') return false;
  return true;
}

async function* whitespaceRows(text: AsyncIterable<string>): AsyncIterable<TableRow[]> {
  let rest = '';
  let line = 0;
  for await (const chunk of text) {
    // Lines end as in the sample: CRLF, LF or a lone CR. A CR that ends the chunk waits for the
    // next one, which may begin with its LF.
    let joined = rest + chunk;
    const heldCR = joined.endsWith('\r');
    if (heldCR) joined = joined.slice(0, -1);
    const parts = joined.split(/\r\n|\r|\n/);
    rest = parts.pop()! + (heldCR ? '\r' : '');
    const rows: TableRow[] = [];
    for (const part of parts) {
      line++;
      const trimmed = part.trim();
      if (trimmed) rows.push({ number: line, cells: trimmed.split(/\s+/) });
    }
    yield rows;
  }
  const trimmed = rest.trim();
  if (trimmed) yield [{ number: line + 1, cells: trimmed.split(/\s+/) }];
}

async function readStart(path: string): Promise<{ bytes: Uint8Array; compressed: boolean }> {
  const compressed = isGzipSync(path);
  const chunks: Buffer[] = [];
  let total = 0;
  const file = fs.createReadStream(path);
  const source: Readable = compressed ? file.pipe(createGunzip()) : file;
  try {
    for await (const chunk of source as AsyncIterable<Buffer>) {
      chunks.push(chunk);
      total += chunk.length;
      if (total >= SNIFF_BYTES) break;
    }
  } catch (error) {
    if (!compressed) throw error;
    throw new TableReadError(`The gzip file is damaged: ${(error as Error).message}`, null);
  } finally {
    file.destroy();
  }
  return { bytes: Buffer.concat(chunks).subarray(0, SNIFF_BYTES), compressed };
}

function completeLines(text: string, whole: boolean): string[] {
  const lines = text.split(/\r?\n|\r/);
  if (!whole && lines.length > 1) lines.pop(); // the last line may be cut off
  return lines;
}

/** The sample's records, split the way the streaming reader will split them. */
function splitSample(text: string, delimiter: Delimiter): TableRow[] {
  if (delimiter === 'whitespace') {
    return text
      .split(/\r?\n|\r/)
      .map((line, i) => ({ number: i + 1, cells: line.trim().split(/\s+/) }))
      .filter((r) => r.cells.length > 1 || r.cells[0] !== '');
  }
  const parser = createDelimitedParser(delimiter);
  const records = parser.write(text);
  try {
    records.push(...parser.end());
  } catch {
    // An unclosed quote in the sample: the rows before it (the streaming reader reports the error).
  }
  return tableRows(records);
}
