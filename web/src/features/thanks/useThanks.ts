import type { ThankRules } from '@contracts/thanks.ts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { queryKeys } from '../../api/queryKeys.ts';
import type { ReportPeriod } from '../../api/reportsApi.ts';
import { thanksApi, type OwedQuery, type ThanksEmail, type ThankYouInput } from '../../api/thanksApi.ts';

export const useThankYous = (customerId: string) =>
  useQuery({ queryKey: queryKeys.thankYous(customerId), queryFn: ({ signal }) => thanksApi.ofCustomer(customerId, signal) });

export const useOwedThanks = (query: OwedQuery) =>
  useQuery({ queryKey: queryKeys.thanksOwed(query), queryFn: ({ signal }) => thanksApi.owed(query, signal), placeholderData: keepPreviousData });

export const useThanksRules = () => useQuery({ queryKey: queryKeys.thanksRules, queryFn: ({ signal }) => thanksApi.rules(signal) });

export const useThanksReport = (period: ReportPeriod) =>
  useQuery({ queryKey: queryKeys.thanksReport(period), queryFn: ({ signal }) => thanksApi.report(period, signal), placeholderData: keepPreviousData });

/** A thank-you logged, removed or dismissed changes the owed lists, the customer's log, header bit and timeline, and the report. */
function useInvalidate() {
  const queryClient = useQueryClient();
  return (customerId?: string) =>
    Promise.all(
      [queryKeys.thanks, queryKeys.reports, ...(customerId ? [queryKeys.customer(customerId)] : [])].map((queryKey) => queryClient.invalidateQueries({ queryKey })),
    );
}

export function useLogThankYou(customerId: string) {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (input: ThankYouInput) => thanksApi.log(customerId, input), onSuccess: () => invalidate(customerId) });
}

export function useDeleteThankYou(customerId: string) {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (thankYouId: string) => thanksApi.remove(customerId, thankYouId), onSuccess: () => invalidate(customerId) });
}

export function useDismissOwed(customerId: string) {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: ({ owedId, reason }: { owedId: string; reason: string }) => thanksApi.dismiss(owedId, reason), onSuccess: () => invalidate(customerId) });
}

export const usePreviewThanksEmail = (customerId: string) => useMutation({ mutationFn: (thankYou: ThanksEmail) => thanksApi.previewEmail(customerId, thankYou) });

export function useSendThanksEmail(customerId: string) {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (thankYou: ThanksEmail) => thanksApi.sendEmail(customerId, thankYou), onSuccess: () => invalidate(customerId) });
}

export function useSaveThanksRules() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (rules: ThankRules) => thanksApi.saveRules(rules),
    onSuccess: (saved) => {
      queryClient.setQueryData(queryKeys.thanksRules, saved);
      return queryClient.invalidateQueries({ queryKey: queryKeys.thanks });
    },
  });
}
