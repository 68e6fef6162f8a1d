import { todayQueueSchema, type TodayItem, type TodayQueue, type todayDoneSchema } from '@contracts/today.ts';
import { z } from 'zod';
import { request } from './apiClient.ts';

export type { TodayItem, TodayQueue };
export type TodayScope = TodayQueue['scope'];
export interface TodayQuery {
  scope: TodayScope;
  /** Items listed per section. */
  limit: number;
  /** Language of the sentences. */
  lang?: string;
}
export type TodayDone = z.input<typeof todayDoneSchema>;

/** The morning queue, and "done" for the items that have no state of their own (drifting, lapsed, key dates, new customers). */
/** {ok: true} or an empty 204: either way it is recorded. */
export const todayApi = {
  queue: (query: TodayQuery, signal?: AbortSignal) => request('GET', '/today', { query: { ...query }, signal, schema: todayQueueSchema }),
  done: (body: TodayDone) => request('POST', '/today/done', { body, schema: z.unknown() }),
};
