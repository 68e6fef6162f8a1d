import { z } from 'zod';
import { idSchema } from './common.ts';

const money = z.number().int().describe('Minor units of the workspace currency');
const share = z.number().describe('A fraction, 0–1, rounded to 4 decimals');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'A date as YYYY-MM-DD');

export const concentrationQuerySchema = z.object({
  year: z.coerce.number().int().min(1900).max(9999).optional().describe('A calendar year (workspace time zone); the latest with revenue by default'),
  period: z.enum(['year', 'last365', 'all']).default('year').describe('last365: the 365 days to today; all: every purchase to today'),
  limit: z.coerce.number().int().min(1).max(1000).default(100).describe('Groups listed, largest first (the figures count them all)'),
});
export type ConcentrationQuery = Partial<z.output<typeof concentrationQuerySchema>>;

export const concentrationGroupSchema = z.object({
  groupId: z.string().describe('The ultimate parent organisation, or the customer themselves'),
  name: z.string(),
  kind: z.enum(['person', 'organisation']),
  revenue: money.describe('Net revenue of everyone in the group in the period'),
  share: share.describe("The group's share of the revenue of groups with positive revenue"),
  members: z.number().int().describe('Customers of the group with a transaction in the period'),
});
export type ConcentrationGroup = z.infer<typeof concentrationGroupSchema>;

const figures = {
  totalRevenue: money.describe('Net revenue of all customers in the period (base currency)'),
  sharedRevenue: money.describe('Revenue of the groups with positive net revenue: what shares are of'),
  groupCount: z.number().int().describe('Groups with positive net revenue'),
  top1Share: share.nullable().describe('The largest group’s share; null without revenue'),
  top5Share: share.nullable().describe('The five largest groups’ shares added up'),
  hhi: z.number().nullable().describe('Herfindahl–Hirschman index: the sum of squared shares in percent, 0–10,000 (1 decimal)'),
};

export const concentrationYearSchema = z.object({
  year: z.number().int(),
  ...figures,
  topGroup: z.object({ groupId: z.string(), name: z.string() }).nullable(),
});
export type ConcentrationYear = z.infer<typeof concentrationYearSchema>;

export const concentrationReportSchema = z.object({
  currency: z.string(),
  period: z.enum(['year', 'last365', 'all']),
  year: z.number().int().nullable().describe('The year shown (period "year")'),
  from: isoDate.nullable().describe('First day counted; null: from the first purchase'),
  to: isoDate.describe('Last day counted (today at the latest)'),
  ...figures,
  warningShare: z.number().describe('The workspace threshold for the top group’s share'),
  warning: z.boolean().describe('The top group holds more than the threshold'),
  groups: z.array(concentrationGroupSchema).describe('Largest first'),
  years: z.array(concentrationYearSchema).describe('Every calendar year with revenue, oldest first'),
});
export type ConcentrationReport = z.infer<typeof concentrationReportSchema>;

export const concentrationCustomerParamsSchema = z.object({ customerId: idSchema });
export const concentrationCustomerSchema = z.object({
  customerId: z.string(),
  groupId: z.string(),
  groupName: z.string(),
  isGroup: z.boolean().describe('The customer is the top of the group (its ultimate parent)'),
  year: z.number().int().nullable().describe('The year looked at: the latest with revenue'),
  share: share.nullable().describe('The group’s share of that year’s revenue; null: no positive revenue'),
  warningShare: z.number(),
  warning: z.boolean(),
});
export type ConcentrationCustomer = z.infer<typeof concentrationCustomerSchema>;

export const concentrationSettingsSchema = z.object({
  concentrationWarningShare: z.number().min(0).max(1).describe('Warn when one group holds more than this share of the year’s revenue (0–1; 0.25 by default)'),
});
export type ConcentrationSettings = z.infer<typeof concentrationSettingsSchema>;
