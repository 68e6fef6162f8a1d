import type { Locale } from '@contracts/common.ts';
import {
  bulkEmailResultSchema,
  emailListSchema,
  emailSettingsSchema,
  sendEmailResultSchema,
  templateListSchema,
  templateSchema,
  testEmailResultSchema,
  type bulkEmailSchema,
  type emailListQuerySchema,
  type emailPurposeSchema,
  type emailStatusSchema,
  type putEmailSettingsSchema,
  type putTemplateSchema,
  type sendEmailSchema,
} from '@contracts/email.ts';
import type { z } from 'zod';
import { request } from './apiClient.ts';

export type EmailSettings = z.output<typeof emailSettingsSchema>;
export type EmailSettingsInput = z.input<typeof putEmailSettingsSchema>;
export type TestEmailResult = z.output<typeof testEmailResultSchema>;
export type EmailTemplate = z.output<typeof templateSchema>;
export type EmailTemplateList = z.output<typeof templateListSchema>;
export type EmailTemplateInput = z.input<typeof putTemplateSchema>;
export type EmailPurpose = z.output<typeof emailPurposeSchema>;
export type EmailStatus = z.output<typeof emailStatusSchema>;
export type SendEmail = z.input<typeof sendEmailSchema>;
export type SendEmailResult = z.output<typeof sendEmailResultSchema>;
export type BulkEmail = z.input<typeof bulkEmailSchema>;
export type BulkEmailResult = z.output<typeof bulkEmailResultSchema>;
export type OutboxQuery = Partial<Omit<z.output<typeof emailListQuerySchema>, 'limit'>> & { limit?: number };
export type OutboxMessage = z.output<typeof emailListSchema>['items'][number];

const id = (value: string) => encodeURIComponent(value);

/** The workspace's SMTP settings, the test email, the message templates, sending and the outbox. */
export const emailApi = {
  settings: (signal?: AbortSignal) => request('GET', '/email/settings', { signal, schema: emailSettingsSchema }),
  saveSettings: (body: EmailSettingsInput) => request('PUT', '/email/settings', { body, schema: emailSettingsSchema }),
  /** Sends now; the server's answer (or the SMTP error) comes back in the result. */
  test: (to: string) => request('POST', '/email/test', { body: { to }, schema: testEmailResultSchema }),
  templates: (signal?: AbortSignal) => request('GET', '/email/templates', { signal, schema: templateListSchema }),
  template: (purpose: EmailPurpose, locale: Locale, signal?: AbortSignal) =>
    request('GET', `/email/templates/${id(purpose)}/${id(locale)}`, { signal, schema: templateSchema }),
  saveTemplate: (purpose: EmailPurpose, locale: Locale, body: EmailTemplateInput) =>
    request('PUT', `/email/templates/${id(purpose)}/${id(locale)}`, { body, schema: templateSchema }),
  /** `preview: true` renders only (200); otherwise the message is queued (202). */
  send: (customerId: string, body: SendEmail) => request('POST', `/customers/${id(customerId)}/emails`, { body, schema: sendEmailResultSchema }),
  /** Marketing: those without consent, address, or who unsubscribed are skipped and counted. */
  bulk: (body: BulkEmail) => request('POST', '/emails/bulk', { body, schema: bulkEmailResultSchema }),
  outbox: (query: OutboxQuery, signal?: AbortSignal) => request('GET', '/emails', { query: { ...query }, signal, schema: emailListSchema }).then((list) => list.items),
};
