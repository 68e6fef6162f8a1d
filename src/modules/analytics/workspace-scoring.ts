import type { AnalyticsSettings, RfmSegment, Tier } from '../../contracts/analytics.ts';
import { RFM_SEGMENTS } from '../../contracts/analytics.ts';
import type { BgNbdParams } from './bgnbd.ts';
import type { CustomerAggregates } from './customer-aggregates.ts';
import type { GammaGammaParams } from './gamma-gamma.ts';
import type { MetricsRow } from './analytics.repository.ts';
import { predictCustomer } from './predictions.ts';
import { fmScore, lapseState, median, rankTiers, rfmSegment, scoreRfm, tierValue, type TierCut } from './value-scoring.ts';

/** The models a scoring uses: fitted now, or the last fit's parameters. */
export interface ScoringModels {
  bgnbd: BgNbdParams | null;
  gammaGamma: GammaGammaParams | null;
}

/** What the dashboard and the reports read, computed with the metrics. */
export interface ValueSummary {
  customers: number;
  buyers: number;
  ranked: number;
  revenue: { days30: number; days90: number; days365: number; lifetime: number };
  months: { month: string; revenueMinor: number; profitMinor: number | null; buyers: number }[];
  pareto: { points: { customerShare: number; revenueShare: number }[]; gold: { customerShare: number; revenueShare: number } | null; silver: { customerShare: number; revenueShare: number } | null };
  tiers: { tier: Tier; customers: number; valueMinor: number; share: number; thresholdMinor: number | null }[];
  rfm: { segments: { segment: RfmSegment; customers: number; revenueMinor: number; share: number }[]; grid: { r: number; fm: number; segment: RfmSegment; customers: number }[] };
  workspaceGapDays: number | null;
  periodStart: string;
  clvTotalMinor: number | null;
  expectedPurchases365: number | null;
}

const round = (v: number | null, digits = 0) => (v === null || !Number.isFinite(v) ? null : Math.round(v * 10 ** digits) / 10 ** digits);

/** Places every customer among the others and predicts each one's future. */
export function scoreWorkspace(
  aggregates: readonly CustomerAggregates[],
  input: { workspaceId: string; computedAt: string; customers: number; settings: AnalyticsSettings; models: ScoringModels; months: Map<string, { revenue: number; profit: number | null; buyers: number }>; periodStart: string; workspaceGapDays?: number | null },
): { rows: MetricsRow[]; summary: ValueSummary } {
  const { settings, models } = input;
  const now = rankTiers(aggregates.map((a) => ({ id: a.customerId, value: tierValue(a, settings), lifetime: a.revenue.lifetime })), settings);
  const before = rankTiers(aggregates.map((a) => ({ id: a.customerId, value: tierValue(a, settings, true), lifetime: a.previousWindows.lifetime })), settings);
  const buyers = aggregates.filter((a) => a.purchases > 0 && a.daysSinceLastPurchase !== null);
  const rfm = scoreRfm(buyers.map((a) => ({ id: a.customerId, daysSince: a.daysSinceLastPurchase!, purchases: a.purchases, revenue: a.revenue.lifetime })));
  // The median of customers' own gaps (given, when scoring a few customers against the rest).
  const workspaceGap = input.workspaceGapDays !== undefined ? input.workspaceGapDays : median(aggregates.flatMap((a) => (a.averageGapDays !== null ? [a.averageGapDays] : [])));

  let clvTotal: number | null = models.bgnbd && models.gammaGamma ? 0 : null;
  let expectedTotal: number | null = models.bgnbd ? 0 : null;
  const rows: MetricsRow[] = aggregates.map((a) => {
    const rank = now.ranks.get(a.customerId);
    const score = rfm.get(a.customerId);
    const prediction = models.bgnbd && a.model ? predictCustomer(models.bgnbd, models.gammaGamma, a.model, a.margin, settings) : null;
    if (prediction?.clv !== null && prediction?.clv !== undefined && clvTotal !== null) clvTotal += prediction.clv;
    if (prediction && expectedTotal !== null) expectedTotal += prediction.expected365;
    const lapse = lapseState(a.daysSinceLastPurchase, a.averageGapDays, workspaceGap, prediction?.pAlive ?? null, settings);
    const value = tierValue(a, settings);
    return {
      workspace_id: input.workspaceId,
      customer_id: a.customerId,
      computed_at: input.computedAt,
      revenue_30: a.revenue.days30,
      revenue_90: a.revenue.days90,
      revenue_365: a.revenue.days365,
      revenue_lifetime: a.revenue.lifetime,
      revenue_prior_365: a.revenuePrior365,
      profit_30: a.profit.days30,
      profit_90: a.profit.days90,
      profit_365: a.profit.days365,
      profit_lifetime: a.profit.lifetime,
      average_order: a.averageOrder,
      tier_value: value,
      expected_spend: round(prediction?.expectedSpend ?? null),
      clv: round(prediction?.clv ?? null),
      clv_profit: round(prediction?.clvProfit ?? null),
      purchases: a.purchases,
      average_gap_days: round(a.averageGapDays, 2),
      first_purchase_at: a.firstPurchaseAt === null ? null : new Date(a.firstPurchaseAt).toISOString(),
      last_purchase_at: a.lastPurchaseAt === null ? null : new Date(a.lastPurchaseAt).toISOString(),
      days_since_last: a.daysSinceLastPurchase,
      value_rank: rank?.rank ?? null,
      value_percentile: rank?.percentile ?? null,
      tier: rank?.tier ?? null,
      previous_tier: before.ranks.get(a.customerId)?.tier ?? null,
      rfm_r: score?.r ?? null,
      rfm_f: score?.f ?? null,
      rfm_m: score?.m ?? null,
      rfm_segment: score?.segment ?? null,
      p_alive: round(prediction?.pAlive ?? null, 6),
      expected_30: round(prediction?.expected30 ?? null, 6),
      expected_90: round(prediction?.expected90 ?? null, 6),
      expected_365: round(prediction?.expected365 ?? null, 6),
      margin: round(a.margin, 6),
      lapse_gap_days: lapse.gapDays,
      lapse_state: lapse.state,
      lapse_gap_source: lapse.gapSource,
    };
  });

  return { rows, summary: summarise(aggregates, rows, now, input, workspaceGap, clvTotal, expectedTotal) };
}

