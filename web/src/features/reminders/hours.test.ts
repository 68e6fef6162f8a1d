import { describe, expect, it } from 'vitest';
import { hourOptions } from './hours.ts';

describe('hourOptions', () => {
  it('lists 0 to 23 in the locale', () => {
    const ru = hourOptions('ru');
    expect(ru).toHaveLength(24);
    expect(ru[0]).toEqual({ value: '0', label: '0:00' });
    expect(ru[7]!.label).toBe('7:00');
    expect(hourOptions('en')[13]!.label).toMatch(/^1:00\sPM$/);
  });
});
