import { okSchema } from '@contracts/common.ts';
import {
  bulkResultSchema,
  customerCountSchema,
  customerPageSchema,
  customerProfileSchema,
  duplicateListSchema,
  employmentSchema,
  historyPageSchema,
  quickSearchResultSchema,
  type CreateCustomer,
  type MergeRequest,
  type UpdateCustomer,
} from '@contracts/customers.ts';
import type { z } from 'zod';
import type { bulkActionSchema, employmentInputSchema } from '@contracts/customers.ts';
import { request } from './apiClient.ts';

/** The list's query string: filters travel as one JSON parameter. */
export interface CustomerListQuery {
  q?: string | undefined;
  kind?: 'person' | 'organisation' | undefined;
  tagId?: string | undefined;
  organisationId?: string | undefined;
  filters?: string | undefined;
  /** A filter in the filter language (docs/filters.md). */
  filter?: string | undefined;
  /** The language of a bad filter's error message. */
  lang?: 'en' | 'ru' | undefined;
  sort?: string | undefined;
  order?: 'asc' | 'desc' | undefined;
  limit?: number | undefined;
  cursor?: string | undefined;
}

export type BulkAction = z.input<typeof bulkActionSchema>;
export type EmploymentInput = z.input<typeof employmentInputSchema>;

const path = (customerId: string) => `/customers/${encodeURIComponent(customerId)}`;

export const customersApi = {
  list: (query: CustomerListQuery, signal?: AbortSignal) =>
    request('GET', '/customers', { query: { ...query }, signal, schema: customerPageSchema }),
  /** How many customers the list query matches; asked apart so the first page never waits for it. */
  count: (query: CustomerListQuery, signal?: AbortSignal) =>
    request('GET', '/customers/count', { query: { ...query }, signal, schema: customerCountSchema }).then((result) => result.total),
  deleted: (query: { limit?: number; cursor?: string | undefined }, signal?: AbortSignal) =>
    request('GET', '/customers/deleted', { query, signal, schema: customerPageSchema }),
  get: (customerId: string, signal?: AbortSignal) => request('GET', path(customerId), { signal, schema: customerProfileSchema }),
  create: (body: CreateCustomer) => request('POST', '/customers', { body, schema: customerProfileSchema }),
  update: (customerId: string, body: UpdateCustomer) => request('PATCH', path(customerId), { body, schema: customerProfileSchema }),
  remove: (customerId: string) => request('DELETE', path(customerId), { schema: okSchema }),
  restore: (customerId: string) => request('POST', `${path(customerId)}/restore`, { body: {}, schema: customerProfileSchema }),
  history: (customerId: string, signal?: AbortSignal) =>
    request('GET', `${path(customerId)}/history`, { signal, schema: historyPageSchema }).then((page) => page.items),
  merge: (survivorId: string, body: MergeRequest) =>
    request('POST', `${path(survivorId)}/merge`, { body, schema: customerProfileSchema }),
  bulk: (body: BulkAction) => request('POST', '/customers/bulk', { body, schema: bulkResultSchema }),
  addEmployment: (customerId: string, body: EmploymentInput) =>
    request('POST', `${path(customerId)}/employments`, { body, schema: employmentSchema }),
  removeEmployment: (customerId: string, employmentId: string) =>
    request('DELETE', `${path(customerId)}/employments/${encodeURIComponent(employmentId)}`, { schema: okSchema }),
  duplicates: (signal?: AbortSignal) =>
    request('GET', '/duplicates', { signal, schema: duplicateListSchema }).then((list) => list.items),
  search: (q: string, limit: number, signal?: AbortSignal) =>
    request('GET', '/search', { query: { q, limit }, signal, schema: quickSearchResultSchema }).then((list) => list.items),
};
