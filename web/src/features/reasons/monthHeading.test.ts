import { describe, expect, it } from 'vitest';
import { monthHeading } from './monthHeading.ts';

describe('monthHeading', () => {
  it('says the month in the interface language, whatever the zone', () => {
    expect(monthHeading('2026-03', 'en')).toBe('Mar 2026');
    expect(monthHeading('2026-12', 'ru')).toMatch(/^дек\.? 2026/);
  });

  it('leaves anything that is not a month as it is', () => {
    expect(monthHeading('none', 'en')).toBe('none');
  });
});
