import type { FollowUpRules } from '@contracts/followups.ts';

export const FOLLOW_UP_RULE_NAMES = ['first_purchase', 'expected_purchase', 'complaint_resolved'] as const;
export type FollowUpRuleName = (typeof FOLLOW_UP_RULE_NAMES)[number];

/** A date attribute marked "remind me", as typed. */
export interface DateAttributeRow {
  attributeId: string;
  daysBefore: string;
  yearly: boolean;
}
/** The rules as typed: a switch and a number (as text) each, the lookback, the date attributes. */
export interface FollowUpRulesForm {
  enabled: Record<FollowUpRuleName, boolean>;
  days: Record<FollowUpRuleName, string>;
  lookbackDays: string;
  dateAttributes: DateAttributeRow[];
}
/** A field's problem: the catalogue key and the limits it names. Fields: a rule name, `lookbackDays` or `dateAttributes.<i>`. */
export interface RulesProblem {
  key: string;
  vars?: Record<string, number>;
}

// The limits of followUpRulesSchema, so the form says which field is wrong before the server does.
const RULE_LIMITS: Record<FollowUpRuleName, [number, number]> = { first_purchase: [0, 365], expected_purchase: [0, 120], complaint_resolved: [0, 365] };
const LOOKBACK: [number, number] = [1, 3650];
const DAYS_BEFORE: [number, number] = [0, 120];
export const MAX_DATE_ATTRIBUTES = 50;

const ruleDays = (rules: FollowUpRules, rule: FollowUpRuleName): number =>
  rule === 'expected_purchase' ? rules.rules.expected_purchase.daysBefore : rules.rules[rule].afterDays;

export function toRulesForm(rules: FollowUpRules): FollowUpRulesForm {
  return {
    enabled: { first_purchase: rules.rules.first_purchase.enabled, expected_purchase: rules.rules.expected_purchase.enabled, complaint_resolved: rules.rules.complaint_resolved.enabled },
    days: Object.fromEntries(FOLLOW_UP_RULE_NAMES.map((rule) => [rule, String(ruleDays(rules, rule))])) as Record<FollowUpRuleName, string>,
    lookbackDays: String(rules.lookbackDays),
    dateAttributes: rules.dateAttributes.map((row) => ({ attributeId: row.attributeId, daysBefore: String(row.daysBefore), yearly: row.yearly })),
  };
}

/** The rules to save, or each field's problem (a number out of range, an attribute listed twice). */
export function readRulesForm(form: FollowUpRulesForm): { rules: FollowUpRules } | { problems: Record<string, RulesProblem> } {
  const problems: Record<string, RulesProblem> = {};
  const whole = (field: string, text: string, [min, max]: [number, number]): number => {
    const value = /^\d+$/.test(text.trim()) ? Number(text.trim()) : Number.NaN;
    if (!(value >= min && value <= max)) problems[field] = { key: 'followUps.rules.errors.range', vars: { min, max } };
    return value;
  };
  const days = Object.fromEntries(FOLLOW_UP_RULE_NAMES.map((rule) => [rule, whole(rule, form.days[rule], RULE_LIMITS[rule])])) as Record<FollowUpRuleName, number>;
  const lookbackDays = whole('lookbackDays', form.lookbackDays, LOOKBACK);
  const seen = new Set<string>();
  const dateAttributes = form.dateAttributes.map((row, index) => {
    const daysBefore = whole(`dateAttributes.${index}`, row.daysBefore, DAYS_BEFORE);
    if (seen.has(row.attributeId)) problems[`dateAttributes.${index}`] = { key: 'followUps.rules.errors.twice' };
    seen.add(row.attributeId);
    return { attributeId: row.attributeId, daysBefore, yearly: row.yearly };
  });
  if (Object.keys(problems).length > 0) return { problems };
  const { enabled } = form;
  return {
    rules: {
      lookbackDays,
      rules: {
        first_purchase: { enabled: enabled.first_purchase, afterDays: days.first_purchase },
        expected_purchase: { enabled: enabled.expected_purchase, daysBefore: days.expected_purchase },
        complaint_resolved: { enabled: enabled.complaint_resolved, afterDays: days.complaint_resolved },
      },
      dateAttributes,
    },
  };
}
