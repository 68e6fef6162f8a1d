import { currencyExponent } from '../modules/imports/number-values.ts';

/** A plain-text table: the first column left-aligned, the others right-aligned. */
export function table(headers: string[], rows: (string | number)[][]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells: (string | number)[]) => cells.map((c, i) => (typeof c === 'number' || i > 0 ? String(c).padStart(widths[i]!) : String(c).padEnd(widths[i]!))).join('  ');
  return [line(headers), ...rows.map(line)].join('\n');
}

/** Minor units as a decimal amount of the currency ('—' for none). */
export const amount = (currency: string) => (minor: number | null) => (minor === null ? '—' : (minor / 10 ** currencyExponent(currency)).toFixed(currencyExponent(currency)));
export const percent = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)}%`);