function summarise(
  aggregates: readonly CustomerAggregates[],
  rows: readonly MetricsRow[],
  now: { cuts: TierCut[]; order: { id: string; value: number }[] },
  input: { customers: number; months: Map<string, { revenue: number; profit: number | null; buyers: number }>; periodStart: string },
  workspaceGap: number | null,
  clvTotal: number | null,
  expectedTotal: number | null,
): ValueSummary {
  const revenue = { days30: 0, days90: 0, days365: 0, lifetime: 0 };
  for (const a of aggregates) for (const k of Object.keys(revenue) as (keyof typeof revenue)[]) revenue[k] += a.revenue[k];
  const total = now.order.reduce((s, e) => s + e.value, 0);
  const n = now.order.length;
  // The Pareto curve at (up to) 200 evenly spaced customer shares, plus the exact tier cuts.
  const points = [{ customerShare: 0, revenueShare: 0 }];
  let cumulative = 0;
  const step = Math.max(1, Math.floor(n / 200));
  now.order.forEach((e, i) => {
    cumulative += e.value;
    if ((i + 1) % step === 0 || i === n - 1) points.push({ customerShare: (i + 1) / n, revenueShare: total > 0 ? cumulative / total : 0 });
  });
  const cutAt = (count: number) => {
    if (count === 0 || n === 0) return null;
    const held = now.order.slice(0, count).reduce((s, e) => s + e.value, 0);
    return { customerShare: count / n, revenueShare: total > 0 ? held / total : 0 };
  };
  const gold = now.cuts.find((c) => c.tier === 'gold')!;
  const silver = now.cuts.find((c) => c.tier === 'silver')!;

  const segmentTotals = new Map<RfmSegment, { customers: number; revenueMinor: number }>();
  const grid = new Map<string, { r: number; fm: number; segment: RfmSegment; customers: number }>();
  let rfmRevenue = 0;
  for (const row of rows) {
    if (!row.rfm_segment) continue;
    const segment = row.rfm_segment as RfmSegment;
    const entry = segmentTotals.get(segment) ?? { customers: 0, revenueMinor: 0 };
    entry.customers++;
    entry.revenueMinor += row.revenue_lifetime;
    rfmRevenue += row.revenue_lifetime;
    segmentTotals.set(segment, entry);
    const fm = fmScore(row.rfm_f!, row.rfm_m!);
    const key = `${row.rfm_r}|${fm}`;
    const cell = grid.get(key) ?? { r: row.rfm_r!, fm, segment, customers: 0 };
    cell.customers++;
    grid.set(key, cell);
  }
  return {
    customers: input.customers,
    buyers: aggregates.filter((a) => a.purchases > 0).length,
    ranked: n,
    revenue,
    months: [...input.months.entries()].toSorted(([a], [b]) => (a < b ? -1 : 1)).map(([month, m]) => ({ month, revenueMinor: m.revenue, profitMinor: m.profit, buyers: m.buyers })),
    pareto: { points, gold: cutAt(gold.customers), silver: cutAt(gold.customers + silver.customers) },
    tiers: now.cuts.map((c) => ({ tier: c.tier, customers: c.customers, valueMinor: c.value, share: total > 0 ? c.value / total : 0, thresholdMinor: c.threshold })),
    rfm: {
      segments: RFM_SEGMENTS.map((segment) => {
        const t = segmentTotals.get(segment) ?? { customers: 0, revenueMinor: 0 };
        return { segment, ...t, share: rfmRevenue !== 0 ? t.revenueMinor / rfmRevenue : 0 };
      }),
      grid: [5, 4, 3, 2, 1].flatMap((r) => [1, 2, 3, 4, 5].map((fm) => grid.get(`${r}|${fm}`) ?? { r, fm, segment: rfmSegment(r, fm), customers: 0 })),
    },
    workspaceGapDays: workspaceGap,
    periodStart: input.periodStart,
    clvTotalMinor: clvTotal === null ? null : Math.round(clvTotal),
    expectedPurchases365: expectedTotal === null ? null : Math.round(expectedTotal * 100) / 100,
  };
}
