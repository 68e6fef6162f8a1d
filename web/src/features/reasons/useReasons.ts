import type { ReasonKind } from '@contracts/reasons.ts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { queryKeys } from '../../api/queryKeys.ts';
import { reasonsApi, type AddCustomerReason, type MarkLost } from '../../api/reasonsApi.ts';
import type { ReportPeriod } from '../../api/reportsApi.ts';

export const useReasons = () => useQuery({ queryKey: queryKeys.reasons, queryFn: ({ signal }) => reasonsApi.list(undefined, signal) });

/** A reason's name shows on profiles and reports; moving entries changes both. */
function useInvalidate() {
  const queryClient = useQueryClient();
  return () => Promise.all([queryKeys.reasons, queryKeys.reports, queryKeys.customers].map((queryKey) => queryClient.invalidateQueries({ queryKey })));
}

export function useCreateReason() {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (input: { kind: ReasonKind; name: string }) => reasonsApi.create(input), onSuccess: invalidate });
}

export function useRenameReason() {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: ({ reasonId, name }: { reasonId: string; name: string }) => reasonsApi.update(reasonId, { name }), onSuccess: invalidate });
}

export function useDeleteReason() {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: ({ reasonId, moveTo }: { reasonId: string; moveTo?: string }) => reasonsApi.remove(reasonId, moveTo), onSuccess: invalidate });
}

const customerReasonsKey = (customerId: string) => [...queryKeys.customer(customerId), 'reasons'] as const;

export const useCustomerReasons = (customerId: string) =>
  useQuery({ queryKey: customerReasonsKey(customerId), queryFn: ({ signal }) => reasonsApi.ofCustomer(customerId, signal) });

/** Every change to a customer's reasons changes their header bits, history and the reports. */
function useCustomerMutation<I>(run: (input: I) => Promise<unknown>) {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: run, onSuccess: invalidate });
}

export const useAddReason = (customerId: string) => useCustomerMutation((input: AddCustomerReason) => reasonsApi.add(customerId, input));
export const useRemoveReasonEntry = (customerId: string) => useCustomerMutation((entryId: string) => reasonsApi.removeEntry(customerId, entryId));
export const useMarkLost = (customerId: string) => useCustomerMutation((input: MarkLost) => reasonsApi.markLost(customerId, input));
export const useClearLost = (customerId: string) => useCustomerMutation(() => reasonsApi.clearLost(customerId));

export const useReasonsReport = (period: ReportPeriod) =>
  useQuery({ queryKey: queryKeys.reasonsReport('choose', period), queryFn: ({ signal }) => reasonsApi.report(period, signal), placeholderData: keepPreviousData });
export const useExitReport = (period: ReportPeriod) =>
  useQuery({ queryKey: queryKeys.reasonsReport('exit', period), queryFn: ({ signal }) => reasonsApi.exitReport(period, signal), placeholderData: keepPreviousData });
