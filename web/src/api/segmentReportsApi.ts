import type { Locale } from '@contracts/common.ts';
import { campaignResponseSchema, pivotSchema, profitReportSchema, type Measure, type PeriodUnit } from '@contracts/reports.ts';
import { request } from './apiClient.ts';

/** What the profit report is asked for: a dimension spec (`segment:<id>,<id>`, `tier`, `attribute:<key>`…), the period unit, the days and a filter. */
export interface ProfitQuery {
  by: string;
  period: PeriodUnit;
  from?: string | undefined;
  to?: string | undefined;
  filter?: string | undefined;
}

/** What the pivot is asked for: rows by a dimension, columns by a period unit or another dimension, one figure. */
export interface PivotQuery {
  rows: string;
  columns: string;
  value: Measure;
  from?: string | undefined;
  to?: string | undefined;
  filter?: string | undefined;
}

/** Only the parameters that are set (an empty filter is no filter). */
function clean(query: object): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(query)) if (typeof value === 'string' && value.trim() !== '') out[key] = value;
  return out;
}

const responsePath = (campaignId: string) => `/reports/campaigns/${encodeURIComponent(campaignId)}/response`;

/** Reports by segment (or any dimension): profit over time, a pivot, a campaign's response. */
export const segmentReportsApi = {
  profit: (query: ProfitQuery, lang: Locale, signal?: AbortSignal) => request('GET', '/reports/profit', { query: { ...clean(query), lang }, signal, schema: profitReportSchema }),
  pivot: (query: PivotQuery, lang: Locale, signal?: AbortSignal) => request('GET', '/reports/pivot', { query: { ...clean(query), lang }, signal, schema: pivotSchema }),
  response: (campaignId: string, by: string, lang: Locale, signal?: AbortSignal) => request('GET', responsePath(campaignId), { query: { by, lang }, signal, schema: campaignResponseSchema }),
};

/** The address of one of these reports as a file (a plain link: the browser downloads), with the same query. */
export function segmentReportExportUrl(report: 'profit' | 'pivot' | { campaignId: string }, query: object, format: 'csv' | 'xlsx', lang: Locale): string {
  const path = typeof report === 'string' ? `/reports/${report}` : responsePath(report.campaignId);
  const params = new URLSearchParams({ ...clean(query), format, lang });
  return `/api/v1${path}/export?${params}`;
}
