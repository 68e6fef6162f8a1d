import { describe, expect, it } from 'vitest';
import en from '../../i18n/en.json' with { type: 'json' };
import { flattenCatalogue, translate } from '../../i18n/translate.ts';
import { changeSentence, figureSentence } from './reportSentences.ts';

const messages = flattenCatalogue(en);
const t = (key: string, vars?: Record<string, string | number | undefined>) => translate('en', messages, messages, key, vars);

describe('figure sentences', () => {
  it('say what a revenue figure is, for whom and when', () => {
    expect(figureSentence(t, { measure: 'revenue', who: { group: 'Gold' }, when: { period: 'Q1 2026' }, currency: 'EUR' })).toBe('Revenue of customers in Gold in Q1 2026: sales less refunds, in EUR.');
  });

  it('give the cost coverage of a profit', () => {
    expect(figureSentence(t, { measure: 'profit', who: 'all', when: { from: 'Jan 1, 2026', to: 'Mar 31, 2026' }, currency: 'EUR', coverageText: '62%' })).toBe(
      'Profit of all customers from Jan 1, 2026 to Mar 31, 2026: revenue less known costs, in EUR; costs are known for 62% of sales.',
    );
    expect(figureSentence(t, { measure: 'profit', who: 'all', when: { period: '2026' }, currency: 'EUR', empty: true })).toBe('Profit of all customers in 2026: no cost is known for these sales, so there is no profit.');
  });

  it('explain frequency, and a pivot cell of two groups', () => {
    expect(figureSentence(t, { measure: 'frequency', who: { row: 'Gold', column: 'Email' }, when: { period: 'Mar 2026' }, currency: 'EUR' })).toBe('Frequency of customers in Gold and Email in Mar 2026: orders ÷ active customers.');
  });

  it('explain a change or its absence', () => {
    expect(changeSentence(t, { measure: 'revenue', change: '+12%', previous: 'Q4 2025' })).toBe('Revenue +12% against Q4 2025 (the previous period).');
    expect(changeSentence(t, { measure: 'revenue', change: null, previous: 'Q4 2025' })).toBe('No change: revenue was zero or empty in Q4 2025.');
  });
});
