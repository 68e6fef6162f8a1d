import { DEFAULT_FOLLOW_UP_RULES } from '@contracts/followups.ts';
import { describe, expect, it } from 'vitest';
import { readRulesForm, toRulesForm } from './rulesForm.ts';

describe('follow-up rules form', () => {
  it('reads back what it was given', () => {
    const rules = { ...DEFAULT_FOLLOW_UP_RULES, dateAttributes: [{ attributeId: 'a1', daysBefore: 14, yearly: false }] };
    expect(readRulesForm(toRulesForm(rules))).toEqual({ rules });
  });
  it('names each field out of range', () => {
    const form = toRulesForm({ ...DEFAULT_FOLLOW_UP_RULES, dateAttributes: [{ attributeId: 'a1', daysBefore: 1, yearly: true }] });
    form.days.expected_purchase = '121';
    form.lookbackDays = '0';
    form.dateAttributes[0]!.daysBefore = 'x';
    const read = readRulesForm(form);
    expect('problems' in read && Object.keys(read.problems).toSorted()).toEqual(['dateAttributes.0', 'expected_purchase', 'lookbackDays']);
    expect('problems' in read && read.problems.expected_purchase).toEqual({ key: 'followUps.rules.errors.range', vars: { min: 0, max: 120 } });
  });
  it('refuses an attribute listed twice', () => {
    const form = toRulesForm(DEFAULT_FOLLOW_UP_RULES);
    form.dateAttributes = [{ attributeId: 'a1', daysBefore: '1', yearly: true }, { attributeId: 'a1', daysBefore: '2', yearly: false }];
    const read = readRulesForm(form);
    expect('problems' in read && read.problems['dateAttributes.1']?.key).toBe('followUps.rules.errors.twice');
  });
});
