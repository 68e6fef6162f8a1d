import { currencyFractionDigits } from '../../i18n/format.ts';

const cache = new Map<string, Intl.NumberFormat>();

/**
 * Money rounded to whole units ("£1,251", "1 251 ₽") for a report's wide table, where pence
 * would only push the columns off screen; the exact amount goes in the cell's title.
 */
export function formatWholeMoney(minorUnits: number, currency: string, locale: string): string {
  const key = `${locale}|${currency}`;
  let format = cache.get(key);
  if (!format) cache.set(key, (format = new Intl.NumberFormat(locale, { style: 'currency', currency, minimumFractionDigits: 0, maximumFractionDigits: 0 })));
  return format.format(Math.round(minorUnits / 10 ** currencyFractionDigits(currency)));
}
