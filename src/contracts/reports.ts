import { z } from 'zod';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'A date as YYYY-MM-DD');

export const PERIODS = ['month', 'quarter', 'year'] as const;
export const periodSchema = z.enum(PERIODS);
export type PeriodUnit = z.infer<typeof periodSchema>;

export const MEASURES = ['revenue', 'profit', 'activeCustomers', 'orders', 'averageOrder', 'frequency'] as const;
export const measureSchema = z.enum(MEASURES);
export type Measure = z.infer<typeof measureSchema>;

export const dimensionSchema = z
  .string()
  .trim()
  .min(1)
  .max(300)
  .describe('segment (every saved segment), segment:<id>[,<id>…], tier, rfm, lapse, source, channel, campaign, kind, country, city, attribute:<key> (or the key alone), none');

export const profitReportQuerySchema = z.object({
  by: dimensionSchema.default('tier'),
  period: periodSchema.default('month'),
  from: isoDate.optional().describe('First day; by default the start of the period 11 months (quarters: 7, years: 4) before today’s'),
  to: isoDate.optional().describe('Last day; today by default'),
  filter: z.string().max(4000).optional().describe('Only customers matching this filter (docs/filters.md)'),
  lang: z.enum(['en', 'ru']).optional(),
});

const figures = {
  revenue: z.number().int().describe('Net revenue (sales less refunds), minor units'),
  profit: z.number().int().nullable().describe('Revenue less cost over transactions whose cost is known; empty when none is'),
  profitCoverage: z.number().describe('Share of the sales amount whose cost is known (0–1)'),
  activeCustomers: z.number().int().describe('Customers with at least one sale'),
  orders: z.number().int().describe('Sales'),
  averageOrder: z.number().int().nullable().describe('Sales amount ÷ sales, minor units'),
  frequency: z.number().nullable().describe('Sales ÷ active customers'),
};
export const reportCellSchema = z.object({
  period: z.string(),
  ...figures,
  change: z
    .object({ revenue: z.number().nullable(), profit: z.number().nullable(), activeCustomers: z.number().nullable(), averageOrder: z.number().nullable(), frequency: z.number().nullable() })
    .describe('Relative change against the previous period (0.1 = +10%); empty when the previous one was 0 or empty'),
});
export type ReportCell = z.infer<typeof reportCellSchema>;
export const reportRowSchema = z.object({ key: z.string(), label: z.string(), cells: z.array(reportCellSchema), total: z.object(figures) });
export type ReportRow = z.infer<typeof reportRowSchema>;

export const reportPeriodSchema = z.object({ key: z.string(), from: isoDate, to: isoDate });
export const profitReportSchema = z.object({
  currency: z.string(),
  by: z.string(),
  byLabel: z.string(),
  period: periodSchema,
  from: isoDate,
  to: isoDate,
  filter: z.string().nullable(),
  periods: z.array(reportPeriodSchema),
  rows: z.array(reportRowSchema),
  total: reportRowSchema.describe('Every customer (of the filter), once: groups may overlap (segments, several choices)'),
});
export type ProfitReport = z.infer<typeof profitReportSchema>;

export const pivotQuerySchema = z.object({
  rows: dimensionSchema,
  columns: z.string().trim().min(1).max(300).default('quarter').describe('month, quarter, year, or a dimension'),
  value: measureSchema.default('revenue'),
  from: isoDate.optional(),
  to: isoDate.optional(),
  filter: z.string().max(4000).optional(),
  lang: z.enum(['en', 'ru']).optional(),
});
export const pivotSchema = z.object({
  currency: z.string(),
  value: measureSchema,
  from: isoDate,
  to: isoDate,
  rows: z.array(z.object({ key: z.string(), label: z.string() })),
  columns: z.array(z.object({ key: z.string(), label: z.string() })),
  cells: z.array(z.array(z.number().nullable())).describe('cells[row][column]'),
  rowTotals: z.array(z.number().nullable()),
  columnTotals: z.array(z.number().nullable()),
  total: z.number().nullable(),
});
export type Pivot = z.infer<typeof pivotSchema>;

export const campaignResponseQuerySchema = z.object({
  by: dimensionSchema.default('none'),
  lang: z.enum(['en', 'ru']).optional(),
});
const rate = {
  targeted: z.number().int(),
  responded: z.number().int(),
  rate: z.number().nullable().describe('responded ÷ targeted'),
  low: z.number().nullable().describe('95% Wilson interval, lower bound'),
  high: z.number().nullable().describe('95% Wilson interval, upper bound'),
  revenue: z.number().int().describe("Responders' net revenue inside the window, minor units"),
};
export const campaignResponseSchema = z.object({
  campaignId: z.string(),
  campaign: z.string(),
  currency: z.string(),
  segment: z.object({ id: z.string(), name: z.string(), kind: z.enum(['dynamic', 'snapshot']), frozenAt: z.string().nullable() }).nullable(),
  window: z.object({ from: isoDate, to: isoDate }).nullable(),
  by: z.string(),
  rows: z.array(z.object({ key: z.string(), label: z.string(), ...rate, holdout: z.object(rate).nullable() })),
  total: z.object({ ...rate }),
  holdout: z.object(rate).nullable().describe('Members kept back: the same response measured on them'),
  lift: z
    .object({ difference: z.number(), low: z.number(), high: z.number() })
    .nullable()
    .describe('Response rate of the targeted minus the holdout’s, with a 95% interval (Newcombe’s method from the two Wilson intervals)'),
  problem: z.enum(['no_target', 'not_snapshot', 'no_dates']).nullable(),
});
export type CampaignResponse = z.infer<typeof campaignResponseSchema>;
