import { describe, expect, it } from 'vitest';
import { addDays, addMonth, daysFrom, isDay, matchingPick, QUICK_PICKS, quickPickDay } from './dueDays.ts';

describe('quick-pick due days', () => {
  it('counts from the given today', () => {
    expect(QUICK_PICKS.map((pick) => quickPickDay(pick, '2026-12-07'))).toEqual(['2026-12-08', '2026-12-10', '2026-12-14', '2026-12-21', '2027-01-07']);
  });
  it('crosses month and year ends', () => {
    expect(quickPickDay('tomorrow', '2026-12-31')).toBe('2027-01-01');
    expect(quickPickDay('in2Weeks', '2028-02-20')).toBe('2028-03-05');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });
  it('keeps a month to the last day of a shorter one', () => {
    expect(addMonth('2026-01-31')).toBe('2026-02-28');
    expect(addMonth('2028-01-31')).toBe('2028-02-29');
    expect(addMonth('2026-12-15')).toBe('2027-01-15');
    expect(addMonth('2026-03-31')).toBe('2026-04-30');
  });
  it('finds the pick that gives a day', () => {
    expect(matchingPick('2026-12-14', '2026-12-07')).toBe('inWeek');
    expect(matchingPick('2026-12-15', '2026-12-07')).toBeNull();
  });
  it('says how far a day is, negative when past', () => {
    expect(daysFrom('2026-12-07', '2026-12-07')).toBe(0);
    expect(daysFrom('2026-12-07', '2026-12-01')).toBe(-6);
    expect(daysFrom('2026-03-28', '2026-03-30')).toBe(2);
  });
  it('checks a day', () => {
    expect(isDay('2026-12-07')).toBe(true);
    expect(isDay('2026-13-07')).toBe(false);
    expect(isDay('')).toBe(false);
  });
});
