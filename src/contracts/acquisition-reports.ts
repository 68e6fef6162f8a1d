import { z } from 'zod';

const money = z.number().int().describe('Minor units of the workspace currency');
const maybeMoney = money.nullable();
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'A date as YYYY-MM-DD');

export const sourcesReportQuerySchema = z.object({
  from: isoDate.optional().describe('First acquisition day (inclusive)'),
  to: isoDate.optional().describe('Last acquisition day (inclusive)'),
});

export const sourceRowSchema = z.object({
  level: z.enum(['total', 'channel', 'source', 'campaign']),
  channel: z.string().nullable().describe('null: customers whose source is unknown'),
  source: z.string().nullable(),
  sourceId: z.string().nullable(),
  campaign: z.string().nullable(),
  campaignId: z.string().nullable(),
  customers: z.number().int().describe('Customers acquired in the period'),
  buyers: z.number().int().describe('Of those, who bought'),
  revenue90: money.describe('Net revenue in their first 90 days'),
  revenue365: money,
  revenue: money.describe('Net revenue to date'),
  profit90: maybeMoney.describe('Revenue less cost of goods, where known; null when no cost is known'),
  profit365: maybeMoney,
  profit: maybeMoney,
  predicted12m: maybeMoney.describe('Predicted value over the next 12 months (customer value module); null without a model'),
  cost: money.describe('Campaign cost lines dated in the period'),
  costPerCustomer: maybeMoney,
  costPerBuyer: maybeMoney,
  roi: z.number().nullable().describe('(profit − cost) / cost, or revenue when no profit is known (roiBasis); null without cost'),
  roiBasis: z.enum(['profit', 'revenue']),
  paybackMonth: z.number().int().nullable().describe('First 30-day month after acquisition by whose end the cost was earned back; null: not (yet) or no cost'),
  valuePerCustomer: maybeMoney.describe('Revenue to date per customer acquired'),
});
export type SourceReportRow = z.infer<typeof sourceRowSchema>;

export const sourcesReportSchema = z.object({
  currency: z.string(),
  from: isoDate.nullable(),
  to: isoDate.nullable(),
  rows: z.array(sourceRowSchema),
  trend: z.array(z.object({ month: z.string(), customers: z.number().int(), buyers: z.number().int(), revenue90: money, revenue: money, cost: money })),
  best: z.object({
    channel: z.string(), source: z.string(), sourceId: z.string(), customers: z.number().int(),
    valuePerCustomer: money, averagePerCustomer: money, times: z.number(),
  }).nullable().describe('The source whose customers are worth the most each to date (at least 3 customers)'),
  headline: z.string().nullable().describe('That, in a sentence'),
});
export type SourcesReport = z.infer<typeof sourcesReportSchema>;

export const referralsReportQuerySchema = z.object({
  from: isoDate.optional().describe('For the share of new customers: first acquisition day'),
  to: isoDate.optional(),
});
export const referrerRowSchema = z.object({
  referrerId: z.string(),
  referrer: z.string(),
  isCustomer: z.boolean().describe('false: an introducer who has not bought'),
  referrals: z.number().int().describe('Customers they referred'),
  buyers: z.number().int().describe('Of those, who bought'),
  directRevenue: money,
  networkRevenue: money.describe('Revenue of everyone below them in the referral tree'),
  networkSize: z.number().int(),
  depth: z.number().int().describe('Levels of their referral tree'),
  thanksOwed: z.number().int().describe('Referrals who bought: what the thank-you rules count'),
});
export type ReferrerRow = z.infer<typeof referrerRowSchema>;
export const referralsReportSchema = z.object({
  currency: z.string(),
  rows: z.array(referrerRowSchema).describe('The leaderboard: by network revenue, then direct revenue'),
  newCustomers: z.number().int().describe('Customers acquired in the period'),
  referredNewCustomers: z.number().int().describe('Of those, who came by referral'),
  referralShare: z.number().nullable(),
  from: isoDate.nullable(),
  to: isoDate.nullable(),
});
export type ReferralsReport = z.infer<typeof referralsReportSchema>;
