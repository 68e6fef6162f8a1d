import type { FollowUpRules } from '@contracts/followups.ts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { followUpsApi, type FollowUpBulkInput, type FollowUpInput, type FollowUpQuery, type FollowUpUpdate, type SnoozeDays } from '../../api/followUpsApi.ts';
import { queryKeys } from '../../api/queryKeys.ts';

/** A customer's follow-ups, open and closed. */
export const useCustomerFollowUps = (customerId: string) =>
  useQuery({ queryKey: queryKeys.customerFollowUps(customerId), queryFn: ({ signal }) => followUpsApi.ofCustomer(customerId, signal) });

/** The workspace's follow-ups by status, assignee and due day. */
export const useFollowUpList = (query: FollowUpQuery) =>
  useQuery({ queryKey: queryKeys.followUpList(query), queryFn: ({ signal }) => followUpsApi.list(query, signal), placeholderData: keepPreviousData });

export const useFollowUpRules = () => useQuery({ queryKey: queryKeys.followUpRules, queryFn: ({ signal }) => followUpsApi.rules(signal) });

/**
 * A follow-up made, closed or changed changes the customer's list, their profile (next
 * follow-up), their timeline (a done note), the workspace lists and Today's queue.
 * Without a customer (bulk), every customer's.
 */
export function useInvalidateFollowUps() {
  const queryClient = useQueryClient();
  return (customerId?: string) =>
    Promise.all(
      [
        queryKeys.followUps,
        queryKeys.today,
        ...(customerId
          ? [queryKeys.customerFollowUps(customerId), queryKeys.customer(customerId), queryKeys.activities(customerId)]
          : [queryKeys.customers]),
      ].map((queryKey) => queryClient.invalidateQueries({ queryKey })),
    );
}

export function useCreateFollowUp(customerId: string) {
  const invalidate = useInvalidateFollowUps();
  return useMutation({ mutationFn: (input: FollowUpInput) => followUpsApi.create(customerId, input), onSuccess: () => invalidate(customerId) });
}

/** The same follow-up for many customers; answers how many were made and skipped. */
export function useBulkFollowUp() {
  const invalidate = useInvalidateFollowUps();
  return useMutation({ mutationFn: (input: FollowUpBulkInput) => followUpsApi.bulk(input), onSuccess: () => invalidate() });
}

/** Actions on one follow-up; `customerId` is whose it is (Today passes the item's). */
export function useUpdateFollowUp(customerId: string) {
  const invalidate = useInvalidateFollowUps();
  return useMutation({
    mutationFn: ({ followUpId, patch }: { followUpId: string; patch: FollowUpUpdate }) => followUpsApi.update(followUpId, patch),
    onSuccess: () => invalidate(customerId),
  });
}

export function useDoneFollowUp(customerId: string) {
  const invalidate = useInvalidateFollowUps();
  return useMutation({
    mutationFn: ({ followUpId, note }: { followUpId: string; note?: string }) => followUpsApi.done(followUpId, note),
    onSuccess: () => invalidate(customerId),
  });
}

export function useSnoozeFollowUp(customerId: string) {
  const invalidate = useInvalidateFollowUps();
  return useMutation({
    mutationFn: ({ followUpId, days }: { followUpId: string; days: SnoozeDays }) => followUpsApi.snooze(followUpId, days),
    onSuccess: () => invalidate(customerId),
  });
}

export function useSkipFollowUp(customerId: string) {
  const invalidate = useInvalidateFollowUps();
  return useMutation({
    mutationFn: ({ followUpId, reason }: { followUpId: string; reason: string }) => followUpsApi.skip(followUpId, reason),
    onSuccess: () => invalidate(customerId),
  });
}

export function useDeleteFollowUp(customerId: string) {
  const invalidate = useInvalidateFollowUps();
  return useMutation({ mutationFn: (followUpId: string) => followUpsApi.remove(followUpId), onSuccess: () => invalidate(customerId) });
}

export function useSaveFollowUpRules() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (rules: FollowUpRules) => followUpsApi.saveRules(rules),
    onSuccess: (saved) => {
      queryClient.setQueryData(queryKeys.followUpRules, saved);
      return Promise.all([queryKeys.followUps, queryKeys.today].map((queryKey) => queryClient.invalidateQueries({ queryKey })));
    },
  });
}
