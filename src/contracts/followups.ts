import { z } from 'zod';
import { idSchema, isoTimestampSchema } from './common.ts';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'A date as YYYY-MM-DD');

export const FOLLOW_UP_KINDS = ['call', 'email', 'visit', 'other'] as const;
export const FOLLOW_UP_STATUSES = ['open', 'done', 'skipped'] as const;
/** The rules that raise follow-ups by themselves; null on one made by hand. */
export const FOLLOW_UP_RULES = ['first_purchase', 'expected_purchase', 'complaint_resolved', 'date_attribute'] as const;
export const followUpKindSchema = z.enum(FOLLOW_UP_KINDS);
export const followUpStatusSchema = z.enum(FOLLOW_UP_STATUSES);
export const followUpRuleSchema = z.enum(FOLLOW_UP_RULES);

export const followUpSchema = z.object({
  id: idSchema,
  customerId: idSchema,
  customerName: z.string(),
  dueOn: isoDate.describe('The day it is due, in the workspace time zone'),
  overdue: z.boolean().describe('Open and due before today'),
  kind: followUpKindSchema,
  assignee: z.object({ id: idSchema, name: z.string() }).nullable().describe('Null: the whole team'),
  note: z.string().nullable().describe('Plain text'),
  status: followUpStatusSchema,
  skipReason: z.string().nullable(),
  rule: followUpRuleSchema.nullable().describe('The rule that raised it; null when made by hand'),
  reason: z.string().describe('Why it exists, one sentence in the reader’s language'),
  activityId: idSchema.nullable().describe('The timeline item it follows up on'),
  doneAt: isoTimestampSchema.nullable(),
  doneBy: z.object({ id: idSchema, name: z.string() }).nullable(),
  snoozed: z.number().int(),
  createdAt: isoTimestampSchema,
});
export type FollowUp = z.infer<typeof followUpSchema>;
export const followUpListSchema = z.object({ items: z.array(followUpSchema) });

export const followUpInputSchema = z.object({
  dueOn: isoDate.describe('In the past is allowed: it is then overdue'),
  kind: followUpKindSchema.default('call'),
  assigneeId: idSchema.nullable().optional().describe('Default: the one creating it; null: the team'),
  note: z.string().trim().max(2000).nullable().optional(),
  activityId: idSchema.optional().describe('Follow up on this timeline item'),
});
export const followUpBulkInputSchema = followUpInputSchema.omit({ activityId: true }).extend({
  customerIds: z.array(idSchema).min(1).max(5000),
});
export const followUpBulkResultSchema = z.object({ created: z.number().int(), skipped: z.number().int().describe('Deleted or unknown customers') });
export const followUpUpdateSchema = z.object({
  dueOn: isoDate.optional(),
  kind: followUpKindSchema.optional(),
  assigneeId: idSchema.nullable().optional(),
  note: z.string().trim().max(2000).nullable().optional(),
});
export const followUpDoneSchema = z.object({ note: z.string().trim().max(4000).optional().describe('Written to the timeline as a note') });
export const followUpSkipSchema = z.object({ reason: z.string().trim().min(1).max(500) });
export const followUpSnoozeSchema = z.object({ days: z.union([z.literal(1), z.literal(7)]).describe('A day or a week from today (or from the due day when it is later)') });
export const followUpParamsSchema = z.object({ followUpId: idSchema });
export const customerFollowUpParamsSchema = z.object({ customerId: idSchema });
export const followUpQuerySchema = z.object({
  status: followUpStatusSchema.optional(),
  assignee: z.enum(['me', 'anyone']).default('anyone'),
  dueBefore: isoDate.optional().describe('Due on or before this day'),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

/** Each rule switchable, with its number of days; date attributes marked "remind me". */
export const followUpRulesSchema = z.object({
  lookbackDays: z.number().int().min(1).max(3650).describe('Occasions older than this raise nothing (an imported history does not flood the queue)'),
  rules: z.object({
    first_purchase: z.object({ enabled: z.boolean(), afterDays: z.number().int().min(0).max(365).describe('Due N days after a customer’s first purchase') }),
    expected_purchase: z.object({ enabled: z.boolean(), daysBefore: z.number().int().min(0).max(120).describe('Due N days before the next purchase their own rhythm expects') }),
    complaint_resolved: z.object({ enabled: z.boolean(), afterDays: z.number().int().min(0).max(365).describe('Due N days after a complaint is resolved') }),
  }),
  dateAttributes: z.array(z.object({
    attributeId: idSchema,
    daysBefore: z.number().int().min(0).max(120),
    yearly: z.boolean().describe('Every year on that day (an anniversary), else once (a renewal date)'),
  })).max(50).describe('Custom date attributes marked "remind me"'),
});
export type FollowUpRules = z.infer<typeof followUpRulesSchema>;
export const DEFAULT_FOLLOW_UP_RULES: FollowUpRules = {
  lookbackDays: 30,
  rules: {
    first_purchase: { enabled: true, afterDays: 14 },
    expected_purchase: { enabled: true, daysBefore: 3 },
    complaint_resolved: { enabled: true, afterDays: 7 },
  },
  dateAttributes: [],
};
