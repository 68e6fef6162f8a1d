import type { SourceReportRow } from '@contracts/acquisition-reports.ts';
import type { Filter } from '@contracts/customers.ts';
import type { ReportPeriod } from '../../api/reportsApi.ts';
import { DEFAULT_LIST_STATE, listStateToParams } from '../customers/listState.ts';

/** The columns the list opens with from a report: who they are and what they are worth. */
export const LIKE_THESE_COLUMNS: readonly string[] = ['name', 'kind', 'tier', 'revenueLifetime', 'revenue365', 'purchases', 'clv', 'lastPurchaseAt'];

/** The customers a row of the Sources report counts, as list filters: its source, channel or campaign, acquired in the period. */
export function sourceRowFilters(row: SourceReportRow, period: ReportPeriod): Filter[] {
  const filters: Filter[] = [];
  if (row.level === 'channel' && row.channel !== null) filters.push({ field: 'channel', op: 'eq', value: row.channel });
  if (row.level === 'source') filters.push(row.sourceId === null ? { field: 'source', op: 'empty' } : { field: 'source', op: 'eq', value: row.sourceId });
  if (row.level === 'campaign' && row.campaignId !== null) filters.push({ field: 'campaign', op: 'eq', value: row.campaignId });
  if (period.from) filters.push({ field: 'acquired', op: 'gte', value: period.from });
  if (period.to) filters.push({ field: 'acquired', op: 'lte', value: period.to });
  return filters;
}

/** The customer list for these filters, with the value columns, most valuable first: ready to be saved as a view. */
export function customersLikeTheseUrl(filters: Filter[]): string {
  const params = listStateToParams({ ...DEFAULT_LIST_STATE, filters, columns: [...LIKE_THESE_COLUMNS], sort: 'revenueLifetime', order: 'desc' });
  return `/customers?${params.toString()}`;
}
