import { describe, expect, it } from 'vitest';
import { parseDecimal } from './parseDecimal.ts';

describe('parseDecimal', () => {
  it('reads English grouping commas', () => {
    expect(parseDecimal('1,234.5', 'en')).toBe(1234.5);
    expect(parseDecimal('1,234', 'en')).toBe(1234);
  });

  it('reads Russian decimal commas and spaces', () => {
    expect(parseDecimal('1\u00A0234,5', 'ru')).toBe(1234.5);
    expect(parseDecimal('1 234.5', 'ru')).toBe(1234.5);
  });

  it('refuses what is not a plain number', () => {
    expect(parseDecimal('-3', 'en')).toBe(-3);
    expect(parseDecimal('1e3', 'en')).toBeNull();
    expect(parseDecimal('ten', 'ru')).toBeNull();
  });
});
