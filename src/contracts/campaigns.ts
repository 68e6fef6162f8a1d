import { z } from 'zod';
import { currencySchema, idSchema, isoTimestampSchema } from './common.ts';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'A date as YYYY-MM-DD');
const name = z.string().trim().min(1).max(120);
/** Letters, digits, dash and underscore, as shops print them; matched whatever the case. */
const code = z.string().trim().min(2).max(40).regex(/^[\p{L}\p{N}_-]+$/u, 'Letters, digits, - and _ only');

export const costLineSchema = z.object({
  id: idSchema,
  spentOn: isoDate,
  amountMinor: z.number().int().describe('Minor units of currency'),
  currency: z.string(),
  description: z.string().nullable(),
});
export const costLineInputSchema = z.object({
  spentOn: isoDate,
  amountMinor: z.number().int().min(0).max(1e13),
  currency: currencySchema.optional().describe('Defaults to the workspace currency; another one is refused (Rapport keeps no exchange rates)'),
  description: z.string().trim().max(200).nullable().optional(),
});

export const couponCodeSchema = z.object({
  id: idSchema,
  code: z.string(),
  batchId: z.string().nullable(),
  validFrom: isoDate.nullable(),
  validUntil: isoDate.nullable(),
  maxUses: z.number().int().nullable(),
  uses: z.number().int().describe('Purchases that carried the code'),
  flagged: z.number().int().describe('Of those, used past the limit or outside the dates'),
});
const codeWindow = {
  validFrom: isoDate.nullable().optional(),
  validUntil: isoDate.nullable().optional(),
  maxUses: z.number().int().min(1).max(1_000_000).nullable().optional(),
};
export const couponCodeInputSchema = z.object({ code, ...codeWindow });
export const codeBatchInputSchema = z.object({
  count: z.number().int().min(1).max(10_000).optional().describe('Generate this many unique codes'),
  prefix: z.string().trim().max(12).regex(/^[\p{L}\p{N}_-]*$/u).optional(),
  codes: z.array(code).max(10_000).optional().describe('Or take these codes (a list imported from elsewhere)'),
  ...codeWindow,
}).refine((b) => (b.count !== undefined) !== (b.codes !== undefined), { message: 'Give either count (to generate) or codes (a list)' });

export const campaignSchema = z.object({
  id: idSchema,
  name: z.string(),
  sourceId: z.string().nullable(),
  source: z.object({ channel: z.string(), name: z.string() }).nullable(),
  startsOn: isoDate.nullable(),
  endsOn: isoDate.nullable(),
  targetViewId: z.string().nullable().describe('A saved list the campaign targets'),
  targetSegmentId: z.string().nullable().describe('The segment it targets: a snapshot (with a holdout kept back) gives the response report'),
  responseDays: z.number().int().nullable().describe('Days after the campaign ends (or starts, without an end) that a purchase still counts as a response; 30 when empty'),
  notes: z.string().nullable(),
  costMinor: z.number().int().describe('Sum of its cost lines, in the workspace currency'),
  currency: z.string(),
  customers: z.number().int().describe('Customers it brought'),
  redemptions: z.number().int(),
  createdAt: isoTimestampSchema,
});
export type Campaign = z.infer<typeof campaignSchema>;
export const campaignDetailSchema = campaignSchema.extend({ costs: z.array(costLineSchema), codes: z.array(couponCodeSchema) });
export const campaignListSchema = z.object({ items: z.array(campaignSchema) });

export const campaignInputSchema = z.object({
  name,
  sourceId: idSchema.nullable().optional(),
  startsOn: isoDate.nullable().optional(),
  endsOn: isoDate.nullable().optional(),
  targetViewId: idSchema.nullable().optional(),
  targetSegmentId: idSchema.nullable().optional(),
  responseDays: z.number().int().min(0).max(365).nullable().optional(),
  notes: z.string().trim().max(2000).nullable().optional(),
  costs: z.array(costLineInputSchema).max(200).optional(),
  codes: z.array(couponCodeInputSchema).max(200).optional(),
});
export const campaignPatchSchema = campaignInputSchema.omit({ costs: true, codes: true }).partial();
export const campaignIdParamsSchema = z.object({ campaignId: idSchema });
export const costIdParamsSchema = z.object({ campaignId: idSchema, costId: idSchema });
export const codeIdParamsSchema = z.object({ campaignId: idSchema, codeId: idSchema });

export const redemptionSchema = z.object({
  transactionId: idSchema,
  code: z.string(),
  customerId: z.string().nullable(),
  customerName: z.string().nullable(),
  redeemedAt: isoTimestampSchema,
  amountMinor: z.number().int(),
  flag: z.enum(['over_limit', 'expired', 'not_yet_valid']).nullable(),
});
export const redemptionListSchema = z.object({ items: z.array(redemptionSchema) });
