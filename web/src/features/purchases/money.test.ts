import { describe, expect, it } from 'vitest';
import { normaliseDecimal, toMinorUnits } from './money.ts';

describe('toMinorUnits', () => {
  it('converts exactly, without float rounding', () => {
    expect(toMinorUnits('0.29', 2, 'en')).toBe(29);
    expect(toMinorUnits('1.15', 2, 'en')).toBe(115);
    expect(toMinorUnits('19.99', 2, 'en')).toBe(1999);
    expect(toMinorUnits('1234567.89', 2, 'en')).toBe(123456789);
  });

  it('reads the locale’s way of writing numbers', () => {
    expect(toMinorUnits('1 234,50', 2, 'ru')).toBe(123450);
    expect(toMinorUnits('1\u00A0234,5', 2, 'ru')).toBe(123450);
    expect(toMinorUnits('721.00', 2, 'ru')).toBe(72100);
    expect(toMinorUnits('1,234.50', 2, 'en')).toBe(123450);
    expect(toMinorUnits('1,234', 2, 'en')).toBe(123400);
    expect(toMinorUnits('150,50', 2, 'en')).toBe(15050);
    expect(toMinorUnits('1.234,50', 2, 'en')).toBe(123450);
  });

  it('follows the currency’s minor unit', () => {
    expect(toMinorUnits('500', 0, 'en')).toBe(500);
    expect(toMinorUnits('1.5', 3, 'en')).toBe(1500);
    expect(toMinorUnits('12.500', 2, 'en')).toBe(1250);
    expect(toMinorUnits('12.505', 2, 'en')).toBeNull();
    expect(toMinorUnits('12.5', 0, 'en')).toBeNull();
  });

  it('refuses what is not a positive amount', () => {
    for (const text of ['', 'abc', '-5', '1.2.3', '1e5', '12,34,5', '99999999999999']) expect(toMinorUnits(text, 2, 'en'), text).toBeNull();
  });
});

describe('normaliseDecimal', () => {
  it('keeps digits and one decimal point', () => {
    expect(normaliseDecimal(" 1'234.5 ", 'en')).toBe('1234.5');
    expect(normaliseDecimal('0,5', 'ru')).toBe('0.5');
  });
});
