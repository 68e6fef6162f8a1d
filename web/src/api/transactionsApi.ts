import { okSchema } from '@contracts/common.ts';
import { monthlySpendSchema, transactionPageSchema, transactionSchema, type createTransactionSchema } from '@contracts/transactions.ts';
import type { z } from 'zod';
import { request } from './apiClient.ts';

export type CreateTransaction = z.input<typeof createTransactionSchema>;

const path = (customerId: string) => `/customers/${encodeURIComponent(customerId)}`;

/** A customer's purchases and refunds (money in integer minor units with its currency). */
export const transactionsApi = {
  list: (customerId: string, query: { limit: number; cursor?: string | undefined }, signal?: AbortSignal) =>
    request('GET', `${path(customerId)}/transactions`, { query, signal, schema: transactionPageSchema }),
  /** Net spend per month in the workspace time zone, one entry per month and currency. */
  spend: (customerId: string, signal?: AbortSignal) =>
    request('GET', `${path(customerId)}/spend`, { signal, schema: monthlySpendSchema }).then((result) => result.items),
  create: (customerId: string, body: CreateTransaction) => request('POST', `${path(customerId)}/transactions`, { body, schema: transactionSchema }),
  remove: (transactionId: string) => request('DELETE', `/transactions/${encodeURIComponent(transactionId)}`, { schema: okSchema }),
};
