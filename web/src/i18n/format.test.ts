import { describe, expect, it } from 'vitest';
import { currencyFractionDigits, formatCompactMoney, formatDate, formatDateTime, formatDay, formatMoney, formatNumber, formatPercent } from './format.ts';

// Expected strings written out by hand from CLDR conventions, with the exact spaces Node's
// ICU uses: Russian groups digits with a no-break space (U+00A0) and uses a decimal comma.
const NBSP = '\u00A0';

describe('formatNumber', () => {
  it('uses the English separators', () => {
    expect(formatNumber(1234567.5, 'en')).toBe('1,234,567.5');
  });

  it('uses the Russian separators', () => {
    expect(formatNumber(1234567.5, 'ru')).toBe(`1${NBSP}234${NBSP}567,5`);
  });
});

describe('formatMoney', () => {
  it('turns minor units into major units by the currency', () => {
    expect(formatMoney(123456, 'EUR', 'en')).toBe('€1,234.56');
    expect(formatMoney(123456, 'EUR', 'ru')).toBe(`1${NBSP}234,56${NBSP}€`);
    expect(formatMoney(123450, 'RUB', 'ru')).toBe(`1${NBSP}234,50${NBSP}₽`);
    expect(formatMoney(-1250, 'USD', 'en')).toBe('-$12.50');
  });

  it('knows currencies without or with three minor digits', () => {
    expect(currencyFractionDigits('JPY')).toBe(0);
    expect(currencyFractionDigits('BHD')).toBe(3);
    expect(formatMoney(1234, 'JPY', 'en')).toBe('¥1,234');
    expect(formatMoney(1234, 'BHD', 'en')).toBe(`BHD${NBSP}1.234`);
  });
});

describe('dates', () => {
  // 22:30 UTC on 5 March is already 6 March in Moscow (UTC+3) but still 5 March in New York.
  const instant = '2026-03-05T22:30:00Z';

  it('shows the calendar day of the workspace time zone', () => {
    expect(formatDate(instant, 'en', 'America/New_York')).toBe('Mar 5, 2026');
    expect(formatDate(instant, 'en', 'Europe/Moscow')).toBe('Mar 6, 2026');
    expect(formatDate(instant, 'ru', 'Europe/Moscow')).toBe('6 мар. 2026 г.');
  });

  it('shows date and time in the locale style', () => {
    expect(formatDateTime(instant, 'en', 'Europe/Moscow')).toBe('Mar 6, 2026, 1:30 AM');
    expect(formatDateTime(instant, 'ru', 'Europe/Moscow')).toBe('6 мар. 2026 г., 01:30');
  });

  it('accepts Date objects', () => {
    expect(formatDate(new Date(instant), 'en', 'UTC')).toBe('Mar 5, 2026');
  });
});

describe('formatDay', () => {
  it('shows a calendar date without shifting it by a time zone', () => {
    expect(formatDay('2026-03-05', 'en')).toBe('Mar 5, 2026');
    expect(formatDay('2026-03-05', 'ru')).toBe('5 мар. 2026 г.');
  });

  it('leaves an unreadable value as it is', () => {
    expect(formatDay('soon', 'en')).toBe('soon');
  });
});

describe('formatPercent', () => {
  it('writes a share as a percentage in the locale', () => {
    expect(formatPercent(0.834, 'en')).toBe('83%');
    expect(formatPercent(0.834, 'ru')).toBe(`83${NBSP}%`);
    expect(formatPercent(0.1234, 'en', 1)).toBe('12.3%');
  });
});

describe('formatCompactMoney', () => {
  it('shortens large amounts for axes', () => {
    expect(formatCompactMoney(7_210_000, 'USD', 'en')).toBe('$72.1K');
    expect(formatCompactMoney(50_000, 'USD', 'en')).toBe('$500');
  });
});
