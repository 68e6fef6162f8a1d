import { DEFAULT_ANALYTICS_SETTINGS } from '@contracts/analytics.ts';
import { describe, expect, it } from 'vitest';
import { changedSettings, limitsOf, readForm, toForm } from './settingsModel.ts';

describe('toForm', () => {
  it('shows shares and rates as percentages in the locale', () => {
    const form = toForm({ ...DEFAULT_ANALYTICS_SETTINGS, discountRateMonthly: 0.015 }, 'ru');
    expect(form.goldShare).toBe('10');
    expect(form.discountRateMonthly).toBe('1,5');
    expect(form.dueAfterGaps).toBe('1,5');
    expect(form.horizonMonths).toBe('12');
    expect(form.tierWindow).toBe('days365');
  });
});

describe('limitsOf', () => {
  it('takes the range from the contract, in the units shown', () => {
    expect(limitsOf('goldShare')).toEqual({ min: 1, max: 50, integer: false });
    expect(limitsOf('horizonMonths')).toEqual({ min: 1, max: 60, integer: true });
    expect(limitsOf('discountRateMonthly')).toEqual({ min: 0, max: 20, integer: false });
  });
});

describe('readForm', () => {
  const form = toForm(DEFAULT_ANALYTICS_SETTINGS, 'en');

  it('gives the settings back unchanged', () => {
    expect(readForm(form, 'en').settings).toEqual(DEFAULT_ANALYTICS_SETTINGS);
  });

  it('reads percentages into fractions, decimal comma included', () => {
    const read = readForm({ ...toForm(DEFAULT_ANALYTICS_SETTINGS, 'ru'), goldShare: '12,5' }, 'ru');
    expect(read.settings?.goldShare).toBe(0.125);
  });

  it('names what is not a number, out of range or not whole', () => {
    const read = readForm({ ...form, goldShare: 'ten', silverShare: '60', horizonMonths: '1.5' }, 'en');
    expect(read.problems).toEqual([
      { field: 'goldShare', problem: 'number' },
      { field: 'silverShare', problem: 'range', min: 0, max: 50 },
      { field: 'horizonMonths', problem: 'integer' },
    ]);
  });

  it('keeps gold and silver within 80% together', () => {
    expect(readForm({ ...form, goldShare: '45', silverShare: '40' }, 'en').problems).toEqual([{ field: 'silverShare', problem: 'sum', max: 80 }]);
  });

  it('wants the lapse thresholds in order', () => {
    expect(readForm({ ...form, atRiskAfterGaps: '5' }, 'en').problems).toEqual([{ field: 'lapsedAfterGaps', problem: 'order', after: 'atRiskAfterGaps' }]);
    expect(readForm({ ...form, lapsedBelowPAlive: '40' }, 'en').problems).toEqual([{ field: 'lapsedBelowPAlive', problem: 'order', after: 'atRiskBelowPAlive' }]);
  });
});

describe('changedSettings', () => {
  it('keeps only what changed', () => {
    expect(changedSettings(DEFAULT_ANALYTICS_SETTINGS, { ...DEFAULT_ANALYTICS_SETTINGS, goldShare: 0.2 })).toEqual({ goldShare: 0.2 });
  });
});
