import type { CreateCustomer } from '@contracts/customers.ts';
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { acquisitionApi, type BulkAcquisition } from '../../api/acquisitionApi.ts';
import { api } from '../../api/api.ts';
import type { BulkAction, CustomerListQuery } from '../../api/customersApi.ts';
import { queryKeys } from '../../api/queryKeys.ts';

const PAGE_SIZE = 50;

/** The customer list for a query, a page at a time (cursor pagination). */
export function useCustomerPages(query: CustomerListQuery) {
  return useInfiniteQuery({
    queryKey: queryKeys.customerList(query),
    queryFn: ({ pageParam, signal }) => api.customers.list({ ...query, limit: PAGE_SIZE, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    // While a new filter loads, the old rows stay on screen instead of a blank table.
    placeholderData: keepPreviousData,
  });
}

/** How many customers match the list query (undefined until counted). */
export function useCustomerCount(query: CustomerListQuery) {
  return useQuery({
    queryKey: queryKeys.customerCount(query),
    queryFn: ({ signal }) => api.customers.count(query, signal),
    placeholderData: keepPreviousData,
  });
}

/**
 * Any change to customers may change every list, profile and count: all of them reload,
 * except the profile of a customer that is gone (deleted or merged away), which would 404.
 */
export function useInvalidateCustomers() {
  const queryClient = useQueryClient();
  return (goneId?: string) =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: queryKeys.customers, predicate: (query) => goneId === undefined || query.queryKey[2] !== goneId }),
      queryClient.invalidateQueries({ queryKey: queryKeys.tags }),
    ]);
}

export function useCreateCustomer() {
  const invalidate = useInvalidateCustomers();
  return useMutation({ mutationFn: (input: CreateCustomer) => api.customers.create(input), onSuccess: () => invalidate() });
}

export function useBulkAction() {
  const invalidate = useInvalidateCustomers();
  return useMutation({ mutationFn: (input: BulkAction) => api.customers.bulk(input), onSuccess: () => invalidate() });
}

/** Sets the source of many customers at once; the sources' counts and the reports change with them. */
export function useBulkAcquisition() {
  const invalidate = useInvalidateCustomers();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: BulkAcquisition) => acquisitionApi.setMany(input),
    onSuccess: () => Promise.all([invalidate(), ...[queryKeys.sources, queryKeys.reports].map((queryKey) => queryClient.invalidateQueries({ queryKey }))]),
  });
}

export function useDeleteCustomer() {
  const invalidate = useInvalidateCustomers();
  return useMutation({ mutationFn: (customerId: string) => api.customers.remove(customerId), onSuccess: (_, customerId) => invalidate(customerId) });
}

export function useRestoreCustomer() {
  const invalidate = useInvalidateCustomers();
  return useMutation({ mutationFn: (customerId: string) => api.customers.restore(customerId), onSuccess: () => invalidate() });
}
