import { okSchema } from '@contracts/common.ts';
import {
  campaignDetailSchema,
  campaignListSchema,
  redemptionListSchema,
  type campaignInputSchema,
  type campaignPatchSchema,
  type codeBatchInputSchema,
  type costLineInputSchema,
  type couponCodeInputSchema,
} from '@contracts/campaigns.ts';
import { z } from 'zod';
import { request } from './apiClient.ts';

export type CampaignInput = z.input<typeof campaignInputSchema>;
export type CampaignPatch = z.input<typeof campaignPatchSchema>;
export type CostLineInput = z.input<typeof costLineInputSchema>;
export type CouponCodeInput = z.input<typeof couponCodeInputSchema>;
export type CodeBatchInput = z.input<typeof codeBatchInputSchema>;
export type CampaignDetail = z.output<typeof campaignDetailSchema>;
export type CouponCode = CampaignDetail['codes'][number];
export type CostLine = CampaignDetail['costs'][number];
export type Redemption = z.output<typeof redemptionListSchema>['items'][number];

/** What adding codes did: the codes added, and purchases that already carried them, linked now. */
const codeOutcomeSchema = z.object({
  added: z.array(z.string()),
  linked: z.object({
    redeemed: z.number().int(),
    overLimit: z.number().int(),
    expired: z.number().int(),
    notYetValid: z.number().int(),
    byCampaignName: z.number().int(),
    referred: z.number().int(),
    unknown: z.array(z.object({ code: z.string(), purchases: z.number().int() })),
  }),
});
export type CodeOutcome = z.output<typeof codeOutcomeSchema>;

const id = (value: string) => encodeURIComponent(value);

/** Campaigns with their cost lines, coupon codes and redemptions. */
export const campaignsApi = {
  list: (signal?: AbortSignal) => request('GET', '/campaigns', { signal, schema: campaignListSchema }).then((list) => list.items),
  get: (campaignId: string, signal?: AbortSignal) => request('GET', `/campaigns/${id(campaignId)}`, { signal, schema: campaignDetailSchema }),
  create: (body: CampaignInput) => request('POST', '/campaigns', { body, schema: campaignDetailSchema }),
  update: (campaignId: string, body: CampaignPatch) => request('PATCH', `/campaigns/${id(campaignId)}`, { body, schema: campaignDetailSchema }),
  remove: (campaignId: string) => request('DELETE', `/campaigns/${id(campaignId)}`, { schema: okSchema }),
  addCost: (campaignId: string, body: CostLineInput) => request('POST', `/campaigns/${id(campaignId)}/costs`, { body, schema: campaignDetailSchema }),
  removeCost: (campaignId: string, costId: string) => request('DELETE', `/campaigns/${id(campaignId)}/costs/${id(costId)}`, { schema: campaignDetailSchema }),
  addCode: (campaignId: string, body: CouponCodeInput) => request('POST', `/campaigns/${id(campaignId)}/codes`, { body, schema: codeOutcomeSchema }),
  /** Generated ({ count, prefix }) or a list ({ codes }). */
  addCodeBatch: (campaignId: string, body: CodeBatchInput) => request('POST', `/campaigns/${id(campaignId)}/code-batches`, { body, schema: codeOutcomeSchema }),
  removeCode: (campaignId: string, codeId: string) => request('DELETE', `/campaigns/${id(campaignId)}/codes/${id(codeId)}`, { schema: okSchema }),
  redemptions: (campaignId: string, signal?: AbortSignal) =>
    request('GET', `/campaigns/${id(campaignId)}/redemptions`, { signal, schema: redemptionListSchema }).then((list) => list.items),
};
