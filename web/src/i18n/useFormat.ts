import { useMemo } from 'react';
import { formatDate, formatDateTime, formatDay, formatMoney, formatNumber } from './format.ts';
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
    }),
    [locale, timeZone],
  );
}
