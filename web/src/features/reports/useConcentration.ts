import type { ConcentrationSettings } from '@contracts/concentration.ts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { concentrationApi, type ConcentrationChoice } from '../../api/concentrationApi.ts';
import { queryKeys } from '../../api/queryKeys.ts';

// Under 'reports' (whatever reloads the reports reloads this) and, for a profile, under the customer.
const keys = {
  all: [...queryKeys.reports, 'concentration'] as const,
  report: (choice: ConcentrationChoice) => [...queryKeys.reports, 'concentration', choice] as const,
  headline: [...queryKeys.reports, 'concentration', 'headline'] as const,
  settings: [...queryKeys.reports, 'concentration', 'settings'] as const,
  customer: (customerId: string) => [...queryKeys.customer(customerId), 'concentration'] as const,
};

/** The period, kept in the address: ?year=2025, ?period=last365 or ?period=all; nothing: the latest year. */
export function useConcentrationChoice() {
  const [params, setParams] = useSearchParams();
  const period = params.get('period');
  const year = Number(params.get('year'));
  const choice: ConcentrationChoice = period === 'last365' || period === 'all' ? { period } : Number.isInteger(year) && year > 1900 ? { year } : {};
  const setChoice = (next: ConcentrationChoice) => setParams(next.period ? { period: next.period } : next.year ? { year: String(next.year) } : {}, { replace: true });
  return { choice, setChoice };
}

export const useConcentrationReport = (choice: ConcentrationChoice) =>
  useQuery({ queryKey: keys.report(choice), queryFn: ({ signal }) => concentrationApi.report(choice, signal), placeholderData: keepPreviousData });

export const useConcentrationHeadline = () => useQuery({ queryKey: keys.headline, queryFn: ({ signal }) => concentrationApi.headline(signal) });

export const useCustomerConcentration = (customerId: string) =>
  useQuery({ queryKey: keys.customer(customerId), queryFn: ({ signal }) => concentrationApi.customer(customerId, signal) });

export function useSaveConcentrationSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (settings: ConcentrationSettings) => concentrationApi.saveSettings(settings),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.all }),
  });
}
