import { describe, expect, it } from 'vitest';
import { periodParams, presetPeriod, queryPeriod, readPeriod, todayIn } from './period.ts';

describe('presetPeriod', () => {
  it('takes this month and the eleven before it for the last 12 months', () => {
    expect(presetPeriod('12m', '2025-06-15')).toEqual({ from: '2024-07-01', to: '2025-06-15' });
    expect(presetPeriod('12m', '2025-12-31')).toEqual({ from: '2025-01-01', to: '2025-12-31' });
    expect(presetPeriod('12m', '2025-01-02')).toEqual({ from: '2024-02-01', to: '2025-01-02' });
  });

  it('starts this year on 1 January and leaves all time open', () => {
    expect(presetPeriod('year', '2025-06-15')).toEqual({ from: '2025-01-01', to: '2025-06-15' });
    expect(presetPeriod('all', '2025-06-15')).toEqual({});
  });
});

describe('readPeriod and periodParams', () => {
  const today = '2025-06-15';
  const read = (search: string) => readPeriod(new URLSearchParams(search), today);

  it('defaults to the last 12 months', () => {
    expect(read('')).toEqual({ preset: '12m', from: '2024-07-01', to: today });
  });

  it('reads presets and days of one’s own, ignoring days that are not dates', () => {
    expect(read('period=all')).toEqual({ preset: 'all' });
    expect(read('period=year')).toEqual({ preset: 'year', from: '2025-01-01', to: today });
    expect(read('from=2024-01-01&to=bad')).toEqual({ preset: 'custom', from: '2024-01-01', to: undefined });
    expect(read('period=custom')).toEqual({ preset: 'custom' });
  });

  it('writes back what it reads', () => {
    for (const search of ['', 'period=all', 'period=year', 'from=2024-01-01&to=2024-03-31', 'to=2024-03-31', 'period=custom']) {
      expect(periodParams(read(search)).toString()).toBe(search);
    }
  });
});

describe('queryPeriod', () => {
  it('sends only the ends given, swapped when they run backwards', () => {
    expect(queryPeriod({ preset: 'all' })).toEqual({});
    expect(queryPeriod({ preset: 'custom', from: '2024-05-01' })).toEqual({ from: '2024-05-01' });
    expect(queryPeriod({ preset: 'custom', from: '2024-05-01', to: '2024-01-01' })).toEqual({ from: '2024-01-01', to: '2024-05-01' });
  });
});

describe('todayIn', () => {
  it('is the calendar day in the time zone', () => {
    const now = new Date('2025-06-15T22:30:00Z');
    expect(todayIn('Europe/Moscow', now)).toBe('2025-06-16');
    expect(todayIn('America/New_York', now)).toBe('2025-06-15');
  });
});
