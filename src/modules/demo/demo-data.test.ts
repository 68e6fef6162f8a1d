import { describe, expect, it } from 'vitest';
import { fitBgNbd } from '../analytics/bgnbd.ts';
import { fitGammaGamma } from '../analytics/gamma-gamma.ts';
import { DEMO_SOURCES, demoSourceNames, referralDepth, type AcquirableCustomer, type DemoSourceKey } from './demo-acquisition.ts';
import { generateDemo, openingHoursAt } from './demo-data.ts';
import { DEFAULT_STORY, drawPurchases, purchaseTimes } from './demo-purchases.ts';
import { seededRng } from './demo-random.ts';

const NOW = new Date('2026-03-15T12:34:56Z');
const DAY = 86_400_000;
const within = (actual: number, expected: number, share: number) => expect(Math.abs(actual / expected - 1)).toBeLessThanOrEqual(share);

describe('demo data', () => {
  it('is the same for the same seed, and another for another seed', () => {
    const a = generateDemo({ seed: 7, customers: 200, locale: 'en', now: NOW });
    const b = generateDemo({ seed: 7, customers: 200, locale: 'en', now: NOW });
    const c = generateDemo({ seed: 8, customers: 200, locale: 'en', now: NOW });
    expect(b).toEqual(a);
    expect(c.transactions.map((t) => t.amountMinor)).not.toEqual(a.transactions.map((t) => t.amountMinor));
  });

  it('gives the same history relative to any date: counts and amounts do not depend on the calendar', () => {
    const a = generateDemo({ seed: 3, customers: 300, locale: 'en', now: NOW });
    const b = generateDemo({ seed: 3, customers: 300, locale: 'en', now: new Date('2027-08-01T09:00:00Z') });
    expect(b.transactions.length).toBe(a.transactions.length);
    expect(b.transactions.map((t) => t.amountMinor).toSorted()).toEqual(a.transactions.map((t) => t.amountMinor).toSorted());
  });

  it('makes a tenth organisations, parents older than their subsidiaries, employers that are organisations', () => {
    const { customers } = generateDemo({ seed: 1, customers: 600, locale: 'ru', now: NOW });
    const byKey = new Map(customers.map((c) => [c.key, c]));
    expect(customers.filter((c) => c.profile.kind === 'organisation')).toHaveLength(60);
    const children = customers.filter((c) => c.parentKey !== null);
    expect(children.length).toBeGreaterThan(0);
    for (const c of children) expect(byKey.get(c.parentKey!)!.createdAt.getTime()).toBeLessThanOrEqual(c.createdAt.getTime());
    const employed = customers.filter((c) => c.employment);
    expect(employed.length).toBeGreaterThan(100);
    for (const c of employed) {
      expect(c.profile.kind).toBe('person');
      expect(byKey.get(c.employment!.organisationKey)!.profile.kind).toBe('organisation');
    }
    const names = customers.filter((c) => c.profile.kind === 'organisation').map((c) => c.profile.input.name);
    expect(new Set(names).size).toBe(names.length);
    const emails = customers.flatMap((c) => (c.profile.input.contacts ?? []).filter((x) => x.kind === 'email').map((x) => x.value));
    expect(new Set(emails).size).toBe(emails.length);
  });

  it('sells within the last two years, in opening hours, never after now; refunds after their sale', () => {
    const { customers, transactions } = generateDemo({ seed: 1, customers: 600, locale: 'en', now: NOW });
    for (const t of transactions) {
      expect(t.occurredAt.getTime()).toBeLessThanOrEqual(NOW.getTime());
      expect(t.occurredAt.getTime()).toBeGreaterThan(NOW.getTime() - 731 * DAY);
      expect(t.occurredAt.getUTCHours()).toBeGreaterThanOrEqual(9);
      expect(t.occurredAt.getUTCHours()).toBeLessThan(20);
      expect(Math.sign(t.amountMinor)).toBe(t.kind === 'sale' ? 1 : -1);
    }
    const sales = transactions.filter((t) => t.kind === 'sale');
    const refunds = transactions.filter((t) => t.kind === 'refund');
    expect(refunds.length / sales.length).toBeGreaterThan(0.02);
    expect(refunds.length / sales.length).toBeLessThan(0.08);
    expect(sales.filter((t) => t.costMinor !== null).length / sales.length).toBeGreaterThan(0.75);
    expect(new Set(transactions.map((t) => t.externalId)).size).toBe(transactions.length);
    // Every buyer's record was made at (just before) the first purchase.
    const made = customers.flatMap((c) => sales.filter((t) => t.customerKey === c.key).slice(0, 1).map((t) => t.occurredAt.getTime() - c.createdAt.getTime()));
    expect(Math.min(...made)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...made)).toBeLessThanOrEqual(30 * 60_000);
    const buyers = new Set(sales.map((t) => t.customerKey));
    const repeat = new Set(sales.filter((t, i) => sales.findIndex((s) => s.customerKey === t.customerKey) !== i).map((t) => t.customerKey));
    expect(buyers.size).toBeGreaterThanOrEqual(50);
    expect(repeat.size).toBeGreaterThanOrEqual(20);
  });

  it('places a moment in its day’s opening hours in the workspace’s zone', () => {
    // 3 hours ahead of UTC: 09:00–20:00 local is 06:00–17:00 UTC.
    for (const daysAgo of [0.01, 0.5, 1.2, 100.99]) {
      const at = openingHoursAt(NOW, daysAgo, 180);
      const localHour = new Date(at.getTime() + 180 * 60_000).getUTCHours();
      expect(localHour).toBeGreaterThanOrEqual(9);
      expect(localHour).toBeLessThan(20);
      expect(at.getTime()).toBeLessThanOrEqual(NOW.getTime());
    }
  });

  it('draws from the BG/NBD story: fitting 8,000 drawn histories gives the story’s parameters back', () => {
    const rng = seededRng(11);
    const summaries = Array.from({ length: 8000 }, () => {
      const first = rng.next() * 730;
      const times = purchaseTimes(rng, DEFAULT_STORY, first);
      return { x: times.length - 1, tx: (first - times.at(-1)!) / 7, T: first / 7 };
    });
    const fit = fitBgNbd(summaries);
    expect(fit.converged).toBe(true);
    within(fit.params.r, DEFAULT_STORY.r, 0.1);
    within(fit.params.alpha, DEFAULT_STORY.alphaDays / 7, 0.1);
    within(fit.params.a, DEFAULT_STORY.a, 0.15);
    within(fit.params.b, DEFAULT_STORY.b, 0.2);
  });

  it('draws spend from the Gamma-Gamma story: fitting the repeat purchases gives p, q and gamma back', () => {
    const rng = seededRng(12);
    const spend = Array.from({ length: 6000 }, () => drawPurchases(rng, DEFAULT_STORY, false).slice(1))
      .filter((repeat) => repeat.length > 0)
      .map((repeat) => ({ x: repeat.length, m: repeat.reduce((s, p) => s + p.amountMinor, 0) / repeat.length }));
    const fit = fitGammaGamma(spend);
    expect(fit.converged).toBe(true);
    within(fit.params.p, DEFAULT_STORY.p, 0.15);
    within(fit.params.q, DEFAULT_STORY.q, 0.15);
    within(fit.params.gamma, DEFAULT_STORY.gamma, 0.25);
  });

  it('names every demo source as the seeded taxonomy does, in both languages', () => {
    for (const key of Object.keys(DEMO_SOURCES) as DemoSourceKey[]) {
      for (const locale of ['en', 'ru'] as const) {
        const names = demoSourceNames(key, locale);
        expect(names.channel, key).toBeTruthy();
        expect(names.name, key).toBeTruthy();
      }
    }
    expect(demoSourceNames('tradeFair', 'ru')).toEqual({ channel: 'Мероприятие', name: 'Выставка' });
  });

  it('tells the acquisition story for any seed: a few unknown, chains three deep, codes only where they belong, the fair costing more than it brought', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const { customers, transactions, campaigns } = generateDemo({ seed, customers: 300, locale: 'en', now: NOW });
      const unknown = customers.filter((c) => !c.acquisition).length / customers.length;
      expect(unknown).toBeGreaterThan(0.05);
      expect(unknown).toBeLessThan(0.25);
      const byKey = new Map(customers.map((c) => [c.key, c as unknown as AcquirableCustomer]));
      expect(Math.max(...customers.map((c) => referralDepth(byKey, byKey.get(c.key)!)))).toBeGreaterThanOrEqual(3);
      expect(customers.filter((c) => c.referral && customers[c.referral.referrerKey]!.createdAt >= c.createdAt)).toEqual([]);
      expect(customers.filter((c) => c.referralCode)).toHaveLength(1);
      // A code is only ever on a first purchase, of a customer whose source is the code's campaign's.
      const sales = transactions.filter((t) => t.kind === 'sale');
      const coded = sales.filter((t) => t.campaign !== null);
      expect(coded.length).toBeGreaterThan(10);
      expect(coded.filter((t) => sales.find((x) => x.customerKey === t.customerKey) !== t)).toEqual([]);
      const belongs = (campaign: string, c: (typeof customers)[number]) =>
        campaign === 'WELCOME10' ? c.acquisition?.source === 'website' : campaign.startsWith('INSTA-') ? c.acquisition?.source === 'instagram' : c.referral?.by === 'code' && customers[c.referral.referrerKey]!.referralCode === campaign;
      expect(coded.filter((t) => !belongs(t.campaign!, customers[t.customerKey]!))).toEqual([]);
      const revenue = (keys: DemoSourceKey[]) => transactions.filter((t) => keys.includes(customers[t.customerKey]!.acquisition?.source as DemoSourceKey)).reduce((s, t) => s + t.amountMinor, 0);
      const cost = (key: string) => campaigns.find((c) => c.key === key)!.costs.reduce((s, k) => s + k.amountMinor, 0);
      expect(cost('fair')).toBeGreaterThan(revenue(['tradeFair', 'workshop']));
      expect(cost('instagram')).toBeLessThan(revenue(['instagram']) / 2);
    }
  });
});

