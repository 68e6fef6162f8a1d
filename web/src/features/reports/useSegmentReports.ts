import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { queryKeys } from '../../api/queryKeys.ts';
import { segmentReportsApi, type PivotQuery, type ProfitQuery } from '../../api/segmentReportsApi.ts';
import { segmentsApi } from '../../api/segmentsApi.ts';
import { useI18n } from '../../i18n/i18nContext.ts';
import { pivotChoiceParams, profitChoiceParams, readPivotChoice, readProfitChoice, type ProfitChoice } from './segmentReportQuery.ts';

// Under 'reports' and under 'customers' (any change to customers or segments changes the figures).
const keys = {
  profit: (query: ProfitQuery, lang: string) => [...queryKeys.customers, 'segment-reports', 'profit', query, lang] as const,
  pivot: (query: PivotQuery, lang: string) => [...queryKeys.customers, 'segment-reports', 'pivot', query, lang] as const,
  response: (campaignId: string, by: string, lang: string) => [...queryKeys.campaign(campaignId), 'response', by, lang] as const,
};

/** The profit report's choices, kept in the address so that a link opens the same report. */
export function useProfitChoice() {
  const [params, setParams] = useSearchParams();
  const choice = readProfitChoice(params);
  const setChoice = (next: ProfitChoice) => setParams(profitChoiceParams(next), { replace: true });
  return { choice, setChoice };
}

export function usePivotChoice() {
  const [params, setParams] = useSearchParams();
  const choice = readPivotChoice(params);
  const setChoice = (next: PivotQuery) => setParams(pivotChoiceParams(next), { replace: true });
  return { choice, setChoice };
}

// The previous figures stay on screen while the next load, so the page does not jump; a bad filter is not retried.
const noRetryOn400 = (count: number, error: unknown) => count < 2 && (error as { status?: number }).status !== 400;

export function useProfitReport(query: ProfitQuery) {
  const { locale } = useI18n();
  return useQuery({ queryKey: keys.profit(query, locale), queryFn: ({ signal }) => segmentReportsApi.profit(query, locale, signal), placeholderData: keepPreviousData, retry: noRetryOn400 });
}

export function usePivotReport(query: PivotQuery) {
  const { locale } = useI18n();
  return useQuery({ queryKey: keys.pivot(query, locale), queryFn: ({ signal }) => segmentReportsApi.pivot(query, locale, signal), placeholderData: keepPreviousData, retry: noRetryOn400 });
}

export function useCampaignResponse(campaignId: string, by: string) {
  const { locale } = useI18n();
  return useQuery({ queryKey: keys.response(campaignId, by, locale), queryFn: ({ signal }) => segmentReportsApi.response(campaignId, by, locale, signal), placeholderData: keepPreviousData });
}

/** The saved segments, for choosing which to report on. */
export function useSegmentOptions() {
  const { locale } = useI18n();
  return useQuery({ queryKey: queryKeys.segmentList(locale), queryFn: ({ signal }) => segmentsApi.list(locale, signal) });
}
