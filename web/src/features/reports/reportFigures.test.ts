import { describe, expect, it } from 'vitest';
import { changeColor, extent, formatChange, formatMeasure, heatShare, periodLabel, previousPeriodKey, rateAxisMax, formatPoints, signedTicks } from './reportFigures.ts';

describe('formatChange', () => {
  it('signs the percentage, with a decimal under 10%', () => {
    expect(formatChange(0.123, 'en')).toBe('+12%');
    expect(formatChange(-0.05, 'en')).toBe('−5%');
    expect(formatChange(-0.054, 'en')).toBe('−5.4%');
    expect(formatChange(0, 'en')).toBe('±0%');
    expect(formatChange(0.0001, 'en')).toBe('±0%');
    expect(formatChange(1.5, 'en')).toBe('+150%');
  });

  it('is empty without a base', () => {
    expect(formatChange(null, 'en')).toBeNull();
    expect(formatChange(Number.POSITIVE_INFINITY, 'en')).toBeNull();
  });

  it('follows the locale', () => {
    expect(formatChange(0.25, 'ru')).toBe('+25\u00a0%');
  });
});

describe('changeColor', () => {
  it('is green up, red down, grey near zero or unknown', () => {
    expect(changeColor(0.1)).toBe('teal');
    expect(changeColor(-0.1)).toBe('red');
    expect(changeColor(0.004)).toBe('dimmed');
    expect(changeColor(null)).toBe('dimmed');
  });
});

describe('formatMeasure', () => {
  it('shows money in major units, counts plainly, frequency with two decimals', () => {
    expect(formatMeasure(123_456, 'revenue', 'EUR', 'en')).toBe('€1,234.56');
    expect(formatMeasure(1200, 'activeCustomers', 'EUR', 'en')).toBe('1,200');
    expect(formatMeasure(1.5, 'frequency', 'EUR', 'en')).toBe('1.50');
    expect(formatMeasure(null, 'profit', 'EUR', 'en')).toBe('—');
    expect(formatMeasure(123_456, 'averageOrder', 'EUR', 'en', true)).toBe('€1,235');
    expect(formatMeasure(1.5, 'frequency', 'EUR', 'en', true)).toBe('1.50');
  });
});

describe('signedTicks', () => {
  it('runs from zero in round steps for positive values', () => {
    expect(signedTicks(0, 72_100)).toEqual([0, 20_000, 40_000, 60_000, 80_000]);
  });

  it('goes below zero for losses', () => {
    expect(signedTicks(-15, 35)).toEqual([-20, 0, 20, 40]);
    expect(signedTicks(-30, -10)).toEqual([-30, -20, -10, 0]);
  });

  it('has two ticks when everything is zero', () => {
    expect(signedTicks(0, 0)).toEqual([0, 1]);
  });
});

describe('heat shading', () => {
  it('spreads cells from the smallest to the largest', () => {
    expect(heatShare(50, 0, 100)).toBe(0.5);
    expect(heatShare(0, 0, 100)).toBe(0);
    expect(heatShare(100, 0, 100)).toBe(1);
    expect(heatShare(null, 0, 100)).toBe(0);
    expect(heatShare(5, 5, 5)).toBe(0);
  });

  it('finds the extent of a grid, ignoring empty cells', () => {
    expect(extent([3, null, -2, 10])).toEqual([-2, 10]);
    expect(extent([null])).toEqual([0, 0]);
  });
});

describe('periodLabel', () => {
  it('names months, quarters and years', () => {
    expect(periodLabel('2026-03', 'en')).toBe('Mar 2026');
    expect(periodLabel('2026-Q1', 'en')).toBe('Q1 2026');
    expect(periodLabel('2026-Q4', 'ru')).toBe('4 кв. 2026');
    expect(periodLabel('2026', 'en')).toBe('2026');
    expect(periodLabel('gold', 'en')).toBe('gold');
  });
});

describe('previousPeriodKey', () => {
  it('steps back one month, quarter or year, across years', () => {
    expect(previousPeriodKey('2026-03')).toBe('2026-02');
    expect(previousPeriodKey('2026-01')).toBe('2025-12');
    expect(previousPeriodKey('2026-Q1')).toBe('2025-Q4');
    expect(previousPeriodKey('2026-Q3')).toBe('2026-Q2');
    expect(previousPeriodKey('2026')).toBe('2025');
  });
});

describe('response rates', () => {
  it('ends the bars at a round share above every upper bound', () => {
    expect(rateAxisMax([0.12, 0.31, null])).toBe(0.5);
    expect(rateAxisMax([0.18])).toBe(0.2);
    expect(rateAxisMax([0.97])).toBe(1);
    expect(rateAxisMax([null])).toBe(0.1);
  });

  it('shows a lift in signed percentage points', () => {
    expect(formatPoints(0.032, 'en')).toBe('+3.2');
    expect(formatPoints(-0.01, 'en')).toBe('−1.0');
    expect(formatPoints(0, 'en')).toBe('0.0');
    expect(formatPoints(-0.0001, 'en')).toBe('0.0');
    expect(formatPoints(0.125, 'ru')).toBe('+12,5');
  });
});
