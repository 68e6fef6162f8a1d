import { describe, expect, it } from 'vitest';
import { formatDay, formatMoney } from '../../i18n/format.ts';
import { bitSummaryText, referralBitLines, sourceBitLines, thanksBitLines } from './bitSummary.ts';

const formatters = { t: (key: string) => `«${key}»`, money: (minor: number, currency: string) => formatMoney(minor, currency, 'en') };

/** Shows the words' variables too, to check what each message is given. */
const words = (key: string, vars?: Record<string, string | number | undefined>) =>
  `«${key}${vars ? ` ${Object.entries(vars).map(([name, value]) => `${name}=${value}`).join(' ')}` : ''}»`;
const detail = { ...formatters, t: words, day: (value: string) => formatDay(value, 'en') };

describe('bitSummaryText', () => {
  it('formats lifetime revenue in minor units with its currency', () => {
    expect(bitSummaryText('value', '72100 EUR', formatters)).toBe('€721.00');
    expect(bitSummaryText('value', '1500 JPY', formatters)).toBe('¥1,500');
  });

  it('translates the tier and the lapse state', () => {
    expect(bitSummaryText('tier', 'gold', formatters)).toBe('«value.tier.gold»');
    expect(bitSummaryText('risk', 'at_risk', formatters)).toBe('«value.lapse.at_risk»');
    expect(bitSummaryText('risk', 'lost:Moved away', { ...formatters, t: words })).toBe('«reasons.bit.lost reason=Moved away»');
  });

  it('words the referrals the server sends as {referredBy, referred}', () => {
    expect(bitSummaryText('referrals', '{"referredBy":"Anna Petrova","referred":2}', { ...formatters, t: words })).toBe(
      '«referrals.bit.referredBy name=Anna Petrova» · «referrals.bit.referredCount count=2»',
    );
    expect(bitSummaryText('referrals', '{"referredBy":null,"referred":1}', { ...formatters, t: words })).toBe('«referrals.bit.referredCount count=1»');
    expect(bitSummaryText('referrals', '{"referredBy":"Ivan","referred":0}', { ...formatters, t: words })).toBe('«referrals.bit.referredBy name=Ivan»');
  });

  it('shows anything it does not know as it came', () => {
    expect(bitSummaryText('value', 'a lot', formatters)).toBe('a lot');
    expect(bitSummaryText('tier', 'platinum', formatters)).toBe('platinum');
    expect(bitSummaryText('source', 'Online → Instagram', formatters)).toBe('Online → Instagram');
    expect(bitSummaryText('referrals', 'Anna', formatters)).toBe('Anna');
    expect(bitSummaryText('referrals', '{"referredBy":null,"referred":0}', formatters)).toBe('{"referredBy":null,"referred":0}');
    expect(bitSummaryText('value', null, formatters)).toBe('');
  });
});

describe('sourceBitLines', () => {
  const instagram = { id: 's1', channel: 'Online', name: 'Instagram' };

  it('names the channel and the source, then the day they came', () => {
    expect(sourceBitLines({ source: instagram, acquiredOn: '2024-03-05' }, detail)).toEqual(['Online → Instagram', '«acquisition.bit.acquiredOn date=Mar 5, 2024»']);
    expect(sourceBitLines({ source: instagram, acquiredOn: null }, detail)).toEqual(['Online → Instagram']);
  });

  it('says nothing when the source is unknown, even with a date', () => {
    expect(sourceBitLines({ source: null, acquiredOn: '2024-03-05' }, detail)).toEqual([]);
  });
});

describe('referralBitLines', () => {
  const nobody = { referredBy: null, referrals: 0, buyers: 0, networkRevenueMinor: 0, currency: 'EUR' };

  it('says who referred them', () => {
    expect(referralBitLines({ ...nobody, referredBy: { id: 'c1', name: 'Anna' } }, detail)).toEqual(['«referrals.bit.referredBy name=Anna»']);
  });

  it('counts whom they referred, who of those bought, and the whole network’s revenue', () => {
    expect(referralBitLines({ ...nobody, referrals: 3, buyers: 2, networkRevenueMinor: 123456 }, detail)).toEqual([
      '«referrals.bit.referred count=3 buyers=2»',
      '«referrals.bit.network revenue=€1,234.56»',
    ]);
  });

  it('gives every line, the referrer first, or none at all', () => {
    expect(referralBitLines({ ...nobody, referredBy: { id: 'c1', name: 'Anna' }, referrals: 1, buyers: 0, networkRevenueMinor: 0 }, detail)).toEqual([
      '«referrals.bit.referredBy name=Anna»',
      '«referrals.bit.referred count=1 buyers=0»',
      '«referrals.bit.network revenue=€0.00»',
    ]);
    expect(referralBitLines(nobody, detail)).toEqual([]);
  });
});

describe('thanksBitLines', () => {
  const gift = { kind: 'gift', givenOn: '2026-03-05' };

  it('gives the latest thank-you, its kind and day', () => {
    expect(thanksBitLines([gift, { kind: 'call', givenOn: '2025-01-01' }], [], detail)).toEqual(['«thanks.bit.latest kind=«thanks.kinds.gift» date=Mar 5, 2026»']);
  });

  it('puts what is owed first', () => {
    expect(thanksBitLines([gift], [{ rule: 'referral_bought' }, { rule: 'birthday' }], detail)).toEqual([
      '«thanks.bit.owed rule=«thanks.rules.referral_bought.name»»',
      '«thanks.bit.latest kind=«thanks.kinds.gift» date=Mar 5, 2026»',
    ]);
    expect(thanksBitLines([], [{ rule: 'anniversary' }], detail)).toEqual(['«thanks.bit.owed rule=«thanks.rules.anniversary.name»»']);
  });

  it('says "not yet" when never thanked and nothing is owed', () => {
    expect(thanksBitLines([], [], detail)).toEqual(['«thanks.bit.notYet»']);
  });
});
