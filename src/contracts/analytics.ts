import { z } from 'zod';
import { idSchema, isoTimestampSchema } from './common.ts';

/**
 * Customer value: the per-customer metrics, the workspace's value dashboard, RFM, the fitted
 * models and the settings behind them. Money is integer minor units of the workspace's base
 * currency (purchases in other currencies are not counted: Rapport keeps no exchange rates).
 * Definitions: docs/analytics.md.
 */
export const TIERS = ['gold', 'silver', 'other'] as const;
export const tierSchema = z.enum(TIERS);
export type Tier = z.infer<typeof tierSchema>;

export const RFM_SEGMENTS = ['champions', 'loyal', 'potential_loyalist', 'new', 'promising', 'need_attention', 'about_to_sleep', 'at_risk', 'cant_lose', 'hibernating', 'lost'] as const;
export const rfmSegmentSchema = z.enum(RFM_SEGMENTS);
export type RfmSegment = z.infer<typeof rfmSegmentSchema>;

export const LAPSE_STATES = ['active', 'due', 'at_risk', 'lapsed'] as const;
export const lapseStateSchema = z.enum(LAPSE_STATES);
export type LapseState = z.infer<typeof lapseStateSchema>;

export const VALUE_WINDOWS = ['days30', 'days90', 'days365', 'lifetime'] as const;
export const valueWindowSchema = z.enum(VALUE_WINDOWS);
export type ValueWindow = z.infer<typeof valueWindowSchema>;

export const analyticsSettingsSchema = z.object({
  tierMetric: z.enum(['revenue', 'profit']).describe('What ranks customers for the gold tier'),
  tierWindow: valueWindowSchema.describe('Over which window the tier metric is summed'),
  goldShare: z.number().min(0.01).max(0.5).describe('Share of ranked customers who are gold (0.1 = top 10%)'),
  silverShare: z.number().min(0).max(0.5).describe('Share of ranked customers after gold who are silver'),
  discountRateMonthly: z.number().min(0).max(0.2).describe('Monthly discount rate of predicted value (0.01 = 1% a month)'),
  horizonMonths: z.number().int().min(1).max(60).describe('Months of predicted value (CLV)'),
  dueAfterGaps: z.number().min(0.5).max(10).describe('Due once days since the last purchase exceed this many typical gaps'),
  atRiskAfterGaps: z.number().min(0.5).max(20).describe('At risk after this many gaps'),
  lapsedAfterGaps: z.number().min(0.5).max(50).describe('Lapsed after this many gaps'),
  atRiskBelowPAlive: z.number().min(0).max(1).describe('At risk (at least) when P(alive) is below this'),
  lapsedBelowPAlive: z.number().min(0).max(1).describe('Lapsed when P(alive) is below this'),
  defaultGapDays: z.number().int().min(1).max(3650).describe('The typical gap when no customer has bought twice yet'),
});
export type AnalyticsSettings = z.infer<typeof analyticsSettingsSchema>;
export const updateAnalyticsSettingsSchema = analyticsSettingsSchema
  .partial()
  .refine((s) => s.goldShare === undefined || s.silverShare === undefined || s.goldShare + s.silverShare <= 0.8, { message: 'Gold and silver together cannot exceed 80%', path: ['silverShare'], params: { code: 'tier_shares_too_large' } });

export const DEFAULT_ANALYTICS_SETTINGS: AnalyticsSettings = {
  tierMetric: 'revenue',
  tierWindow: 'days365',
  goldShare: 0.1,
  silverShare: 0.1,
  discountRateMonthly: 0.01,
  horizonMonths: 12,
  dueAfterGaps: 1.5,
  atRiskAfterGaps: 2.5,
  lapsedAfterGaps: 4,
  atRiskBelowPAlive: 0.3,
  lapsedBelowPAlive: 0.1,
  defaultGapDays: 30,
};

