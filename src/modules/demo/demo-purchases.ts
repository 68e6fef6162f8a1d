import type { Rng } from './demo-random.ts';

/**
 * A customer's purchases drawn from the stories the models tell (docs/analytics.md), so
 * the model page has something true to recover:
 * - BG/NBD (Fader, Hardie & Lee 2005): while alive, purchases come at rate λ ~ Gamma(r, α);
 *   after each repeat purchase the customer drops out with probability p ~ Beta(a, b).
 * - Gamma-Gamma: each purchase's value ~ Gamma(p, ν), the customer's ν ~ Gamma(q, γ).
 * Time runs in days back from "now", so the same seed gives the same history whatever the date.
 */
export interface PurchaseStory {
  r: number;
  /** Days: the mean rate is r / alpha purchases a day. */
  alphaDays: number;
  a: number;
  b: number;
  p: number;
  q: number;
  /** Minor units: the mean spend per purchase is p · gamma / (q − 1). */
  gamma: number;
  /** How far back the first purchases go, in days. */
  historyDays: number;
}

export const DEFAULT_STORY: PurchaseStory = { r: 0.7, alphaDays: 25, a: 0.8, b: 3, p: 4, q: 3, gamma: 1500, historyDays: 730 };

export interface DrawnPurchase {
  /** Days before now (fractional). */
  daysAgo: number;
  amountMinor: number;
  costMinor: number | null;
  channel: string;
  /** A uniform draw the caller turns into a campaign once it knows the calendar date. */
  campaignDraw: number;
  /** When refunded: days after the sale and the share refunded (1 = in full). */
  refund: { afterDays: number; share: number } | null;
}

const CHANNELS = ['web', 'web', 'web', 'web', 'web', 'shop', 'shop', 'shop', 'phone', 'marketplace'];

/** Purchase times, oldest first, in days before now: the first one at `firstDaysAgo`. */
export function purchaseTimes(rng: Rng, story: PurchaseStory, firstDaysAgo: number): number[] {
  const rate = rng.gamma(story.r, story.alphaDays);
  const dropOut = rng.beta(story.a, story.b);
  const times = [firstDaysAgo];
  let t = firstDaysAgo;
  // As the likelihood has it, a customer can drop out only after a repeat purchase, not the first.
  for (;;) {
    t -= rng.exponential(rate);
    if (t < 0) break;
    times.push(t);
    if (rng.chance(dropOut)) break;
  }
  return times;
}

/** Every purchase of one buyer: times, values, costs (most known), channels and refunds. */
export function drawPurchases(rng: Rng, story: PurchaseStory, organisation: boolean): DrawnPurchase[] {
  const times = purchaseTimes(rng, story, rng.next() * story.historyDays);
  const nu = rng.gamma(story.q, story.gamma);
  const margin = 0.25 + 0.25 * rng.next();
  const mainChannel = organisation ? rng.pick(['phone', 'web', 'phone']) : rng.pick(CHANNELS);
  return times.map((daysAgo) => {
    const value = rng.gamma(story.p, nu);
    // Prices to ten minor units, at least one major unit.
    const amountMinor = Math.max(100, Math.round(value / 10) * 10);
    const costKnown = rng.chance(0.85);
    const costShare = 1 - margin + 0.1 * (rng.next() - 0.5);
    const channel = rng.chance(0.8) ? mainChannel : rng.pick(CHANNELS);
    const campaignDraw = rng.next();
    const refunded = rng.chance(0.05);
    const afterDays = 1 + rng.next() * 20;
    const share = rng.chance(0.7) ? 1 : 0.2 + 0.3 * rng.next();
    return { daysAgo, amountMinor, costMinor: costKnown ? Math.round(amountMinor * costShare) : null, channel, campaignDraw, refund: refunded ? { afterDays, share } : null };
  });
}
