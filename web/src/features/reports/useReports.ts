import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { queryKeys } from '../../api/queryKeys.ts';
import { reportsApi, type ReportPeriod } from '../../api/reportsApi.ts';
import { useI18n } from '../../i18n/i18nContext.ts';
import { periodParams, queryPeriod, readPeriod, todayIn, type PeriodChoice } from './period.ts';

/** The report's period, kept in the address so a report can be bookmarked and shared. */
export function usePeriodChoice() {
  const { timeZone } = useI18n();
  const [params, setParams] = useSearchParams();
  const choice = readPeriod(params, todayIn(timeZone));
  const setChoice = (next: PeriodChoice) => setParams(periodParams(next), { replace: true });
  return { choice, period: queryPeriod(choice), setChoice, today: todayIn(timeZone) };
}

// The previous period's figures stay on screen while the next ones load, so the table does not jump.
export const useSourcesReport = (period: ReportPeriod) =>
  useQuery({ queryKey: queryKeys.sourcesReport(period), queryFn: ({ signal }) => reportsApi.sources(period, signal), placeholderData: keepPreviousData });

export const useReferralsReport = (period: ReportPeriod) =>
  useQuery({ queryKey: queryKeys.referralsReport(period), queryFn: ({ signal }) => reportsApi.referrals(period, signal), placeholderData: keepPreviousData });
