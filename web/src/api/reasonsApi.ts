import {
  customerReasonsSchema,
  exitReportSchema,
  reasonListSchema,
  reasonSchema,
  reasonsReportSchema,
  type addCustomerReasonSchema,
  type createReasonSchema,
  type markLostSchema,
  type ReasonKind,
  type updateReasonSchema,
} from '@contracts/reasons.ts';
import { z } from 'zod';
import { request } from './apiClient.ts';
import type { ReportPeriod } from './reportsApi.ts';

export type ReasonWithCount = z.output<typeof reasonListSchema>['items'][number];
export type AddCustomerReason = z.input<typeof addCustomerReasonSchema>;
export type MarkLost = z.input<typeof markLostSchema>;

const movedSchema = z.object({ moved: z.number().int() });
const id = (value: string) => encodeURIComponent(value);

/** Why customers choose us and why they leave: the taxonomy, each customer's reasons, "lost", and the two reports. */
export const reasonsApi = {
  list: (kind?: ReasonKind, signal?: AbortSignal) => request('GET', '/reasons', { query: { kind }, signal, schema: reasonListSchema }).then((list) => list.items),
  create: (body: z.input<typeof createReasonSchema>) => request('POST', '/reasons', { body, schema: reasonSchema }),
  update: (reasonId: string, body: z.input<typeof updateReasonSchema>) => request('PATCH', `/reasons/${id(reasonId)}`, { body, schema: reasonSchema }),
  /** A reason in use needs `moveTo`, the reason that takes its entries (else 409 reasons.in_use). */
  remove: (reasonId: string, moveTo?: string) => request('DELETE', `/reasons/${id(reasonId)}`, { query: { moveTo }, schema: movedSchema }),
  ofCustomer: (customerId: string, signal?: AbortSignal) => request('GET', `/customers/${id(customerId)}/reasons`, { signal, schema: customerReasonsSchema }),
  add: (customerId: string, body: AddCustomerReason) => request('POST', `/customers/${id(customerId)}/reasons`, { body, schema: customerReasonsSchema }),
  removeEntry: (customerId: string, entryId: string) => request('DELETE', `/customers/${id(customerId)}/reasons/${id(entryId)}`, { schema: customerReasonsSchema }),
  markLost: (customerId: string, body: MarkLost) => request('PUT', `/customers/${id(customerId)}/lost`, { body, schema: customerReasonsSchema }),
  clearLost: (customerId: string) => request('DELETE', `/customers/${id(customerId)}/lost`, { schema: customerReasonsSchema }),
  report: (period: ReportPeriod, signal?: AbortSignal) => request('GET', '/reports/reasons', { query: { ...period }, signal, schema: reasonsReportSchema }),
  exitReport: (period: ReportPeriod, signal?: AbortSignal) => request('GET', '/reports/exit-reasons', { query: { ...period }, signal, schema: exitReportSchema }),
};
