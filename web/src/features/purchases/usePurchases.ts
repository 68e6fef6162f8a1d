import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { isApiError } from '../../api/ApiError.ts';
import { queryKeys } from '../../api/queryKeys.ts';
import { transactionsApi, type CreateTransaction } from '../../api/transactionsApi.ts';

const PAGE_SIZE = 25;

/** Under the customer's key, so whatever reloads a customer reloads their purchases too. */
export const purchaseKeys = {
  list: (customerId: string) => [...queryKeys.customer(customerId), 'transactions'] as const,
  spend: (customerId: string) => [...queryKeys.customer(customerId), 'spend'] as const,
};

/** A customer's purchases and refunds, newest first, a page at a time. */
export function usePurchasePages(customerId: string) {
  return useInfiniteQuery({
    queryKey: purchaseKeys.list(customerId),
    queryFn: ({ pageParam, signal }) => transactionsApi.list(customerId, { limit: PAGE_SIZE, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

export function useMonthlySpend(customerId: string) {
  return useQuery({ queryKey: purchaseKeys.spend(customerId), queryFn: ({ signal }) => transactionsApi.spend(customerId, signal) });
}

/**
 * A purchase changes the profile's purchase dates and the list's "latest purchase", and a code it
 * carries redeems a campaign's coupon: customers, campaigns and the reports reload.
 */
function useInvalidatePurchases() {
  const queryClient = useQueryClient();
  return () => Promise.all([queryKeys.customers, queryKeys.campaigns, queryKeys.reports].map((queryKey) => queryClient.invalidateQueries({ queryKey })));
}

export function useAddPurchase(customerId: string) {
  const invalidate = useInvalidatePurchases();
  return useMutation({ mutationFn: (input: CreateTransaction) => transactionsApi.create(customerId, input), onSuccess: invalidate });
}

/** Deleting a purchase someone else deleted already is done all the same: the list just reloads. */
export function useDeletePurchase() {
  const invalidate = useInvalidatePurchases();
  return useMutation({
    mutationFn: (transactionId: string) =>
      transactionsApi.remove(transactionId).catch((error: unknown) => {
        if (isApiError(error) && error.code === 'transaction.not_found') return { ok: true as const };
        throw error;
      }),
    onSuccess: invalidate,
  });
}
