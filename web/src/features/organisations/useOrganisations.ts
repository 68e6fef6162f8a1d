import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { api } from '../../api/api.ts';
import { queryKeys } from '../../api/queryKeys.ts';

/** Organisations by name (all of them, or those matching a search), in large pages for the tree. */
export function useOrganisations(q: string) {
  return useInfiniteQuery({
    queryKey: queryKeys.organisations(q),
    queryFn: ({ pageParam, signal }) =>
      api.customers.list({ kind: 'organisation', q: q || undefined, sort: 'name', order: 'asc', limit: 500, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}
