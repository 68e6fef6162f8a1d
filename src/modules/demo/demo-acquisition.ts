import { DEFAULT_SOURCES } from '../../contracts/sources.ts';
import type { DemoLocale } from './demo-people.ts';
import type { Rng } from './demo-random.ts';

/**
 * Where the demo's customers came from (issue 12), as plain data: a source from the workspace's
 * seeded taxonomy for most, unknown for about one in eight; who referred whom, in chains. The
 * campaigns, their costs and codes are in demo-campaigns.ts.
 */
export const DEMO_SOURCES = {
  friend: ['Referral', 'Friend or family'], existingCustomer: ['Referral', 'Existing customer'], partner: ['Referral', 'Partner'],
  search: ['Online', 'Search engine'], instagram: ['Online', 'Instagram'], facebook: ['Online', 'Facebook'], website: ['Online', 'Our website'],
  newsletter: ['Online', 'Email newsletter'], marketplace: ['Online', 'Marketplace'], onlineAd: ['Online', 'Online ad'],
  streetSign: ['Offline', 'Street sign'], walkedPast: ['Offline', 'Walked past'], flyer: ['Offline', 'Flyer'],
  tradeFair: ['Event', 'Trade fair'], workshop: ['Event', 'Workshop'],
} as const satisfies Record<string, readonly [channel: string, source: string]>;
export type DemoSourceKey = keyof typeof DEMO_SOURCES;
export type DemoCampaignKey = 'instagram' | 'welcome' | 'fair';

/** A demo source's channel and name as the workspace's default sources spell them in its language. */
export function demoSourceNames(key: DemoSourceKey, locale: DemoLocale): { channel: string; name: string } {
  const [channel, source] = DEMO_SOURCES[key];
  const group = DEFAULT_SOURCES.find((g) => g.channel.en === channel)!;
  return { channel: group.channel[locale], name: group.sources.find((s) => s.en === source)![locale] };
}

export interface DemoAcquisition {
  source: DemoSourceKey;
  /**
   * The day, when the story knows one apart from the day they became a customer (met at a fair,
   * bought later). Null: that day — customer since, else the first purchase's, as the reports take it.
   */
  on: string | null;
  /** Set by hand (met at the fair); the others get theirs from the code of their first purchase. */
  campaign: DemoCampaignKey | null;
}

/** Who referred a customer: set on the profile, or learnt from the referrer's code on their first purchase. */
export interface DemoReferral {
  referrerKey: number;
  by: 'profile' | 'code';
}

/** What acquisition needs to know of a customer. */
export interface AcquirableCustomer {
  key: number;
  kind: 'person' | 'organisation';
  createdAt: Date;
  /** The channel most of their purchases went through (null: no purchases). */
  mainChannel: string | null;
  vip: boolean;
  acquisition: DemoAcquisition | null;
  referral: DemoReferral | null;
}

const DAY = 86_400_000;
export const UNKNOWN_SHARE = 0.12;
/** The two trade fairs, in days before now; customers made in the month after one may have met us there. */
export const FAIRS_DAYS_AGO = [540, 180];
const FAIR_MONTH = 30 * DAY;

type Weights = Partial<Record<DemoSourceKey, number>>;
/** Where people who buy through each channel mostly found us. */
const PEOPLE: Record<string, Weights> = {
  web: { search: 26, instagram: 24, facebook: 6, website: 16, newsletter: 4, onlineAd: 6, friend: 4, streetSign: 3, walkedPast: 2, flyer: 2, workshop: 2 },
  shop: { walkedPast: 30, streetSign: 24, flyer: 8, instagram: 10, search: 8, facebook: 3, friend: 6, workshop: 4 },
  phone: { search: 20, website: 15, streetSign: 10, instagram: 5, friend: 6, flyer: 4, walkedPast: 4 },
  marketplace: { marketplace: 70, search: 15, instagram: 15 },
  none: { search: 20, instagram: 25, website: 15, walkedPast: 15, streetSign: 10, facebook: 10, workshop: 5 },
};
const ORGANISATIONS: Weights = { search: 30, website: 20, partner: 15, onlineAd: 10, streetSign: 5, workshop: 5 };

function weighted(rng: Rng, weights: Weights): DemoSourceKey {
  const entries = Object.entries(weights) as [DemoSourceKey, number][];
  let draw = rng.next() * entries.reduce((s, [, w]) => s + w, 0);
  for (const [key, w] of entries) if ((draw -= w) < 0) return key;
  return entries.at(-1)![0];
}

export const localDay = (at: Date, offsetMinutes: number) => new Date(at.getTime() + offsetMinutes * 60_000).toISOString().slice(0, 10);

/**
 * Gives each customer, oldest first, a source (or none) and maybe a referrer made before them:
 * some referrers (ambassadors, the VIPs among them) bring several, and a referral sometimes
 * refers on, so chains form; one at least three levels deep.
 */
export function acquire(customers: AcquirableCustomer[], rng: Rng, now: Date, offsetMinutes: number): void {
  const fairs = FAIRS_DAYS_AGO.map((d) => now.getTime() - d * DAY);
  const earlier: AcquirableCustomer[] = [];
  const ambassadors: AcquirableCustomer[] = [];
  const referred: AcquirableCustomer[] = [];
  for (const c of customers.toSorted((x, y) => x.createdAt.getTime() - y.createdAt.getTime() || x.key - y.key)) {
    const fair = fairs.find((f) => c.createdAt.getTime() >= f && c.createdAt.getTime() < f + FAIR_MONTH);
    const draw = rng.next();
    if (rng.chance(UNKNOWN_SHARE)) {
      c.acquisition = null;
    } else if (fair !== undefined && draw < (c.kind === 'organisation' ? 0.6 : 0.2)) {
      c.acquisition = { source: 'tradeFair', on: localDay(new Date(fair), offsetMinutes), campaign: 'fair' };
    } else if (earlier.length && draw < (c.kind === 'organisation' ? 0.1 : 0.16)) {
      const pool = rng.chance(0.3) && referred.length ? referred : rng.chance(0.6) && ambassadors.length ? ambassadors : earlier;
      c.referral = { referrerKey: rng.pick(pool).key, by: 'profile' };
      c.acquisition = { source: c.kind === 'organisation' ? 'partner' : rng.chance(0.6) ? 'friend' : 'existingCustomer', on: null, campaign: null };
      referred.push(c);
    } else {
      c.acquisition = { source: weighted(rng, c.kind === 'organisation' ? ORGANISATIONS : PEOPLE[c.mainChannel ?? 'none']!), on: null, campaign: null };
    }
    if (c.vip || rng.chance(0.05)) ambassadors.push(c);
    earlier.push(c);
  }
  ensureChain(customers, referred);
}

/** Levels above a customer: 1 for one referred by someone nobody referred. */
export function referralDepth(byKey: Map<number, AcquirableCustomer>, c: AcquirableCustomer): number {
  let depth = 0;
  for (let at = c.referral; at && depth < 100; at = byKey.get(at.referrerKey)!.referral) depth++;
  return depth;
}

/** Too few customers drawn into a chain three deep: the first three referred, oldest first, refer each other. */
function ensureChain(customers: AcquirableCustomer[], referred: AcquirableCustomer[]): void {
  const byKey = new Map(customers.map((c) => [c.key, c]));
  if (referred.length < 3 || referred.some((c) => referralDepth(byKey, c) >= 3)) return;
  const [first, second, third] = referred;
  second!.referral = { referrerKey: first!.key, by: 'profile' };
  third!.referral = { referrerKey: second!.key, by: 'profile' };
}
