import { DEMO_SOURCES, FAIRS_DAYS_AGO, localDay, type DemoCampaignKey, type DemoSourceKey } from './demo-acquisition.ts';
import type { DemoLocale } from './demo-people.ts';
import type { Rng } from './demo-random.ts';
import { randomCodePart } from '../../shared/codes.ts';

/**
 * The demo's campaigns, as plain data: what each cost (in the story's minor units, scaled to the
 * workspace currency when written), its coupon codes, and the codes its customers' first
 * purchases carry. The story: Instagram ads pay for themselves several times over; the trade
 * fair stand cost about twice what the customers met there have spent since. Costs follow the
 * revenue drawn, so the story holds for every seed and size.
 */
export interface DemoCampaign {
  key: DemoCampaignKey;
  name: string;
  source: DemoSourceKey;
  startsOn: string;
  endsOn: string | null;
  notes: string | null;
  costs: { spentOn: string; amountMinor: number; description: string }[];
  /** One code for everyone. */
  code: { code: string; validFrom: string; validUntil: string | null } | null;
  /** Single-use codes handed out one per customer. */
  batch: { codes: string[]; validFrom: string; maxUses: number } | null;
}

/** What the campaigns need to know of a customer and their purchases. */
export interface CampaignCustomer {
  key: number;
  kind: 'person' | 'organisation';
  /** First name, or the organisation's name: the stem of a referral code. */
  firstName: string;
  source: DemoSourceKey | null;
  referral: { referrerKey: number; by: 'profile' | 'code' } | null;
  referralCode: string | null;
}
export interface CampaignSale {
  customerKey: number;
  occurredAt: Date;
  campaign: string | null;
  /** A uniform draw: whether a first purchase used the code at hand. */
  campaignDraw: number;
}

const DAY = 86_400_000;
const INSTAGRAM_FROM_DAYS_AGO = 700;
const WELCOME_UNTIL_DAYS_AGO = 150;

const NAMES: Record<DemoCampaignKey, Record<DemoLocale, string>> = {
  instagram: { en: 'Instagram ads', ru: 'Реклама в Instagram' },
  welcome: { en: 'Welcome offer', ru: 'Приветственная скидка' },
  fair: { en: 'Trade fair stand', ru: 'Стенд на выставке' },
};
const WORDS = {
  ads: { en: 'Ads', ru: 'Реклама' },
  landing: { en: 'Landing page and banner', ru: 'Лендинг и баннер' },
  stand: { en: 'Stand', ru: 'Стенд' },
  travel: { en: 'Travel and samples', ru: 'Дорога и образцы' },
  welcomeNotes: { en: '10% off a first order with WELCOME10', ru: '10% на первый заказ по коду WELCOME10' },
  instagramNotes: { en: 'A single-use code in every ad', ru: 'Одноразовый код в каждом объявлении' },
};

/** To ten major units, at least `floor`. */
const round = (minor: number, floor: number) => Math.max(floor, Math.round(minor / 1000) * 1000);

const codePart = (rng: Rng, length: number) => randomCodePart(length, (below) => Math.floor(rng.next() * below));

/**
 * Plans the campaigns and writes codes onto first purchases: WELCOME10 on some first orders of
 * customers who found the website (a few after it ended: flagged expired), an Instagram code on
 * some first orders of Instagram's (one code passed on to a second buyer: flagged over its
 * limit), and the referral code of the customer who referred the most on the first orders of
 * two of their referrals (who referred them is then learnt from it).
 */
