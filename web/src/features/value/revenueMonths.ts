import { nextMonth } from '../purchases/spendModel.ts';

export interface RevenueMonth {
  month: string;
  revenueMinor: number;
  profitMinor: number | null;
  buyers: number;
}

/** Every month from the first to the last the server sent, months it left out as zero; at most the last `limit`. */
export function fillMonths(months: readonly RevenueMonth[], limit: number): RevenueMonth[] {
  const byMonth = new Map(months.map((entry) => [entry.month, entry]));
  const keys = [...byMonth.keys()].toSorted();
  const first = keys[0];
  const last = keys.at(-1);
  if (!first || !last) return [];
  const filled: RevenueMonth[] = [];
  for (let month = first; month <= last; month = nextMonth(month)) {
    filled.push(byMonth.get(month) ?? { month, revenueMinor: 0, profitMinor: null, buyers: 0 });
  }
  return filled.slice(-limit);
}
