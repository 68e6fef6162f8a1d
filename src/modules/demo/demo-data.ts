import type { TAG_COLORS } from '../../contracts/tags.ts';
import { acquire, localDay, type AcquirableCustomer, type DemoAcquisition, type DemoReferral } from './demo-acquisition.ts';
import { planCampaigns, type CampaignCustomer, type DemoCampaign } from './demo-campaigns.ts';
import { demoOrganisation, demoPerson, type DemoLocale, type DemoProfile } from './demo-people.ts';
import { DEFAULT_STORY, drawPurchases, type PurchaseStory } from './demo-purchases.ts';
import { seededRng, type Rng } from './demo-random.ts';

/**
 * A believable small business, as plain data: customers (a tenth organisations, some
 * with a parent, people employed at some), tags, two years of sales and refunds ending now,
 * where the customers came from and who referred whom, and the campaigns with their costs and
 * codes. Nothing here touches the database; demo.usecases.ts writes it through the use cases.
 */
export interface DemoOptions {
  seed: number;
  customers: number;
  locale: DemoLocale;
  now: Date;
  /** The workspace's offset from UTC, so purchases fall in its opening hours. */
  utcOffsetMinutes?: number;
  story?: PurchaseStory;
}

export type DemoTagKey = 'vip' | 'wholesale' | 'newsletter';

export const DEMO_TAGS: Record<DemoTagKey, { color: (typeof TAG_COLORS)[number]; name: Record<DemoLocale, string> }> = {
  vip: { color: 'yellow', name: { en: 'VIP', ru: 'VIP' } },
  wholesale: { color: 'teal', name: { en: 'Wholesale', ru: 'Опт' } },
  newsletter: { color: 'blue', name: { en: 'Newsletter', ru: 'Рассылка' } },
};

export interface DemoCustomer {
  key: number;
  profile: DemoProfile;
  createdAt: Date;
  tags: DemoTagKey[];
  parentKey: number | null;
  employment: { organisationKey: number; title: string | null; at: Date } | null;
  /** Null: where they came from is unknown. */
  acquisition: DemoAcquisition | null;
  referral: DemoReferral | null;
  referralCode: string | null;
}

export interface DemoTransaction {
  customerKey: number;
  kind: 'sale' | 'refund';
  occurredAt: Date;
  amountMinor: number;
  costMinor: number | null;
  channel: string;
  campaign: string | null;
  externalId: string;
}

export interface DemoData {
  customers: DemoCustomer[];
  transactions: DemoTransaction[];
  campaigns: DemoCampaign[];
}

const DAY = 86_400_000;
const BUYER_SHARE = { person: 0.88, organisation: 0.92 };

/** A moment `daysAgo` before now, moved into the opening hours (09:00–20:00 local) of its day, never after now. */
export function openingHoursAt(now: Date, daysAgo: number, offsetMinutes = 0): Date {
  const offset = offsetMinutes * 60_000;
  const local = now.getTime() + offset - daysAgo * DAY;
  const midnight = Math.floor(local / DAY) * DAY;
  const moment = midnight + Math.floor(((9 + 11 * ((local - midnight) / DAY)) * 3_600_000) / 60_000) * 60_000 - offset;
  return new Date(Math.min(moment, now.getTime() - 60_000));
}

export function generateDemo(options: DemoOptions): DemoData {
  const story = options.story ?? DEFAULT_STORY;
  // Separate streams, so changing how people are made does not change their purchases.
  const people = seededRng(options.seed);
  const buying = seededRng(options.seed + 1);
  const relating = seededRng(options.seed + 2);
  const acquiring = seededRng(options.seed + 3);

  const organisations = Math.round(options.customers / 10);
  const taken = new Set<string>();
  const customers: DemoCustomer[] = [];
  const sales: (DemoTransaction & { daysAgo: number; campaignDraw: number; refund: { afterDays: number; share: number } | null })[] = [];
  for (let key = 0; key < options.customers; key++) {
    const profile = key < organisations ? demoOrganisation(people, options.locale, key, taken) : demoPerson(people, options.locale, key);
    const drawn = buying.chance(BUYER_SHARE[profile.kind]) ? drawPurchases(buying, story, profile.kind === 'organisation') : [];
    for (const p of drawn) {
      const occurredAt = openingHoursAt(options.now, p.daysAgo, options.utcOffsetMinutes);
      sales.push({ customerKey: key, kind: 'sale', occurredAt, amountMinor: p.amountMinor, costMinor: p.costMinor, channel: p.channel, campaign: null, externalId: '', daysAgo: p.daysAgo, campaignDraw: p.campaignDraw, refund: p.refund });
    }
    const since = relating.next();
    // A buyer's record was made at the first order; others came in over the two years.
    const createdAt = drawn.length ? new Date(sales.at(-drawn.length)!.occurredAt.getTime() - Math.round(since * 30) * 60_000) : openingHoursAt(options.now, since * story.historyDays, options.utcOffsetMinutes);
    // Half of the records say since when they are customers (it counts towards completeness).
    if (relating.chance(0.5)) profile.input.customerSince = localDay(createdAt, options.utcOffsetMinutes ?? 0);
    customers.push({ key, profile, createdAt, tags: [], parentKey: null, employment: null, acquisition: null, referral: null, referralCode: null });
  }

  const refunds: (DemoTransaction & { daysAgo: number })[] = [];
  for (const sale of sales) {
    if (!sale.refund) continue;
    const daysAgo = sale.daysAgo - sale.refund.afterDays;
    if (daysAgo < 0) continue;
    const full = sale.refund.share === 1;
    const amount = full ? sale.amountMinor : Math.max(10, Math.round((sale.amountMinor * sale.refund.share) / 10) * 10);
    // A full refund takes the goods back (its cost too); a partial one is money back only.
    const cost = sale.costMinor === null ? null : full ? -sale.costMinor : 0;
    refunds.push({ customerKey: sale.customerKey, kind: 'refund', occurredAt: openingHoursAt(options.now, daysAgo, options.utcOffsetMinutes), amountMinor: -amount, costMinor: cost, channel: sale.channel, campaign: null, externalId: '', daysAgo });
  }

  relate(customers, organisations, relating, options.now);
  tag(customers, [...sales, ...refunds], relating);
  const campaigns = acquisition(customers, sales, refunds, acquiring, options, story.historyDays);

  // Numbered in the story's own time (days ago), not by clock times, which move into opening
  // hours differently at different times of day: the same seed numbers the same orders.
  const ordered = [...sales.map(({ refund: _refund, campaignDraw: _draw, ...t }) => t), ...refunds].toSorted((x, y) => y.daysAgo - x.daysAgo || x.customerKey - y.customerKey || (x.kind < y.kind ? -1 : x.kind > y.kind ? 1 : 0));
  let order = 10_001;
  let credit = 5_001;
  const transactions: DemoTransaction[] = ordered.map(({ daysAgo: _daysAgo, ...t }) => ({ ...t, externalId: t.kind === 'sale' ? `SO-${order++}` : `RF-${credit++}` }));
  return { customers, transactions, campaigns };
}

