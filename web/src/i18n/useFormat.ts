import { useMemo } from 'react';
import { formatCompactMoney, formatDate, formatDateTime, formatDay, formatMoney, formatNumber, formatPercent } from './format.ts';
import { useI18n } from './i18nContext.ts';

/** The formatters, bound to the UI language and the workspace time zone. */
export function useFormat() {
  const { locale, timeZone } = useI18n();
  return useMemo(
    () => ({
      date: (value: string | Date) => formatDate(value, locale, timeZone),
      /** A calendar date, YYYY-MM-DD. */
      day: (value: string) => formatDay(value, locale),
      dateTime: (value: string | Date) => formatDateTime(value, locale, timeZone),
      number: (value: number) => formatNumber(value, locale),
      money: (minorUnits: number, currency: string) => formatMoney(minorUnits, currency, locale),
      compactMoney: (minorUnits: number, currency: string) => formatCompactMoney(minorUnits, currency, locale),
      /** A share, 0.834 → "83%". */
      percent: (share: number, digits = 0) => formatPercent(share, locale, digits),
    }),
    [locale, timeZone],
  );
}
