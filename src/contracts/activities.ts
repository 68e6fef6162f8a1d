import { z } from 'zod';
import { idSchema, isoTimestampSchema } from './common.ts';

export const ACTIVITY_KINDS = ['note', 'call', 'email', 'meeting', 'complaint', 'other'] as const;
export const activityKindSchema = z.enum(ACTIVITY_KINDS);

export const activitySchema = z.object({
  id: idSchema,
  customerId: idSchema,
  kind: activityKindSchema,
  occurredAt: isoTimestampSchema,
  body: z.string(),
  author: z.object({ id: idSchema, name: z.string() }).nullable(),
  createdAt: isoTimestampSchema,
  updatedAt: isoTimestampSchema,
  canEdit: z.boolean().describe('True for your own activities'),
  complaint: z
    .object({ status: z.enum(['open', 'resolved']), resolution: z.string().nullable(), resolvedAt: isoTimestampSchema.nullable(), resolvedBy: z.string().nullable() })
    .nullable()
    .describe('For a complaint: open or resolved, and how'),
  email: z
    .object({ messageId: idSchema, status: z.enum(['queued', 'sending', 'sent', 'failed', 'bounced']), lastError: z.string().nullable(), to: z.string() })
    .nullable()
    .describe('For an email sent from Rapport: its delivery status'),
});
export type Activity = z.infer<typeof activitySchema>;
export const activityListSchema = z.object({ items: z.array(activitySchema) });

export const createActivitySchema = z.object({
  kind: activityKindSchema,
  occurredAt: isoTimestampSchema.optional().describe('Default: now'),
  body: z.string().trim().min(1).max(20_000),
});
export const updateActivitySchema = createActivitySchema.partial();
export const activityIdParamsSchema = z.object({ activityId: idSchema });
export const complaintStatusSchema = z.object({
  status: z.enum(['open', 'resolved']),
  resolution: z.string().trim().max(2000).nullable().optional().describe('Required to resolve: how it was put right'),
});
