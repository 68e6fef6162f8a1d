import type { SourcesReport } from '@contracts/acquisition-reports.ts';
import { nextMonth } from '../purchases/spendModel.ts';

export type TrendMonth = SourcesReport['trend'][number];
export const TREND_METRICS = ['customers', 'revenue90', 'cost'] as const;
export type TrendMetric = (typeof TREND_METRICS)[number];

/** Every month from the first to the last the server sent, those it left out as zero; at most the last `limit`. */
export function trendMonths(trend: readonly TrendMonth[], limit: number): TrendMonth[] {
  const byMonth = new Map(trend.map((entry) => [entry.month, entry]));
  const keys = [...byMonth.keys()].toSorted();
  const first = keys[0];
  const last = keys.at(-1);
  if (!first || !last) return [];
  const filled: TrendMonth[] = [];
  for (let month = first; month <= last; month = nextMonth(month)) {
    filled.push(byMonth.get(month) ?? { month, customers: 0, buyers: 0, revenue90: 0, revenue: 0, cost: 0 });
  }
  return filled.slice(-limit);
}
