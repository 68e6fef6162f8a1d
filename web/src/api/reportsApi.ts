import { referralsReportSchema, sourcesReportSchema } from '@contracts/acquisition-reports.ts';
import type { Locale } from '@contracts/common.ts';
import { request } from './apiClient.ts';

/** A period of acquisition days, inclusive; either end open when absent. */
export interface ReportPeriod {
  from?: string | undefined;
  to?: string | undefined;
}

export type ReportName = 'sources' | 'referrals' | 'reasons' | 'exit-reasons' | 'thank-yous' | 'concentration';

/** The acquisition reports: where customers came from, and whom they brought. */
export const reportsApi = {
  sources: (period: ReportPeriod, signal?: AbortSignal) => request('GET', '/reports/sources', { query: { ...period }, signal, schema: sourcesReportSchema }),
  referrals: (period: ReportPeriod, signal?: AbortSignal) => request('GET', '/reports/referrals', { query: { ...period }, signal, schema: referralsReportSchema }),
};

/** The address of a report as a file (a plain link: the browser streams the download), headers in `lang`. */
export function reportExportUrl(report: ReportName, format: 'csv' | 'xlsx', lang: Locale, period: ReportPeriod, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams({ ...extra, format, lang });
  if (period.from) params.set('from', period.from);
  if (period.to) params.set('to', period.to);
  return `/api/v1/reports/${report}/export?${params}`;
}
