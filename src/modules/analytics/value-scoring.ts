import type { AnalyticsSettings, LapseState, RfmSegment, Tier } from '../../contracts/analytics.ts';
import type { CustomerAggregates } from './customer-aggregates.ts';

/**
 * The rule-based numbers that place a customer among the others: value rank and tier,
 * RFM scores and segment, lapse state. Pure functions; definitions in docs/analytics.md.
 */

/** The tier metric of a customer over the tier window (now, or at the end of the previous period); null when profit is unknown. */
export function tierValue(a: CustomerAggregates, settings: Pick<AnalyticsSettings, 'tierMetric' | 'tierWindow'>, previous = false): number | null {
  if (settings.tierMetric === 'revenue') return (previous ? a.previousWindows : a.revenue)[settings.tierWindow];
  return (previous ? a.previousWindows.profit : a.profit)[settings.tierWindow];
}

export interface Ranked {
  rank: number;
  percentile: number;
  tier: Tier;
}

export interface TierCut {
  tier: Tier;
  customers: number;
  value: number;
  threshold: number | null;
}

/**
 * Ranks customers with a positive value, highest first; ties go to the higher lifetime
 * revenue, then the smaller id, so the order never depends on the database. The first
 * ceil(goldShare · n) are gold, the next ceil((gold + silver) · n) − gold silver.
 */
export function rankTiers(entries: readonly { id: string; value: number | null; lifetime: number }[], settings: Pick<AnalyticsSettings, 'goldShare' | 'silverShare'>): { ranks: Map<string, Ranked>; cuts: TierCut[]; order: { id: string; value: number }[] } {
  const ranked = entries
    .filter((e): e is { id: string; value: number; lifetime: number } => e.value !== null && e.value > 0)
    .toSorted((x, y) => y.value - x.value || y.lifetime - x.lifetime || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  const n = ranked.length;
  const goldCount = n === 0 ? 0 : Math.ceil(settings.goldShare * n - 1e-9);
  const silverEnd = n === 0 ? 0 : Math.min(n, Math.ceil((settings.goldShare + settings.silverShare) * n - 1e-9));
  const ranks = new Map<string, Ranked>();
  const cuts: TierCut[] = (['gold', 'silver', 'other'] as const).map((tier) => ({ tier, customers: 0, value: 0, threshold: null }));
  ranked.forEach((e, i) => {
    const tier: Tier = i < goldCount ? 'gold' : i < silverEnd ? 'silver' : 'other';
    ranks.set(e.id, { rank: i + 1, percentile: Math.round((10_000 * (n - i)) / n) / 100, tier });
    const cut = cuts.find((c) => c.tier === tier)!;
    cut.customers++;
    cut.value += e.value;
    cut.threshold = e.value;
  });
  return { ranks, cuts, order: ranked.map(({ id, value }) => ({ id, value })) };
}

/**
 * Scores 1–5 by quintile, higher is better: a value's score is 1 + ⌊5 · (share of values
 * strictly worse)⌋, so equal values always share a score.
 */
export function quintileScores(values: readonly number[]): number[] {
  const sorted = values.toSorted((a, b) => a - b);
  const n = values.length;
  return values.map((v) => {
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid]! < v) lo = mid + 1;
      else hi = mid;
    }
    return Math.min(5, 1 + Math.floor((5 * lo) / n));
  });
}

/** Rows: recency score 5 (most recent) down to 1; columns: FM score 1 to 5. */
export const RFM_GRID: readonly (readonly RfmSegment[])[] = [
  ['new', 'potential_loyalist', 'potential_loyalist', 'champions', 'champions'],
  ['promising', 'potential_loyalist', 'potential_loyalist', 'loyal', 'champions'],
  ['about_to_sleep', 'need_attention', 'need_attention', 'loyal', 'loyal'],
  ['hibernating', 'about_to_sleep', 'at_risk', 'at_risk', 'cant_lose'],
  ['lost', 'hibernating', 'at_risk', 'cant_lose', 'cant_lose'],
];

/** FM: the mean of the frequency and monetary scores, halves rounded up. */
export function fmScore(f: number, m: number): number {
  return Math.floor((f + m + 1) / 2);
}

export function rfmSegment(r: number, fm: number): RfmSegment {
  return RFM_GRID[5 - r]![fm - 1]!;
}

export interface RfmScore {
  r: number;
  f: number;
  m: number;
  segment: RfmSegment;
}

/** RFM over the customers who bought: recency = days since the last purchase (fewer is better), frequency = purchases, monetary = lifetime revenue. */
export function scoreRfm(buyers: readonly { id: string; daysSince: number; purchases: number; revenue: number }[]): Map<string, RfmScore> {
  const r = quintileScores(buyers.map((b) => -b.daysSince));
  const f = quintileScores(buyers.map((b) => b.purchases));
  const m = quintileScores(buyers.map((b) => b.revenue));
  const out = new Map<string, RfmScore>();
  buyers.forEach((b, i) => out.set(b.id, { r: r[i]!, f: f[i]!, m: m[i]!, segment: rfmSegment(r[i]!, fmScore(f[i]!, m[i]!)) }));
  return out;
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = values.toSorted((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

const ORDER: readonly LapseState[] = ['active', 'due', 'at_risk', 'lapsed'];

/**
 * Active, due, at risk or lapsed: days since the last purchase against the customer's own
 * typical gap (or the workspace median, or the default), made worse, never better, by a low P(alive).
 */
export function lapseState(daysSince: number | null, ownGap: number | null, workspaceGap: number | null, pAlive: number | null, settings: AnalyticsSettings): { state: LapseState | null; gapDays: number | null; gapSource: 'own' | 'workspace' | 'default' | null } {
  if (daysSince === null) return { state: null, gapDays: null, gapSource: null };
  const gapSource = ownGap !== null && ownGap > 0 ? 'own' : workspaceGap !== null && workspaceGap > 0 ? 'workspace' : 'default';
  const gapDays = gapSource === 'own' ? ownGap! : gapSource === 'workspace' ? workspaceGap! : settings.defaultGapDays;
  const gaps = daysSince / gapDays;
  let state: LapseState = gaps > settings.lapsedAfterGaps ? 'lapsed' : gaps > settings.atRiskAfterGaps ? 'at_risk' : gaps > settings.dueAfterGaps ? 'due' : 'active';
  if (pAlive !== null) {
    const byModel: LapseState = pAlive < settings.lapsedBelowPAlive ? 'lapsed' : pAlive < settings.atRiskBelowPAlive ? 'at_risk' : 'active';
    if (ORDER.indexOf(byModel) > ORDER.indexOf(state)) state = byModel;
  }
  return { state, gapDays: Math.round(gapDays * 10) / 10, gapSource };
}
