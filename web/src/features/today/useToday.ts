import { useMutation, useQuery, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { queryKeys } from '../../api/queryKeys.ts';
import { todayApi, type TodayDone, type TodayItem, type TodayQueue, type TodayScope } from '../../api/todayApi.ts';
import { useI18n } from '../../i18n/i18nContext.ts';
import { withoutItem } from './todayModel.ts';

/** Items fetched per section: enough for "Show all" to expand in place. */
export const TODAY_LIMIT = 50;

/** The sentences come in the language the page is shown in (switching it refetches). */
export function useTodayQueue(scope: TodayScope) {
  const { locale: lang } = useI18n();
  return useQuery({ queryKey: queryKeys.todayQueue({ scope, limit: TODAY_LIMIT, lang }), queryFn: ({ signal }) => todayApi.queue({ scope, limit: TODAY_LIMIT, lang }, signal) });
}

/**
 * Takes an item off every cached Today queue at once (both scopes) and gives back the undo,
 * for when the action behind it fails. Queries in flight are cancelled so they cannot bring it back.
 */
export function useDropFromToday() {
  const queryClient = useQueryClient();
  return async (item: Pick<TodayItem, 'section' | 'key'>): Promise<() => void> => {
    await queryClient.cancelQueries({ queryKey: queryKeys.today });
    const before: [QueryKey, TodayQueue | undefined][] = queryClient.getQueriesData<TodayQueue>({ queryKey: queryKeys.today });
    queryClient.setQueriesData<TodayQueue>({ queryKey: queryKeys.today }, (queue) => (queue ? withoutItem(queue, item.section, item.key) : queue));
    return () => {
      for (const [key, data] of before) queryClient.setQueryData(key, data);
    };
  };
}

/** Reloads the queue (and what an action on it changes: the customer lists and profiles). */
export function useRefreshToday() {
  const queryClient = useQueryClient();
  return () => Promise.all([queryKeys.today, queryKeys.customers].map((queryKey) => queryClient.invalidateQueries({ queryKey })));
}

/**
 * Runs an action on an item the optimistic way: the item leaves the list at once, comes back
 * if the action fails (the error is rethrown), and the queue reloads either way.
 */
export function useTodayAction() {
  const drop = useDropFromToday();
  const queryClient = useQueryClient();
  return async <T>(item: Pick<TodayItem, 'section' | 'key'>, action: () => Promise<T>): Promise<T> => {
    const undo = await drop(item);
    try {
      return await action();
    } catch (error) {
      undo();
      throw error;
    } finally {
      void queryClient.invalidateQueries({ queryKey: queryKeys.today });
    }
  };
}

/** "Done" on an item with no state of its own (drifting, lapsed, a key date, a new customer): it stays off Today. */
export function useMarkTodayDone() {
  return useMutation({ mutationFn: (body: TodayDone) => todayApi.done(body) });
}
