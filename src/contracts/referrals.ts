import { z } from 'zod';
import { emailSchema, idSchema } from './common.ts';

const person = z.object({ id: idSchema, name: z.string() });

export type ReferralNode = { id: string; name: string; revenueMinor: number; bought: boolean; referred: ReferralNode[] };
export const referralNodeSchema: z.ZodType<ReferralNode> = z.lazy(() =>
  z.object({
    id: idSchema,
    name: z.string(),
    revenueMinor: z.number().int().describe('Lifetime revenue, workspace currency'),
    bought: z.boolean(),
    referred: z.array(referralNodeSchema),
  }),
);

export const referralsOfSchema = z.object({
  referredBy: person.nullable().describe('Who referred this customer; null when nobody (or unknown)'),
  referralCode: z.string().nullable().describe('The code this customer shares'),
  referred: z.array(referralNodeSchema).describe('Whom they referred, and whom those referred, to the depth asked'),
  referrals: z.number().int().describe('Direct referrals'),
  buyers: z.number().int().describe('Direct referrals who bought'),
  directRevenueMinor: z.number().int(),
  networkRevenueMinor: z.number().int().describe('Revenue of the whole referral subtree'),
  networkSize: z.number().int(),
  currency: z.string(),
});
export type ReferralsOf = z.infer<typeof referralsOfSchema>;

export const referralsQuerySchema = z.object({ depth: z.coerce.number().int().min(1).max(20).default(6) });

/**
 * Who referred a customer: an existing customer (referrerId), an outside introducer who is not a
 * customer yet (introducer: a contact is created for them), a referral code someone shares, or
 * nobody (all null).
 */
export const setReferrerSchema = z.object({
  referrerId: idSchema.nullable().optional(),
  referralCode: z.string().trim().min(2).max(40).optional(),
  introducer: z.object({
    name: z.string().trim().min(1).max(200),
    email: emailSchema.optional(),
    phone: z.string().trim().min(3).max(40).optional(),
  }).optional(),
}).refine((b) => [b.referrerId !== undefined, b.referralCode !== undefined, b.introducer !== undefined].filter(Boolean).length === 1, {
  message: 'Give one of referrerId (null for nobody), referralCode or introducer',
});
