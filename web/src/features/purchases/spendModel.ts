export interface MonthSpend {
  month: string;
  currency: string;
  amountMinor: number;
  purchases: number;
}

export interface CurrencyTotal {
  currency: string;
  amountMinor: number;
  purchases: number;
}

/** Lifetime net spend and number of purchases per currency, most purchases first. */
export function totalsByCurrency(months: readonly MonthSpend[]): CurrencyTotal[] {
  const totals = new Map<string, CurrencyTotal>();
  for (const entry of months) {
    const total = totals.get(entry.currency) ?? { currency: entry.currency, amountMinor: 0, purchases: 0 };
    total.amountMinor += entry.amountMinor;
    total.purchases += entry.purchases;
    totals.set(entry.currency, total);
  }
  return [...totals.values()].toSorted((a, b) => b.purchases - a.purchases || a.currency.localeCompare(b.currency));
}

/**
 * Every month from the first with spend in `currency` to `until` (this month, so that a
 * customer who stopped buying shows it), months without any as zero, so the bars keep their
 * place in time; at most the last `limit` months.
 */
export function monthSeries(months: readonly MonthSpend[], currency: string, limit: number, until = ''): MonthSpend[] {
  const byMonth = new Map(months.filter((entry) => entry.currency === currency).map((entry) => [entry.month, entry]));
  const keys = [...byMonth.keys()].toSorted();
  const first = keys[0];
  const latest = keys.at(-1);
  if (!first || !latest) return [];
  const last = until > latest ? until : latest;
  const series: MonthSpend[] = [];
  for (let month = first; month <= last; month = nextMonth(month)) {
    series.push(byMonth.get(month) ?? { month, currency, amountMinor: 0, purchases: 0 });
  }
  return series.slice(-limit);
}

/** "2024-12" → "2025-01". */
export function nextMonth(month: string): string {
  const [year = 0, monthNumber = 0] = month.split('-').map(Number);
  const next = monthNumber === 12 ? { year: year + 1, month: 1 } : { year, month: monthNumber + 1 };
  return `${next.year}-${String(next.month).padStart(2, '0')}`;
}

/** This month ("YYYY-MM") in a time zone. */
export function currentMonth(timeZone: string | undefined, now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit' }).format(now).slice(0, 7);
}
