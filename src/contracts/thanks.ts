import { z } from 'zod';
import { currencySchema, idSchema, isoTimestampSchema } from './common.ts';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'A date as YYYY-MM-DD');

export const THANK_YOU_KINDS = ['note', 'call', 'email', 'gift', 'coupon', 'discount', 'gift_certificate', 'tickets', 'other'] as const;
export const THANK_OCCASIONS = ['purchase', 'first_purchase', 'referral', 'anniversary', 'gold', 'review', 'birthday', 'other'] as const;
export const THANK_RULES = ['referral_bought', 'first_purchase', 'entered_gold', 'big_purchase', 'anniversary', 'birthday'] as const;
export const thankYouKindSchema = z.enum(THANK_YOU_KINDS);
export const thankOccasionSchema = z.enum(THANK_OCCASIONS).describe('What earned it');
export const thankRuleSchema = z.enum(THANK_RULES);
export type ThankRuleName = z.infer<typeof thankRuleSchema>;

/** Which occasion each rule's thank-you is for, when it is logged from the owed item. */
export const RULE_OCCASION: Record<ThankRuleName, z.infer<typeof thankOccasionSchema>> = {
  referral_bought: 'referral', first_purchase: 'first_purchase', entered_gold: 'gold', big_purchase: 'purchase', anniversary: 'anniversary', birthday: 'birthday',
};

export const thankYouSchema = z.object({
  id: idSchema,
  customerId: idSchema,
  customerName: z.string(),
  kind: thankYouKindSchema,
  occasion: thankOccasionSchema,
  givenOn: isoDate,
  costMinor: z.number().int().nullable(),
  currency: z.string().nullable(),
  note: z.string().nullable().describe('Plain text'),
  recordedBy: z.object({ id: idSchema, name: z.string() }).nullable(),
  emailMessageId: idSchema.nullable(),
  createdAt: isoTimestampSchema,
});
export type ThankYou = z.infer<typeof thankYouSchema>;
export const thankYouListSchema = z.object({ items: z.array(thankYouSchema) });
export const thankYouInputSchema = z.object({
  kind: thankYouKindSchema,
  occasion: thankOccasionSchema,
  givenOn: isoDate.optional().describe('Default: today in the workspace time zone'),
  costMinor: z.number().int().min(0).max(1e13).nullable().optional(),
  currency: currencySchema.optional().describe('Default: the base currency'),
  note: z.string().trim().max(2000).nullable().optional(),
  owedId: idSchema.optional().describe('The owed thank-you this settles (marked done)'),
});
export const thankYouParamsSchema = z.object({ customerId: idSchema, thankYouId: idSchema });

/** Each rule is switchable; the tunable ones carry their number. */
export const thankRulesSchema = z.object({
  lookbackDays: z.number().int().min(1).max(3650).describe('Only occasions in the last N days become owed (so an imported history does not flood the list)'),
  rules: z.object({
    referral_bought: z.object({ enabled: z.boolean() }),
    first_purchase: z.object({ enabled: z.boolean() }),
    entered_gold: z.object({ enabled: z.boolean() }),
    big_purchase: z.object({ enabled: z.boolean(), amountMinor: z.number().int().min(1).max(1e13).describe('In minor units of the base currency') }),
    anniversary: z.object({ enabled: z.boolean(), everyYears: z.number().int().min(1).max(50).describe('Thank at every N whole years since the first purchase') }),
    birthday: z.object({ enabled: z.boolean(), daysAhead: z.number().int().min(0).max(60).describe('Owed this many days before the birthday') }),
  }),
});
export type ThankRules = z.infer<typeof thankRulesSchema>;
export const DEFAULT_THANK_RULES: ThankRules = {
  lookbackDays: 30,
  rules: {
    referral_bought: { enabled: true },
    first_purchase: { enabled: true },
    entered_gold: { enabled: true },
    big_purchase: { enabled: true, amountMinor: 50_000 },
    anniversary: { enabled: true, everyYears: 1 },
    birthday: { enabled: false, daysAhead: 7 },
  },
};

export const OWED_STATUSES = ['owed', 'done', 'dismissed'] as const;
export const owedThanksSchema = z.object({
  id: idSchema,
  customerId: idSchema,
  customerName: z.string(),
  tier: z.enum(['gold', 'silver', 'other']).nullable(),
  rule: thankRuleSchema,
  occurredOn: isoDate.describe('When the occasion happened (the purchase day, the anniversary, the birthday…)'),
  detail: z.object({
    referralId: idSchema.optional(),
    referralName: z.string().optional(),
    transactionId: idSchema.optional(),
    amountMinor: z.number().int().optional(),
    currency: z.string().optional(),
    years: z.number().int().optional(),
  }),
  status: z.enum(OWED_STATUSES),
  dismissReason: z.string().nullable(),
  thankYouId: idSchema.nullable(),
  resolvedAt: isoTimestampSchema.nullable(),
  createdAt: isoTimestampSchema,
});
export type OwedThanks = z.infer<typeof owedThanksSchema>;
export const owedListSchema = z.object({ items: z.array(owedThanksSchema) });
export const owedQuerySchema = z.object({
  status: z.enum(OWED_STATUSES).default('owed'),
  customerId: idSchema.optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});
export const owedParamsSchema = z.object({ owedId: idSchema });
export const dismissOwedSchema = z.object({ reason: z.string().trim().min(1, 'Say why it is dismissed').max(500) });

export const thanksReportQuerySchema = z.object({
  from: isoDate.optional(),
  to: isoDate.optional(),
  format: z.enum(['json', 'csv', 'xlsx']).default('json'),
});
export const thanksReportSchema = z.object({
  currency: z.string(),
  from: isoDate.nullable(),
  to: isoDate.nullable(),
  months: z.array(z.object({
    month: z.string().describe('YYYY-MM'),
    kinds: z.array(z.object({ kind: thankYouKindSchema, count: z.number().int(), costMinor: z.number().int() })),
    count: z.number().int(),
    costMinor: z.number().int(),
  })),
  kinds: z.array(z.object({ kind: thankYouKindSchema, count: z.number().int(), costMinor: z.number().int() })),
  thankedVsNot: z.array(z.object({
    group: z.enum(['thanked', 'not_thanked']),
    customers: z.number().int().describe('Customers who have bought'),
    averageRevenue365Minor: z.number().nullable(),
    averageLifetimeMinor: z.number().nullable(),
    averageClvMinor: z.number().nullable(),
  })).describe('Customers thanked in the period vs the rest: an association, not a cause'),
});
export type ThanksReport = z.infer<typeof thanksReportSchema>;
