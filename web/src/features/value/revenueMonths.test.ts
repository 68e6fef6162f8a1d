import { describe, expect, it } from 'vitest';
import { fillMonths } from './revenueMonths.ts';

const month = (m: string, revenueMinor: number) => ({ month: m, revenueMinor, profitMinor: null, buyers: 1 });

describe('fillMonths', () => {
  it('fills the months between with zero, across a year end', () => {
    const filled = fillMonths([month('2025-01', 500), month('2024-11', 100)], 24);
    expect(filled.map((m) => [m.month, m.revenueMinor])).toEqual([
      ['2024-11', 100],
      ['2024-12', 0],
      ['2025-01', 500],
    ]);
  });

  it('keeps the last months only', () => {
    expect(fillMonths([month('2024-01', 1), month('2024-12', 2)], 3).map((m) => m.month)).toEqual(['2024-10', '2024-11', '2024-12']);
  });

  it('is empty without months', () => {
    expect(fillMonths([], 12)).toEqual([]);
  });
});
