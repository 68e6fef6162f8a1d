import { useInfiniteQuery } from '@tanstack/react-query';
import { api } from '../../api/api.ts';
import { queryKeys } from '../../api/queryKeys.ts';

/** Soft-deleted customers, most recently deleted first, a page at a time. */
export function useDeletedCustomers() {
  return useInfiniteQuery({
    queryKey: queryKeys.deletedCustomers,
    queryFn: ({ pageParam, signal }) => api.customers.deleted({ limit: 50, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}
