import type { CreateCustomer } from '@contracts/customers.ts';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/api.ts';
import { queryKeys } from '../../api/queryKeys.ts';

const PAGE_SIZE = 50;

/** Customers by name, a page at a time (cursor pagination). */
export function useCustomerPages() {
  return useInfiniteQuery({
    queryKey: queryKeys.customers,
    queryFn: ({ pageParam, signal }) => api.customers.list({ limit: PAGE_SIZE, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

export function useCreateCustomer() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateCustomer) => api.customers.create(input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.customers }),
  });
}
