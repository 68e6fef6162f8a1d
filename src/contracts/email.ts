import { z } from 'zod';
import { idSchema, isoTimestampSchema, localeSchema } from './common.ts';
import { thankOccasionSchema } from './thanks.ts';

export const emailPurposeSchema = z.enum(['thank_you', 'question', 'exit_question', 'winback', 'custom']);
export const emailStatusSchema = z.enum(['queued', 'sending', 'sent', 'failed', 'bounced']);
export const PLACEHOLDERS = ['firstName', 'lastName', 'lastPurchase', 'referralName', 'couponCode', 'surveyLink'] as const;

export const emailSettingsSchema = z.object({
  configured: z.boolean(),
  host: z.string(),
  port: z.number().int(),
  security: z.enum(['tls', 'starttls', 'none']),
  user: z.string().nullable(),
  passwordSet: z.boolean().describe('The password itself is never returned'),
  fromAddress: z.string(),
  fromName: z.string().nullable(),
  ratePerMinute: z.number().int(),
  secretKeyConfigured: z.boolean().describe('RAPPORT_SECRET_KEY is set on the server'),
  updatedAt: isoTimestampSchema.nullable(),
});
export const putEmailSettingsSchema = z.object({
  host: z.string().trim().min(1).max(255),
  port: z.number().int().min(1).max(65535),
  security: z.enum(['tls', 'starttls', 'none']),
  user: z.string().trim().max(255).nullable().optional(),
  password: z.string().max(1000).nullable().optional().describe('Omit to keep the stored one; null to remove it'),
  fromAddress: z.email(),
  fromName: z.string().trim().max(200).nullable().optional(),
  ratePerMinute: z.number().int().min(1).max(10_000).default(30),
});
export const testEmailSchema = z.object({ to: z.email() });
export const testEmailResultSchema = z.object({ ok: z.boolean(), response: z.string().nullable(), messageId: z.string().nullable(), error: z.string().nullable() });

export const templateSchema = z.object({
  purpose: emailPurposeSchema,
  locale: localeSchema,
  subject: z.string(),
  body: z.string(),
  isDefault: z.boolean().describe('Not saved yet: the built-in text'),
  updatedAt: isoTimestampSchema.nullable(),
});
export const templateListSchema = z.object({ items: z.array(templateSchema), placeholders: z.array(z.string()) });
export const templateParamsSchema = z.object({ purpose: emailPurposeSchema, locale: localeSchema });
export const putTemplateSchema = z.object({ subject: z.string().trim().min(1).max(300), body: z.string().trim().min(1).max(20_000) });

export const sendEmailSchema = z.object({
  purpose: emailPurposeSchema.optional(),
  subject: z.string().trim().min(1).max(300).optional(),
  body: z.string().trim().min(1).max(20_000).optional(),
  locale: localeSchema.optional(),
  couponCode: z.string().trim().max(100).optional(),
  marketing: z.boolean().optional().describe('Default: true for win-back; marketing messages carry the unsubscribe link and need consent'),
  preview: z.boolean().optional().describe('Render only, queue nothing'),
  thankYou: z
    .object({ occasion: thankOccasionSchema, owedId: idSchema.optional() })
    .optional()
    .describe('Log this email as a thank-you (and settle the owed one) in the same transaction'),
});
export const bulkEmailSchema = z.object({
  customerIds: z.array(idSchema).min(1).max(5000),
  purpose: emailPurposeSchema,
  locale: localeSchema.optional(),
  couponCode: z.string().trim().max(100).optional(),
});

export const emailMessageSchema = z.object({
  id: idSchema,
  customerId: idSchema,
  to: z.string(),
  locale: z.string(),
  purpose: emailPurposeSchema,
  subject: z.string(),
  body: z.string(),
  kind: z.enum(['single', 'bulk']),
  status: emailStatusSchema,
  attempts: z.number().int(),
  nextAttemptAt: isoTimestampSchema.nullable(),
  lastError: z.string().nullable(),
  messageId: z.string().nullable(),
  sentAt: isoTimestampSchema.nullable(),
  activityId: idSchema.nullable(),
  createdAt: isoTimestampSchema,
});
export const sendEmailResultSchema = z.object({ preview: z.boolean(), message: emailMessageSchema.nullable(), subject: z.string(), body: z.string() });
export const bulkEmailResultSchema = z.object({
  queued: z.number().int(),
  skipped: z.object({ noConsent: z.number().int(), unsubscribed: z.number().int(), noEmail: z.number().int(), notFound: z.number().int() }),
});
export const emailListQuerySchema = z.object({ customerId: idSchema.optional(), status: emailStatusSchema.optional(), limit: z.coerce.number().int().min(1).max(500).default(100) });
export const emailListSchema = z.object({ items: z.array(emailMessageSchema) });
export const unsubscribeParamsSchema = z.object({ token: z.string().min(10).max(100) });
