import {
  followUpBulkResultSchema,
  type FOLLOW_UP_KINDS,
  followUpListSchema,
  followUpRulesSchema,
  followUpSchema,
  type followUpBulkInputSchema,
  type followUpInputSchema,
  type followUpQuerySchema,
  type followUpUpdateSchema,
  type FollowUpRules,
} from '@contracts/followups.ts';
import { z } from 'zod';
import { request } from './apiClient.ts';

/** {ok: true} or an empty 204: either way it is gone. */
const done = z.unknown();

export type FollowUpInput = z.input<typeof followUpInputSchema>;
export type FollowUpBulkInput = z.input<typeof followUpBulkInputSchema>;
export type FollowUpUpdate = z.input<typeof followUpUpdateSchema>;
export type FollowUpQuery = Omit<z.input<typeof followUpQuerySchema>, 'limit'> & { limit?: number };
export type SnoozeDays = 1 | 7;
export type FollowUpKindName = (typeof FOLLOW_UP_KINDS)[number];

const id = (value: string) => encodeURIComponent(value);

/** Follow-ups: each customer's, the workspace's (by status, assignee, due day), the bulk maker, and the rules that raise them. */
export const followUpsApi = {
  ofCustomer: (customerId: string, signal?: AbortSignal) =>
    request('GET', `/customers/${id(customerId)}/follow-ups`, { signal, schema: followUpListSchema }).then((list) => list.items),
  create: (customerId: string, body: FollowUpInput) => request('POST', `/customers/${id(customerId)}/follow-ups`, { body, schema: followUpSchema }),
  bulk: (body: FollowUpBulkInput) => request('POST', '/follow-ups/bulk', { body, schema: followUpBulkResultSchema }),
  list: (query: FollowUpQuery, signal?: AbortSignal) => request('GET', '/follow-ups', { query: { ...query }, signal, schema: followUpListSchema }).then((list) => list.items),
  update: (followUpId: string, body: FollowUpUpdate) => request('PATCH', `/follow-ups/${id(followUpId)}`, { body, schema: followUpSchema }),
  /** A note, when given, is written to the timeline. */
  done: (followUpId: string, note?: string) => request('POST', `/follow-ups/${id(followUpId)}/done`, { body: note ? { note } : {}, schema: followUpSchema }),
  skip: (followUpId: string, reason: string) => request('POST', `/follow-ups/${id(followUpId)}/skip`, { body: { reason }, schema: followUpSchema }),
  snooze: (followUpId: string, days: SnoozeDays) => request('POST', `/follow-ups/${id(followUpId)}/snooze`, { body: { days }, schema: followUpSchema }),
  remove: (followUpId: string) => request('DELETE', `/follow-ups/${id(followUpId)}`, { schema: done }),
  rules: (signal?: AbortSignal) => request('GET', '/follow-ups/rules', { signal, schema: followUpRulesSchema }),
  saveRules: (body: FollowUpRules) => request('PUT', '/follow-ups/rules', { body, schema: followUpRulesSchema }),
};
