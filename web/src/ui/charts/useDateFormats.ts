import { useMemo } from 'react';
import { useI18n } from '../../i18n/i18nContext.ts';

/** "2024-03" or "2024-03-18" → that day (the first of the month) at midnight UTC, formatted in UTC so never the day before. */
export const dateOf = (date: string) => new Date(`${date.length === 7 ? `${date}-01` : date}T00:00:00Z`);

/** The date labels of the charts in the interface language: "March 2024", "Mar", "18 Mar", "2024". */
export function useDateFormats() {
  const { locale } = useI18n();
  return useMemo(() => {
    const formatter = (options: Intl.DateTimeFormatOptions) => {
      const format = new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' });
      return (date: string) => format.format(dateOf(date));
    };
    return {
      longMonth: formatter({ month: 'long', year: 'numeric' }),
      month: formatter({ month: 'short' }),
      day: formatter({ day: 'numeric', month: 'short' }),
      year: formatter({ year: 'numeric' }),
    };
  }, [locale]);
}