const money = z.number().int();
const windowsSchema = z.object({ days30: money, days90: money, days365: money, lifetime: money });
const profitWindowsSchema = z.object({ days30: money.nullable(), days90: money.nullable(), days365: money.nullable(), lifetime: money.nullable() });

/** Why there is no prediction, as a code the UI translates. */
export const PREDICTION_REASONS = ['not_computed', 'too_few_customers', 'too_few_repeat_customers', 'not_converged', 'no_purchases'] as const;
export const predictionReasonSchema = z.enum(PREDICTION_REASONS);

export const customerValueSchema = z.object({
  customerId: idSchema,
  computedAt: isoTimestampSchema.nullable().describe('Null: not computed yet'),
  currency: z.string(),
  revenue: windowsSchema.describe('Net revenue (refunds subtract) over the trailing 30, 90, 365 days and lifetime'),
  profit: profitWindowsSchema.describe('Revenue minus cost over purchases whose cost is known; null when none is'),
  purchases: z.number().int().describe('Sales, lifetime'),
  averageOrderMinor: money.nullable(),
  averageGapDays: z.number().nullable().describe('Mean days between purchase days; null below two'),
  firstPurchaseAt: isoTimestampSchema.nullable(),
  lastPurchaseAt: isoTimestampSchema.nullable(),
  daysSinceLastPurchase: z.number().int().nullable(),
  rank: z.number().int().nullable().describe('1 = most valuable, by the tier metric and window'),
  rankedCustomers: z.number().int(),
  percentile: z.number().nullable().describe('100 for the top customer; share of ranked customers ranked at or below'),
  tier: tierSchema.nullable().describe('Null: nothing bought in the tier window'),
  previousTier: tierSchema.nullable().describe('The tier at the end of the previous period'),
  rfm: z.object({ r: z.number().int(), f: z.number().int(), m: z.number().int(), segment: rfmSegmentSchema }).nullable(),
  prediction: z.object({
    available: z.boolean(),
    reason: predictionReasonSchema.nullable(),
    pAlive: z.number().nullable(),
    expected30: z.number().nullable(),
    expected90: z.number().nullable(),
    expected365: z.number().nullable(),
    expectedSpendMinor: money.nullable(),
    clvMinor: money.nullable().describe('Predicted value over the horizon, discounted'),
    clvProfitMinor: money.nullable().describe('The same, times the customer’s known margin'),
  }),
  lapse: z.object({
    state: lapseStateSchema.nullable(),
    gapDays: z.number().nullable().describe('The typical gap the state was judged against'),
    gapSource: z.enum(['own', 'workspace', 'default']).nullable(),
  }),
});
export type CustomerValue = z.infer<typeof customerValueSchema>;

export const recomputeStatusSchema = z.object({
  state: z.enum(['idle', 'pending', 'running', 'failed']),
  computedAt: isoTimestampSchema.nullable(),
  staleSince: isoTimestampSchema.nullable().describe('Purchases or settings changed after the last computation'),
  startedAt: isoTimestampSchema.nullable(),
  progress: z.number().min(0).max(1).nullable(),
  error: z.string().nullable(),
});
export type RecomputeStatus = z.infer<typeof recomputeStatusSchema>;

const goldEntrySchema = z.object({
  id: idSchema,
  displayName: z.string(),
  valueMinor: money.describe('The tier metric over the tier window'),
  trend: z.number().nullable().describe('Revenue of the last 365 days ÷ the 365 before, minus 1; null without earlier revenue'),
  lastPurchaseAt: isoTimestampSchema.nullable(),
  pAlive: z.number().nullable(),
  clvMinor: money.nullable(),
  rank: z.number().int(),
  tier: tierSchema.nullable(),
});

