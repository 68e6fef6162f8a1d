import { THANK_RULES, type ThankRuleName, type ThankRules } from '@contracts/thanks.ts';
import { currencyFractionDigits } from '../../i18n/format.ts';
import { toMinorUnits } from '../purchases/money.ts';

/** The rules as typed: a switch each, and the numbers as text (the amount in major units of the base currency). */
export interface RulesForm {
  enabled: Record<ThankRuleName, boolean>;
  lookbackDays: string;
  bigPurchaseAmount: string;
  everyYears: string;
  daysAhead: string;
}
export type RulesField = 'lookbackDays' | 'bigPurchaseAmount' | 'everyYears' | 'daysAhead';
/** A field's problem: the catalogue key and what it names. */
export interface RulesProblem {
  key: string;
  vars?: Record<string, number>;
}

// The limits of thankRulesSchema, so the form says which field is wrong before the server does.
const LIMITS: Record<Exclude<RulesField, 'bigPurchaseAmount'>, [number, number]> = { lookbackDays: [1, 3650], everyYears: [1, 50], daysAhead: [0, 60] };

export function toRulesForm(rules: ThankRules, currency: string, locale: string): RulesForm {
  const digits = currencyFractionDigits(currency);
  const major = rules.rules.big_purchase.amountMinor / 10 ** digits;
  return {
    enabled: Object.fromEntries(THANK_RULES.map((rule) => [rule, rules.rules[rule].enabled])) as Record<ThankRuleName, boolean>,
    lookbackDays: String(rules.lookbackDays),
    bigPurchaseAmount: new Intl.NumberFormat(locale, { useGrouping: false, maximumFractionDigits: digits }).format(major),
    everyYears: String(rules.rules.anniversary.everyYears),
    daysAhead: String(rules.rules.birthday.daysAhead),
  };
}

/** The rules to save, or the problems of each field that is not a number in range. */
export function readRulesForm(form: RulesForm, currency: string, locale: string): { rules: ThankRules } | { problems: Partial<Record<RulesField, RulesProblem>> } {
  const problems: Partial<Record<RulesField, RulesProblem>> = {};
  const whole = (field: keyof typeof LIMITS): number => {
    const [min, max] = LIMITS[field];
    const text = form[field].trim();
    const value = /^\d+$/.test(text) ? Number(text) : Number.NaN;
    if (!(value >= min && value <= max)) problems[field] = { key: 'thanks.settings.errors.range', vars: { min, max } };
    return value;
  };
  const lookbackDays = whole('lookbackDays');
  const everyYears = whole('everyYears');
  const daysAhead = whole('daysAhead');
  const amountMinor = toMinorUnits(form.bigPurchaseAmount, currencyFractionDigits(currency), locale);
  if (amountMinor === null || amountMinor < 1) problems.bigPurchaseAmount = { key: 'thanks.settings.errors.amount' };
  if (Object.keys(problems).length > 0) return { problems };
  const { enabled } = form;
  return {
    rules: {
      lookbackDays,
      rules: {
        referral_bought: { enabled: enabled.referral_bought },
        first_purchase: { enabled: enabled.first_purchase },
        entered_gold: { enabled: enabled.entered_gold },
        big_purchase: { enabled: enabled.big_purchase, amountMinor: amountMinor! },
        anniversary: { enabled: enabled.anniversary, everyYears },
        birthday: { enabled: enabled.birthday, daysAhead },
      },
    },
  };
}
