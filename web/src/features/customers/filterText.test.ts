import { describe, expect, it } from 'vitest';
import type { Attribute } from '../../../../src/contracts/attributes.ts';
import { parseFilter } from '../../../../src/contracts/filter-syntax.ts';
import { chipsToFilterText, combineFilterTexts, filterTextToChips, type FilterTextLookups } from './filterText.ts';

const attribute = (key: string, type: Attribute['type'], options: { id: string; label: string }[] = []): Attribute => ({
  id: `a-${key}`,
  key,
  label: key,
  type,
  appliesTo: 'both',
  options,
  position: 0,
});

const lookups: FilterTextLookups = {
  currency: 'EUR',
  attributes: [
    attribute('industry', 'choice', [
      { id: 'opt1', label: 'Retail' },
      { id: 'opt2', label: 'Food & drink' },
    ]),
    attribute('interests', 'multichoice', [{ id: 'i1', label: 'Wine' }]),
    attribute('budget', 'money'),
    attribute('vip', 'boolean'),
    attribute('signed', 'date'),
  ],
  tags: [
    { id: 't1', name: 'VIP' },
    { id: 't2', name: 'Опт' },
    { id: 't3', name: 'Trade fair 2025' },
  ],
  sources: [{ id: 's1', name: 'Google Ads' }],
  campaigns: [{ id: 'c1', name: 'Spring' }],
  customers: { o1: 'Северная группа', p1: 'Anna Müller' },
};

describe('chips → filter text', () => {
  it('writes money in currency units, names for ids and the language’s field names', () => {
    const { text, kept } = chipsToFilterText(
      [
        { field: 'tier', op: 'eq', value: 'gold' },
        { field: 'revenue365', op: 'gt', value: 50000 },
        { field: 'averageOrder', op: 'lte', value: 1999 },
        { field: 'lastPurchaseAt', op: 'lt', value: '2026-03-01' },
        { field: 'tag', op: 'eq', value: 't2' },
        { field: 'tag', op: 'neq', value: 't3' },
      ],
      lookups,
    );
    expect(text).toBe('tier = gold and revenue_365d > 500 and average_order <= 19.99 and last_purchase < 2026-03-01 and tag = Опт and tag != "Trade fair 2025"');
    expect(kept).toEqual([]);
  });

  it('maps sources, campaigns, organisations, referrers and channels by name', () => {
    const { text } = chipsToFilterText(
      [
        { field: 'source', op: 'eq', value: 's1' },
        { field: 'campaign', op: 'neq', value: 'c1' },
        { field: 'organisation', op: 'eq', value: 'o1' },
        { field: 'referredBy', op: 'eq', value: 'p1' },
        { field: 'channel', op: 'eq', value: 'Referral' },
        { field: 'acquired', op: 'gte', value: '2026-01-01' },
      ],
      lookups,
    );
    expect(text).toBe('source = "Google Ads" and campaign != Spring and organisation = "Северная группа" and referred_by = "Anna Müller" and source.channel = Referral and acquired >= 2026-01-01');
  });

  it('writes presence, lists, text, kinds, percentages and attributes', () => {
    const { text } = chipsToFilterText(
      [
        { field: 'city', op: 'contains', value: 'Berlin' },
        { field: 'email', op: 'not_empty' },
        { field: 'nextFollowUp', op: 'empty' },
        { field: 'rfmSegment', op: 'in', value: ['champions', 'cant_lose'] },
        { field: 'kind', op: 'eq', value: 'person' },
        { field: 'pAlive', op: 'gte', value: 0.5 },
        { field: 'attr.industry', op: 'in', value: ['opt1', 'opt2'] },
        { field: 'attr.interests', op: 'contains', value: 'i1' },
        { field: 'attr.budget', op: 'gt', value: 100000 },
        { field: 'attr.vip', op: 'eq', value: true },
        { field: 'attr.signed', op: 'lte', value: '2025-12-31' },
      ],
      lookups,
    );
    expect(text).toBe(
      'city contains Berlin and email is set and next_follow_up is not set and rfm in (champions, cant_lose) and kind = person and p_alive >= 0.5' +
        ' and attr.industry in (Retail, "Food & drink") and attr.interests = Wine and attr.budget > 1000 and attr.vip = yes and attr.signed <= 2025-12-31',
    );
  });

  it('keeps chips it cannot name', () => {
    const unknownTag = { field: 'tag', op: 'eq' as const, value: 'gone' };
    expect(chipsToFilterText([{ field: 'city', op: 'eq', value: 'Köln' }, unknownTag], lookups)).toEqual({ text: 'city = Köln', kept: [unknownTag] });
    expect(chipsToFilterText([], lookups)).toEqual({ text: '', kept: [] });
  });

  it('round-trips through the parser', () => {
    const chips = [
      { field: 'tier', op: 'eq' as const, value: 'gold' },
      { field: 'revenue365', op: 'gte' as const, value: 12345 },
      { field: 'tag', op: 'eq' as const, value: 't3' },
      { field: 'attr.industry', op: 'eq' as const, value: 'opt2' },
    ];
    const { text } = chipsToFilterText(chips, lookups);
    expect(filterTextToChips(parseFilter(text), lookups)).toEqual(chips);
  });
});

