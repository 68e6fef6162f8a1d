import { z } from 'zod';
import { idSchema, isoTimestampSchema } from './common.ts';

export const WINBACK_ACTIONS = ['call', 'ask_why', 'coupon'] as const;
export const winbackActionSchema = z.enum(WINBACK_ACTIONS);

/** A gold or silver customer who is at risk or lapsed, with what is at stake. */
export const winbackEntrySchema = z.object({
  customerId: idSchema,
  name: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  consent: z.boolean().describe('Marketing consent given'),
  tier: z.enum(['gold', 'silver']),
  lapseState: z.enum(['at_risk', 'lapsed']),
  usualGapDays: z.number().nullable().describe('Their usual rhythm: the gap the lapse state measures against'),
  gapSource: z.enum(['own', 'workspace', 'default']).nullable(),
  lastPurchaseAt: isoTimestampSchema.nullable(),
  daysSinceLast: z.number().int().nullable(),
  pAlive: z.number().nullable(),
  valueAtStakeMinor: z.number().int().describe('Predicted CLV when the model is fitted, else the trailing-365-day revenue before the lapse (revenue over the 365 days before the last purchase, at least the tier value)'),
  valueBasis: z.enum(['clv', 'revenue']),
  lastAction: z.object({ action: winbackActionSchema, at: isoTimestampSchema, by: z.string().nullable() }).nullable(),
});
export type WinbackEntry = z.infer<typeof winbackEntrySchema>;
export const winbackListSchema = z.object({ currency: z.string(), items: z.array(winbackEntrySchema), valueAtStakeMinor: z.number().int() });
export const winbackQuerySchema = z.object({
  tier: z.enum(['gold', 'silver']).optional(),
  state: z.enum(['at_risk', 'lapsed']).optional(),
  includeContacted: z.stringbool().default(true).describe('false hides those with an action in the last 14 days'),
});
export const winbackActionInputSchema = z.object({
  action: winbackActionSchema,
  note: z.string().trim().max(2000).optional().describe('For a call: what was said'),
  campaignId: idSchema.optional().describe('For a coupon: the campaign the single-use code belongs to (default: the "Win-back" campaign, created when missing)'),
});
export const winbackActionResultSchema = z.object({
  action: winbackActionSchema,
  activityId: idSchema.nullable(),
  messageId: idSchema.nullable(),
  couponCode: z.string().nullable(),
  at: isoTimestampSchema,
});
