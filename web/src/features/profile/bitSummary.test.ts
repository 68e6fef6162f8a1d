import { describe, expect, it } from 'vitest';
import { formatMoney } from '../../i18n/format.ts';
import { bitSummaryText } from './bitSummary.ts';

const formatters = { t: (key: string) => `«${key}»`, money: (minor: number, currency: string) => formatMoney(minor, currency, 'en') };

describe('bitSummaryText', () => {
  it('formats lifetime revenue in minor units with its currency', () => {
    expect(bitSummaryText('value', '72100 EUR', formatters)).toBe('€721.00');
    expect(bitSummaryText('value', '1500 JPY', formatters)).toBe('¥1,500');
  });

  it('translates the tier and the lapse state', () => {
    expect(bitSummaryText('tier', 'gold', formatters)).toBe('«value.tier.gold»');
    expect(bitSummaryText('risk', 'at_risk', formatters)).toBe('«value.lapse.at_risk»');
  });

  it('shows anything it does not know as it came', () => {
    expect(bitSummaryText('value', 'a lot', formatters)).toBe('a lot');
    expect(bitSummaryText('tier', 'platinum', formatters)).toBe('platinum');
    expect(bitSummaryText('source', 'Instagram', formatters)).toBe('Instagram');
    expect(bitSummaryText('value', null, formatters)).toBe('');
  });
});