/** Sources and referrers (demo-acquisition.ts), then the campaigns and the codes first purchases carry (demo-campaigns.ts). */
function acquisition(customers: DemoCustomer[], sales: (DemoTransaction & { campaignDraw: number })[], refunds: DemoTransaction[], rng: Rng, options: DemoOptions, historyDays: number): DemoCampaign[] {
  const offsetMinutes = options.utcOffsetMinutes ?? 0;
  const channels = new Map<number, Map<string, number>>();
  for (const s of sales) {
    const counts = channels.get(s.customerKey) ?? channels.set(s.customerKey, new Map()).get(s.customerKey)!;
    counts.set(s.channel, (counts.get(s.channel) ?? 0) + 1);
  }
  const mainChannel = (key: number) => [...(channels.get(key) ?? new Map<string, number>()).entries()].toSorted((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))[0]?.[0] ?? null;
  const acquirable: AcquirableCustomer[] = customers.map((c) => ({ key: c.key, kind: c.profile.kind, createdAt: c.createdAt, mainChannel: mainChannel(c.key), vip: c.tags.includes('vip'), acquisition: null, referral: null }));
  acquire(acquirable, rng, options.now, offsetMinutes);
  const revenueOf = new Map<number, number>();
  for (const t of [...sales, ...refunds]) revenueOf.set(t.customerKey, (revenueOf.get(t.customerKey) ?? 0) + t.amountMinor);
  const planned: CampaignCustomer[] = acquirable.map((a) => {
    const input = customers[a.key]!.profile.input;
    return { key: a.key, kind: a.kind, firstName: input.firstName ?? input.name ?? '', source: a.acquisition?.source ?? null, referral: a.referral, referralCode: null };
  });
  const campaigns = planCampaigns(planned, sales, revenueOf, rng, { now: options.now, offsetMinutes, historyDays, locale: options.locale });
  for (const c of customers) {
    c.acquisition = acquirable[c.key]!.acquisition;
    c.referral = planned[c.key]!.referral;
    c.referralCode = planned[c.key]!.referralCode;
  }
  return campaigns;
}

/** Parents among older organisations; a quarter of the people work at one. */
function relate(customers: DemoCustomer[], organisations: number, rng: Rng, now: Date): void {
  const orgs = customers.slice(0, organisations).toSorted((x, y) => x.createdAt.getTime() - y.createdAt.getTime());
  orgs.forEach((org, i) => {
    if (i > 0 && rng.chance(0.15)) org.parentKey = orgs[rng.int(0, i - 1)]!.key;
  });
  if (orgs.length === 0) return;
  for (const person of customers.slice(organisations)) {
    if (!rng.chance(0.25)) continue;
    const org = rng.pick(orgs);
    const at = Math.min(now.getTime() - 60_000, Math.max(person.createdAt.getTime(), org.createdAt.getTime()) + rng.int(5, 600) * 60_000);
    person.employment = { organisationKey: org.key, title: person.profile.jobTitle, at: new Date(at) };
  }
}

/** VIP: the top 5% of buyers by net revenue; Wholesale: most organisations; Newsletter: some who agreed to be written to. */
function tag(customers: DemoCustomer[], transactions: DemoTransaction[], rng: Rng): void {
  const revenue = new Map<number, number>();
  for (const t of transactions) revenue.set(t.customerKey, (revenue.get(t.customerKey) ?? 0) + t.amountMinor);
  const ranked = [...revenue.entries()].toSorted((x, y) => y[1] - x[1] || x[0] - y[0]);
  for (const [key] of ranked.slice(0, Math.ceil(0.05 * ranked.length))) customers[key]!.tags.push('vip');
  for (const c of customers) {
    if (rng.chance(c.profile.kind === 'organisation' ? 0.7 : 0.02)) c.tags.push('wholesale');
    const email = c.profile.input.contacts?.some((x) => x.kind === 'email') ?? false;
    const agreed = c.profile.kind === 'organisation' || c.profile.input.consent?.given === true;
    if (rng.chance(0.45) && email && agreed) c.tags.push('newsletter');
  }
}
