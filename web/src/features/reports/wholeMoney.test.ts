import { describe, expect, it } from 'vitest';
import { formatWholeMoney } from './wholeMoney.ts';

describe('formatWholeMoney', () => {
  it('rounds minor units to whole units of the currency, in the locale’s style', () => {
    expect(formatWholeMoney(125050, 'GBP', 'en')).toBe('£1,251');
    expect(formatWholeMoney(-4949, 'GBP', 'en')).toBe('-£49');
    expect(formatWholeMoney(5700000, 'RUB', 'ru').replace(/\s/g, ' ')).toBe('57 000 ₽');
    expect(formatWholeMoney(1500, 'JPY', 'en')).toBe('¥1,500');
  });
});
