/**
 * Spreadsheet cells that a spreadsheet program would run as a formula (=, +, -, @, tab or CR
 * first) get a leading apostrophe, so exported data can never execute. Plain numbers
 * ("-12.50") are left as they are: they are values, not formulas. Our importer removes the
 * apostrophe again, so an export re-imports unchanged.
 */
const DANGEROUS_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?(\d[\d\s\u00a0]*)([.,]\d+)?$/;

export function neutraliseCell(text: string): string {
  return DANGEROUS_START.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
}

/** The reverse, for cells read back: "'=A1" → "=A1". */
export function unneutraliseCell(text: string): string {
  return text.length > 1 && text.charCodeAt(0) === 39 && DANGEROUS_START.test(text.slice(1)) ? text.slice(1) : text;
}

/** One CSV line (RFC 4180 quoting, CRLF), every cell neutralised. */
export function csvLine(cells: (string | number | null | undefined)[]): string {
  return `${cells.map((c) => csvQuote(c === null || c === undefined ? '' : typeof c === 'number' ? String(c) : neutraliseCell(c))).join(',')}\r\n`;
}

function csvQuote(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
