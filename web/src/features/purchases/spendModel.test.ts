import { describe, expect, it } from 'vitest';
import { currentMonth, monthSeries, nextMonth, totalsByCurrency } from './spendModel.ts';

const months = [
  { month: '2024-11', currency: 'EUR', amountMinor: 1000, purchases: 1 },
  { month: '2025-02', currency: 'EUR', amountMinor: -300, purchases: 0 },
  { month: '2024-12', currency: 'USD', amountMinor: 5000, purchases: 2 },
  { month: '2025-01', currency: 'EUR', amountMinor: 2500, purchases: 2 },
];

describe('spend model', () => {
  it('adds up each currency on its own', () => {
    expect(totalsByCurrency(months)).toEqual([
      { currency: 'EUR', amountMinor: 3200, purchases: 3 },
      { currency: 'USD', amountMinor: 5000, purchases: 2 },
    ]);
  });

  it('fills the months without spend, across a year end', () => {
    expect(monthSeries(months, 'EUR', 36).map((m) => [m.month, m.amountMinor])).toEqual([
      ['2024-11', 1000],
      ['2024-12', 0],
      ['2025-01', 2500],
      ['2025-02', -300],
    ]);
    expect(monthSeries(months, 'EUR', 2).map((m) => m.month)).toEqual(['2025-01', '2025-02']);
    expect(monthSeries(months, 'JPY', 12)).toEqual([]);
  });

  it('runs on to this month, so months without purchases show', () => {
    expect(monthSeries(months, 'USD', 36, '2025-03').map((m) => [m.month, m.amountMinor])).toEqual([
      ['2024-12', 5000],
      ['2025-01', 0],
      ['2025-02', 0],
      ['2025-03', 0],
    ]);
    expect(monthSeries(months, 'EUR', 36, '2024-01').at(-1)?.month).toBe('2025-02');
  });

  it('knows this month in the workspace time zone', () => {
    const newYear = new Date('2024-12-31T23:30:00Z');
    expect(currentMonth('Europe/Moscow', newYear)).toBe('2025-01');
    expect(currentMonth('America/New_York', newYear)).toBe('2024-12');
  });

  it('steps months', () => {
    expect(nextMonth('2024-09')).toBe('2024-10');
    expect(nextMonth('2024-12')).toBe('2025-01');
  });
});
