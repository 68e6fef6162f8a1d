import { okSchema } from '@contracts/common.ts';
import { sendEmailResultSchema } from '@contracts/email.ts';
import {
  owedListSchema,
  owedThanksSchema,
  thankRulesSchema,
  thanksReportSchema,
  thankYouListSchema,
  thankYouSchema,
  type OWED_STATUSES,
  type thankOccasionSchema,
  type thankYouInputSchema,
} from '@contracts/thanks.ts';
import { z } from 'zod';
import { request } from './apiClient.ts';
import type { ReportPeriod } from './reportsApi.ts';

export type ThankYouInput = z.input<typeof thankYouInputSchema>;
export type OwedStatus = (typeof OWED_STATUSES)[number];
export type ThankOccasion = z.output<typeof thankOccasionSchema>;
export interface OwedQuery {
  status: OwedStatus;
  customerId?: string | undefined;
}
/** A thank-you email: the occasion it is logged for and the owed item it settles. */
export interface ThanksEmail {
  occasion: ThankOccasion;
  owedId?: string | undefined;
}

const id = (value: string) => encodeURIComponent(value);

/** Thank-yous: each customer's log, the thanks owed by the rules, the rules, and the report. */
export const thanksApi = {
  ofCustomer: (customerId: string, signal?: AbortSignal) =>
    request('GET', `/customers/${id(customerId)}/thank-yous`, { signal, schema: thankYouListSchema }).then((list) => list.items),
  log: (customerId: string, body: ThankYouInput) => request('POST', `/customers/${id(customerId)}/thank-yous`, { body, schema: thankYouSchema }),
  remove: (customerId: string, thankYouId: string) => request('DELETE', `/customers/${id(customerId)}/thank-yous/${id(thankYouId)}`, { schema: okSchema }),
  owed: (query: OwedQuery, signal?: AbortSignal) => request('GET', '/thanks/owed', { query: { ...query }, signal, schema: owedListSchema }).then((list) => list.items),
  dismiss: (owedId: string, reason: string) => request('POST', `/thanks/owed/${id(owedId)}/dismiss`, { body: { reason }, schema: owedThanksSchema }),
  rules: (signal?: AbortSignal) => request('GET', '/thanks/rules', { signal, schema: thankRulesSchema }),
  saveRules: (body: z.input<typeof thankRulesSchema>) => request('PUT', '/thanks/rules', { body, schema: thankRulesSchema }),
  report: (period: ReportPeriod, signal?: AbortSignal) => request('GET', '/reports/thank-yous', { query: { ...period }, signal, schema: thanksReportSchema }),
  /** The thank-you email as it would go out (the customer's language, their placeholders filled in); nothing is queued. */
  previewEmail: (customerId: string, thankYou: ThanksEmail) =>
    request('POST', `/customers/${id(customerId)}/emails`, { body: { purpose: 'thank_you', preview: true, thankYou }, schema: sendEmailResultSchema }),
  /** Queues it, logs it as a thank-you of kind email and settles the owed item, in one go. */
  sendEmail: (customerId: string, thankYou: ThanksEmail) =>
    request('POST', `/customers/${id(customerId)}/emails`, { body: { purpose: 'thank_you', thankYou }, schema: sendEmailResultSchema }),
};