const chips = (text: string) => filterTextToChips(parseFilter(text), lookups);

describe('filter text → chips', () => {
  it('turns a plain "and" of comparisons into chips', () => {
    expect(chips('tier = gold and revenue_365d > 500 and tag in (VIP)')).toBeNull(); // tags: the builder has no "in"
    expect(chips('tier = Gold and revenue_365d > 500.5 and tag = vip and channel = Referral')).toEqual([
      { field: 'tier', op: 'eq', value: 'gold' },
      { field: 'revenue365', op: 'gt', value: 50050 },
      { field: 'tag', op: 'eq', value: 't1' },
      { field: 'channel', op: 'eq', value: 'Referral' },
    ]);
  });

  it('reads aliases, attributes by key, labels of choices and presence', () => {
    expect(chips('rfm_segment = "Can\'t lose" and industry = retail and interests = Wine and email is not set and last_purchase_at >= 2026-01-01')).toEqual([
      { field: 'rfmSegment', op: 'eq', value: 'cant_lose' },
      { field: 'attr.industry', op: 'eq', value: 'opt1' },
      { field: 'attr.interests', op: 'contains', value: 'i1' },
      { field: 'email', op: 'empty' },
      { field: 'lastPurchaseAt', op: 'gte', value: '2026-01-01' },
    ]);
    expect(chips('organisation = "северная группа" and source = "Google Ads"')).toEqual([
      { field: 'organisation', op: 'eq', value: 'o1' },
      { field: 'source', op: 'eq', value: 's1' },
    ]);
  });

  it('is null for what the builder cannot show', () => {
    expect(chips('tier = gold or tier = silver')).toBeNull();
    expect(chips('not tier = gold')).toBeNull();
    expect(chips('bought(product: "ITEM-24")')).toBeNull();
    expect(chips('last_purchase < 90 days ago')).toBeNull();
    expect(chips('region = Bayern')).toBeNull();
    expect(chips('tag = Unknown')).toBeNull();
    expect(chips('segment = "Big spenders"')).toBeNull();
    expect(chips('tier not in (gold)')).toBeNull();
  });

  it('is an empty list for no filter', () => {
    expect(filterTextToChips(null, lookups)).toEqual([]);
  });
});

describe('combining filter parts', () => {
  it('brackets an "or" and joins the rest with "and"', () => {
    expect(combineFilterTexts(['kind = person', 'tier = gold or tier = silver', ''])).toBe('kind = person and (tier = gold or tier = silver)');
    expect(combineFilterTexts(['a = 1 and b = 2', 'c = 3'])).toBe('a = 1 and b = 2 and c = 3');
    expect(combineFilterTexts([])).toBe('');
  });
});