export function planCampaigns(customers: CampaignCustomer[], sales: CampaignSale[], revenueOf: Map<number, number>, rng: Rng, options: { now: Date; offsetMinutes: number; historyDays: number; locale: DemoLocale }): DemoCampaign[] {
  const dayAgo = (days: number) => localDay(new Date(options.now.getTime() - days * DAY), options.offsetMinutes);
  const t = (words: Record<DemoLocale, string>) => words[options.locale];
  const firstSale = new Map<number, CampaignSale>();
  for (const s of sales) if (!firstSale.has(s.customerKey)) firstSale.set(s.customerKey, s);
  const firstOf = (key: DemoSourceKey) => customers.filter((c) => c.source === key).flatMap((c) => firstSale.get(c.key) ?? []).toSorted((x, y) => x.occurredAt.getTime() - y.occurredAt.getTime() || x.customerKey - y.customerKey);
  const revenue = (keys: DemoSourceKey[]) => customers.filter((c) => c.source !== null && keys.includes(c.source)).reduce((s, c) => s + (revenueOf.get(c.key) ?? 0), 0);

  // Welcome offer: valid from the start until five months ago; a few tried it after.
  const welcomeUntil = dayAgo(WELCOME_UNTIL_DAYS_AGO);
  const website = firstOf('website');
  const late = (s: CampaignSale) => localDay(s.occurredAt, options.offsetMinutes) > welcomeUntil;
  for (const s of website) if (s.campaignDraw < (late(s) ? 0.1 : 0.3)) s.campaign = 'WELCOME10';
  const firstLate = website.find(late);
  if (firstLate && !website.some((s) => late(s) && s.campaign)) firstLate.campaign = 'WELCOME10';
  const welcome: DemoCampaign = {
    key: 'welcome', name: t(NAMES.welcome), source: 'website', startsOn: dayAgo(options.historyDays), endsOn: welcomeUntil, notes: t(WORDS.welcomeNotes),
    costs: [{ spentOn: dayAgo(options.historyDays), amountMinor: round(0.08 * revenue(['website']), 10_000), description: t(WORDS.landing) }],
    code: { code: 'WELCOME10', validFrom: dayAgo(options.historyDays), validUntil: welcomeUntil }, batch: null,
  };

  // Instagram ads: a single-use code per ad reader who bought; the last one was given an earlier buyer's.
  const instagramFrom = dayAgo(INSTAGRAM_FROM_DAYS_AGO);
  const readers = firstOf('instagram').filter((s) => localDay(s.occurredAt, options.offsetMinutes) >= instagramFrom && s.campaignDraw < 0.45);
  const codes = new Set<string>();
  while (codes.size < Math.max(10, Math.ceil(readers.length * 1.2))) codes.add(`INSTA-${codePart(rng, 6)}`);
  const batch = [...codes];
  readers.forEach((s, i) => (s.campaign = i > 0 && i === readers.length - 1 ? batch[0]! : batch[i]!));
  const months = Math.floor(INSTAGRAM_FROM_DAYS_AGO / 30);
  const perMonth = Math.max(1000, Math.round(round(0.35 * revenue(['instagram']), 30_000) / months / 10) * 10);
  const instagram: DemoCampaign = {
    key: 'instagram', name: t(NAMES.instagram), source: 'instagram', startsOn: instagramFrom, endsOn: null, notes: t(WORDS.instagramNotes),
    costs: Array.from({ length: months }, (_, i) => ({ spentOn: dayAgo(INSTAGRAM_FROM_DAYS_AGO - 30 * i), amountMinor: perMonth, description: t(WORDS.ads) })),
    code: null, batch: { codes: batch, validFrom: instagramFrom, maxUses: 1 },
  };

  // The trade fairs: a stand booked three weeks ahead, travel on the day; about twice what the Event channel's customers spent.
  const fairCost = round(1.8 * revenue(eventSources()), 100_000);
  const fair: DemoCampaign = {
    key: 'fair', name: t(NAMES.fair), source: 'tradeFair', startsOn: dayAgo(FAIRS_DAYS_AGO[0]! + 21), endsOn: dayAgo(FAIRS_DAYS_AGO.at(-1)! - 2), notes: null,
    costs: FAIRS_DAYS_AGO.flatMap((d) => [
      { spentOn: dayAgo(d + 21), amountMinor: round((0.65 * fairCost) / FAIRS_DAYS_AGO.length, 1000), description: t(WORDS.stand) },
      { spentOn: dayAgo(d), amountMinor: round((0.35 * fairCost) / FAIRS_DAYS_AGO.length, 1000), description: t(WORDS.travel) },
    ]),
    code: null, batch: null,
  };

  shareReferralCode(customers, firstSale, rng);
  return [instagram, welcome, fair];
}

const eventSources = () => (Object.keys(DEMO_SOURCES) as DemoSourceKey[]).filter((k) => DEMO_SOURCES[k][0] === 'Event');

/** The person who referred the most gets a referral code; two of their referrals bought with it first. */
function shareReferralCode(customers: CampaignCustomer[], firstSale: Map<number, CampaignSale>, rng: Rng): void {
  const count = new Map<number, number>();
  for (const c of customers) if (c.referral) count.set(c.referral.referrerKey, (count.get(c.referral.referrerKey) ?? 0) + 1);
  const byKey = new Map(customers.map((c) => [c.key, c]));
  const top = [...count.entries()].filter(([key]) => byKey.get(key)!.kind === 'person').toSorted((x, y) => y[1] - x[1] || x[0] - y[0])[0];
  if (!top) return;
  const referrer = byKey.get(top[0])!;
  const stem = (referrer.firstName.split(/\s+/)[0] ?? '').normalize('NFKD').replace(/[^A-Za-z]/g, '').toUpperCase().slice(0, 8) || 'FRIEND';
  referrer.referralCode = `${stem}-${codePart(rng, 4)}`;
  const buyers = customers.filter((c) => c.referral?.referrerKey === referrer.key && firstSale.get(c.key)?.campaign === null);
  for (const c of buyers.slice(-2)) {
    c.referral = { referrerKey: referrer.key, by: 'code' };
    firstSale.get(c.key)!.campaign = referrer.referralCode;
  }
}
