import { summarisePurchases, type CustomerSummary } from './repeat-summaries.ts';

/** A purchase or refund as the value metrics read it (base currency only). */
export interface LedgerEntry {
  /** Milliseconds since the epoch. */
  at: number;
  /** Calendar day in the workspace's time zone, as days since 1970-01-01. */
  day: number;
  sale: boolean;
  amount: number;
  cost: number | null;
}

export const WINDOW_DAYS = { days30: 30, days90: 90, days365: 365 } as const;

/** What one customer's ledger adds up to, as of `today`. Everything the scoring needs, nothing relative to other customers. */
export interface CustomerAggregates {
  customerId: string;
  revenue: { days30: number; days90: number; days365: number; lifetime: number };
  profit: { days30: number | null; days90: number | null; days365: number | null; lifetime: number | null };
  /** The same windows as of the end of the previous period. */
  previousWindows: { days30: number; days90: number; days365: number; lifetime: number; profit: CustomerAggregates['profit'] };
  /** Revenue of the 365 days before the last 365, for the trend. */
  revenuePrior365: number;
  purchases: number;
  firstPurchaseAt: number | null;
  lastPurchaseAt: number | null;
  averageOrder: number | null;
  averageGapDays: number | null;
  daysSinceLastPurchase: number | null;
  /** Revenue divided into profit over the purchases whose cost is known; null when none is. */
  margin: number | null;
  /** The BG/NBD and Gamma-Gamma inputs in weeks, up to today; null without a purchase. */
  model: CustomerSummary | null;
  /** Distinct days with a sale, ascending (the holdout tracking re-cuts them at another date). */
  saleDays: number[];
  /** Revenue (and profit) per month key `YYYY-MM` of the workspace time zone. */
  months: Map<string, { revenue: number; profit: number | null }>;
}

export interface AggregateOptions {
  today: number;
  /** The last day of the previous period: the tier there is the one "entered" and "left" compare with. */
  previousPeriodEnd: number;
  monthOf: (day: number) => string;
}

function add(target: Record<string, number | null>, key: string, value: number): void {
  target[key] = (target[key] ?? 0) + value;
}

/**
 * Sums one customer's entries (any order). Refunds subtract from revenue, their day's value
 * and the purchase values the spend model sees; only sales make purchase days.
 */
export function aggregateCustomer(customerId: string, entries: readonly LedgerEntry[], options: AggregateOptions): CustomerAggregates {
  const { today, previousPeriodEnd } = options;
  const revenue = { days30: 0, days90: 0, days365: 0, lifetime: 0 };
  const profit: CustomerAggregates['profit'] = { days30: null, days90: null, days365: null, lifetime: null };
  const previous: CustomerAggregates['previousWindows'] = { days30: 0, days90: 0, days365: 0, lifetime: 0, profit: { days30: null, days90: null, days365: null, lifetime: null } };
  let revenuePrior365 = 0;
  let purchases = 0;
  let costedRevenue = 0;
  let costedProfit = 0;
  let first: LedgerEntry | null = null;
  let last: LedgerEntry | null = null;
  const saleDays = new Set<number>();
  const months = new Map<string, { revenue: number; profit: number | null }>();
  for (const e of entries) {
    if (e.day > today) continue;
    const margin = e.cost === null ? null : e.amount - e.cost;
    revenue.lifetime += e.amount;
    if (margin !== null) add(profit, 'lifetime', margin);
    for (const [key, days] of Object.entries(WINDOW_DAYS)) {
      if (e.day > today - days) {
        revenue[key as keyof typeof WINDOW_DAYS] += e.amount;
        if (margin !== null) add(profit, key, margin);
      }
      if (e.day <= previousPeriodEnd && e.day > previousPeriodEnd - days) {
        previous[key as keyof typeof WINDOW_DAYS] += e.amount;
        if (margin !== null) add(previous.profit, key, margin);
      }
    }
    if (e.day <= previousPeriodEnd) {
      previous.lifetime += e.amount;
      if (margin !== null) add(previous.profit, 'lifetime', margin);
    }
    if (e.day <= today - 365 && e.day > today - 730) revenuePrior365 += e.amount;
    if (e.cost !== null) {
      costedRevenue += e.amount;
      costedProfit += e.amount - e.cost;
    }
    const month = options.monthOf(e.day);
    const m = months.get(month) ?? { revenue: 0, profit: null };
    m.revenue += e.amount;
    if (margin !== null) m.profit = (m.profit ?? 0) + margin;
    months.set(month, m);
    if (e.sale) {
      purchases++;
      saleDays.add(e.day);
      if (!first || e.at < first.at) first = e;
      if (!last || e.at > last.at) last = e;
    }
  }
  const days = [...saleDays].toSorted((a, b) => a - b);
  const model = summarisePurchases(entries.map((e) => ({ day: e.day, value: e.sale ? e.amount : -e.amount, refund: !e.sale })), today, 7);
  return {
    customerId,
    revenue,
    profit,
    previousWindows: previous,
    revenuePrior365,
    purchases,
    firstPurchaseAt: first?.at ?? null,
    lastPurchaseAt: last?.at ?? null,
    averageOrder: purchases > 0 ? Math.round(revenue.lifetime / purchases) : null,
    averageGapDays: days.length >= 2 ? (days.at(-1)! - days[0]!) / (days.length - 1) : null,
    daysSinceLastPurchase: last ? today - last.day : null,
    margin: costedRevenue > 0 ? costedProfit / costedRevenue : null,
    model,
    saleDays: days,
    months,
  };
}