export const valueDashboardSchema = z.object({
  status: recomputeStatusSchema,
  currency: z.string(),
  settings: analyticsSettingsSchema,
  totals: z.object({
    customers: z.number().int().describe('Customers (not deleted)'),
    buyers: z.number().int().describe('Customers with at least one purchase'),
    ranked: z.number().int().describe('Customers with a positive tier metric'),
    revenue: windowsSchema,
  }),
  months: z.array(z.object({ month: z.string().describe('YYYY-MM in the workspace time zone'), revenueMinor: money, profitMinor: money.nullable(), buyers: z.number().int() })),
  pareto: z.object({
    points: z.array(z.object({ customerShare: z.number(), revenueShare: z.number() })).describe('Cumulative share of the tier metric held by the top share of ranked customers'),
    gold: z.object({ customerShare: z.number(), revenueShare: z.number() }).nullable(),
    silver: z.object({ customerShare: z.number(), revenueShare: z.number() }).nullable(),
  }),
  tiers: z.array(z.object({ tier: tierSchema, customers: z.number().int(), valueMinor: money, share: z.number(), thresholdMinor: money.nullable().describe('The smallest value in the tier') })),
  gold: z.array(goldEntrySchema).describe('Gold customers by rank (at most 100)'),
  period: z.object({ start: z.string().describe('YYYY-MM-DD: tiers are compared with the tiers at this date'), entered: z.array(goldEntrySchema), left: z.array(goldEntrySchema) }),
  prediction: z.object({ available: z.boolean(), reason: predictionReasonSchema.nullable(), clvTotalMinor: money.nullable(), expectedPurchases365: z.number().nullable() }),
});
export type ValueDashboard = z.infer<typeof valueDashboardSchema>;

export const rfmReportSchema = z.object({
  status: recomputeStatusSchema,
  currency: z.string(),
  segments: z.array(z.object({ segment: rfmSegmentSchema, customers: z.number().int(), revenueMinor: money, share: z.number().describe('Share of lifetime revenue') })),
  grid: z.array(z.object({ r: z.number().int(), fm: z.number().int(), segment: rfmSegmentSchema, customers: z.number().int() })).describe('Recency score × the rounded mean of frequency and monetary scores'),
});
export type RfmReport = z.infer<typeof rfmReportSchema>;

const bgNbdSchema = z.object({ r: z.number(), alpha: z.number(), a: z.number(), b: z.number() });
const gammaGammaSchema = z.object({ p: z.number(), q: z.number(), gamma: z.number() });
const fitSummarySchema = z.object({ logLikelihood: z.number(), converged: z.boolean(), iterations: z.number().int(), customers: z.number().int() });

export const modelReportSchema = z.object({
  status: recomputeStatusSchema,
  available: z.boolean(),
  reason: predictionReasonSchema.nullable(),
  fittedAt: isoTimestampSchema.nullable(),
  unit: z.literal('week'),
  currency: z.string().describe('Gamma-Gamma spend (gamma) is in units of this currency, as `rapport model fit` prints it'),
  observationEnd: z.string().nullable().describe('YYYY-MM-DD: purchases up to this day were used'),
  customers: z.number().int(),
  repeatCustomers: z.number().int(),
  minimums: z.object({ customers: z.number().int(), repeatCustomers: z.number().int() }),
  bgnbd: bgNbdSchema.extend(fitSummarySchema.shape).nullable(),
  gammaGamma: gammaGammaSchema.extend(fitSummarySchema.shape).nullable(),
  tracking: z
    .object({
      calibrationEnd: z.string(),
      holdoutEnd: z.string(),
      weeks: z.array(z.object({ weekStart: z.string(), actual: z.number(), expected: z.number() })).describe('Repeat purchases per week, actual vs expected by a model fitted up to calibrationEnd'),
      holdout: z.object({ customers: z.number().int(), actual: z.number(), predicted: z.number(), meanAbsoluteError: z.number() }),
    })
    .nullable()
    .describe('Null when the history is too short to hold a part out'),
});
export type ModelReport = z.infer<typeof modelReportSchema>;

export const recomputeRequestSchema = z.object({ refit: z.boolean().default(false).describe('Fit the models again even if little has changed') });
