/**
 * Locale-correct dates, numbers and money. Pure functions of (value, locale, time zone) so
 * they are easy to test; components use the bound versions from useFormat().
 */
const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, make: () => T): T {
  let format = cache.get(key) as T | undefined;
  if (!format) cache.set(key, (format = make()));
  return format;
}

function toDate(value: string | Date): Date {
  return typeof value === 'string' ? new Date(value) : value;
}

export function formatDate(value: string | Date, locale: string, timeZone?: string): string {
  const format = cached(`d|${locale}|${timeZone ?? ''}`, () =>
    new Intl.DateTimeFormat(locale, { dateStyle: 'medium', ...(timeZone && { timeZone }) }),
  );
  return format.format(toDate(value));
}

/** A calendar date (`YYYY-MM-DD`: a birthday, "customer since") is the same day everywhere: no time zone shift. */
export function formatDay(value: string, locale: string): string {
  const format = cached(`day|${locale}`, () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }));
  const date = new Date(`${value.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? value : format.format(date);
}

export function formatDateTime(value: string | Date, locale: string, timeZone?: string): string {
  const format = cached(`dt|${locale}|${timeZone ?? ''}`, () =>
    new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', ...(timeZone && { timeZone }) }),
  );
  return format.format(toDate(value));
}

export function formatNumber(value: number, locale: string): string {
  return cached(`n|${locale}`, () => new Intl.NumberFormat(locale)).format(value);
}

/** The number of minor units in one major unit is the currency's, e.g. 2 for EUR, 0 for JPY, 3 for BHD. */
export function currencyFractionDigits(currency: string): number {
  const format = cached(`c|en|${currency}`, () => new Intl.NumberFormat('en', { style: 'currency', currency }));
  return format.resolvedOptions().maximumFractionDigits ?? 2;
}

/** Money is stored as integer minor units; shown in major units in the locale's style. */
export function formatMoney(minorUnits: number, currency: string, locale: string): string {
  const major = minorUnits / 10 ** currencyFractionDigits(currency);
  return cached(`m|${locale}|${currency}`, () => new Intl.NumberFormat(locale, { style: 'currency', currency })).format(major);
}

/** A share (0.834) as a percentage in the locale's style ("83%", "83 %"); `digits` after the point at most. */
export function formatPercent(share: number, locale: string, digits = 0): string {
  return cached(`p|${locale}|${digits}`, () => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: digits })).format(share);
}

/** Money in few characters for chart axes: "$72K", "72 тыс. $". */
export function formatCompactMoney(minorUnits: number, currency: string, locale: string): string {
  const major = minorUnits / 10 ** currencyFractionDigits(currency);
  return cached(`cm|${locale}|${currency}`, () =>
    new Intl.NumberFormat(locale, { style: 'currency', currency, notation: 'compact', minimumFractionDigits: 0, maximumFractionDigits: 1 }),
  ).format(major);
}
