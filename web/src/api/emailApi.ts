import type { Locale } from '@contracts/common.ts';
import {
  emailSettingsSchema,
  templateListSchema,
  templateSchema,
  testEmailResultSchema,
  type emailPurposeSchema,
  type putEmailSettingsSchema,
  type putTemplateSchema,
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

const id = (value: string) => encodeURIComponent(value);

/** The workspace's SMTP settings, the test email and the message templates. */
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
};
