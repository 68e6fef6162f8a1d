import { DEFAULT_THANK_RULES } from '@contracts/thanks.ts';
import { describe, expect, it } from 'vitest';
import { readRulesForm, toRulesForm } from './rulesForm.ts';

describe('rules form', () => {
  it('shows the big-purchase amount in major units and reads it back exactly', () => {
    const form = toRulesForm(DEFAULT_THANK_RULES, 'EUR', 'en');
    expect(form).toMatchObject({ lookbackDays: '30', bigPurchaseAmount: '500', everyYears: '1', daysAhead: '7' });
    expect(form.enabled.birthday).toBe(false);
    expect(readRulesForm(form, 'EUR', 'en')).toEqual({ rules: DEFAULT_THANK_RULES });
  });

  it('understands the locale decimal comma and currencies without minor units', () => {
    const rules = { ...DEFAULT_THANK_RULES, rules: { ...DEFAULT_THANK_RULES.rules, big_purchase: { enabled: true, amountMinor: 123_450 } } };
    expect(toRulesForm(rules, 'EUR', 'ru').bigPurchaseAmount).toBe('1234,5');
    expect(toRulesForm(rules, 'JPY', 'en').bigPurchaseAmount).toBe('123450');
    const typed = { ...toRulesForm(DEFAULT_THANK_RULES, 'EUR', 'ru'), bigPurchaseAmount: '1 234,50' };
    expect(readRulesForm(typed, 'EUR', 'ru')).toMatchObject({ rules: { rules: { big_purchase: { amountMinor: 123_450 } } } });
  });

  it('names each field that is not a whole number in range, or not an amount', () => {
    const form = { ...toRulesForm(DEFAULT_THANK_RULES, 'EUR', 'en'), lookbackDays: '0', everyYears: '1.5', daysAhead: '61', bigPurchaseAmount: 'lots' };
    expect(readRulesForm(form, 'EUR', 'en')).toEqual({
      problems: {
        lookbackDays: { key: 'thanks.settings.errors.range', vars: { min: 1, max: 3650 } },
        everyYears: { key: 'thanks.settings.errors.range', vars: { min: 1, max: 50 } },
        daysAhead: { key: 'thanks.settings.errors.range', vars: { min: 0, max: 60 } },
        bigPurchaseAmount: { key: 'thanks.settings.errors.amount' },
      },
    });
    expect(readRulesForm({ ...form, lookbackDays: '30', everyYears: '2', daysAhead: '0', bigPurchaseAmount: '0' }, 'EUR', 'en')).toEqual({ problems: { bigPurchaseAmount: { key: 'thanks.settings.errors.amount' } } });
  });
});
