import { describe, expect, it } from 'vitest';
import { formatMoney } from '../../i18n/format.ts';
import { owedDescription } from './owedText.ts';

const words = (key: string, vars?: Record<string, string | number | undefined>) =>
  `«${key}${vars ? ` ${Object.entries(vars).map(([name, value]) => `${name}=${value}`).join(' ')}` : ''}»`;
const formatters = { t: words, money: (minor: number, currency: string) => formatMoney(minor, currency, 'en') };

describe('owedDescription', () => {
  it('names the referral who bought', () => {
    expect(owedDescription({ rule: 'referral_bought', detail: { referralName: 'Owen Marsh' } }, formatters)).toBe('«thanks.owed.what.referral_bought name=Owen Marsh»');
  });

  it('gives the purchase amount in its currency', () => {
    expect(owedDescription({ rule: 'big_purchase', detail: { amountMinor: 61200, currency: 'EUR' } }, formatters)).toBe('«thanks.owed.what.big_purchase amount=€612.00»');
    expect(owedDescription({ rule: 'first_purchase', detail: { amountMinor: 1500, currency: 'JPY' } }, formatters)).toBe('«thanks.owed.what.first_purchase amount=¥1,500»');
  });

  it('counts the years of an anniversary', () => {
    expect(owedDescription({ rule: 'anniversary', detail: { years: 2 } }, formatters)).toBe('«thanks.owed.what.anniversary count=2»');
  });

  it('falls back to the rule name when a fact is missing, and for rules with no facts', () => {
    expect(owedDescription({ rule: 'referral_bought', detail: {} }, formatters)).toBe('«thanks.rules.referral_bought.name»');
    expect(owedDescription({ rule: 'big_purchase', detail: { amountMinor: 100 } }, formatters)).toBe('«thanks.rules.big_purchase.name»');
    expect(owedDescription({ rule: 'anniversary', detail: {} }, formatters)).toBe('«thanks.rules.anniversary.name»');
    expect(owedDescription({ rule: 'entered_gold', detail: {} }, formatters)).toBe('«thanks.rules.entered_gold.name»');
    expect(owedDescription({ rule: 'birthday', detail: {} }, formatters)).toBe('«thanks.rules.birthday.name»');
  });
});
