import type { RepeatSummary } from './bgnbd.ts';
import type { SpendSummary } from './gamma-gamma.ts';

/** A purchase (or, with `refund`, money given back) as the models see it: its calendar day (days since 1970-01-01) and its value. */
export interface DayPurchase {
  day: number;
  value: number;
  refund?: boolean;
}

export type CustomerSummary = RepeatSummary & SpendSummary & { firstDay: number; lastDay: number; purchaseDays: number };

/**
 * One customer's purchases up to and including `untilDay`, as the models count them: days
 * with purchases, the first not being a repeat (several purchases on one day count as one,
 * their values added); tx and T in `unitDays`-day units; m the mean value of the repeat days,
 * times the share of the customer's sales not refunded (so refunds lower it, whenever they
 * happen). Null for a customer with no purchase by then.
 */
export function summarisePurchases(purchases: readonly DayPurchase[], untilDay: number, unitDays: number): CustomerSummary | null {
  const days = new Map<number, number>();
  let sales = 0;
  let refunds = 0;
  for (const p of purchases) {
    if (p.day > untilDay) continue;
    if (p.refund) {
      refunds += Math.abs(p.value);
      continue;
    }
    days.set(p.day, (days.get(p.day) ?? 0) + p.value);
    sales += p.value;
  }
  if (days.size === 0) return null;
  const kept = refunds === 0 ? 1 : sales > 0 ? Math.min(1, Math.max(0, (sales - refunds) / sales)) : 0;
  const sorted = [...days.keys()].toSorted((a, b) => a - b);
  const first = sorted[0]!;
  const last = sorted.at(-1)!;
  let repeatValue = 0;
  for (const day of sorted.slice(1)) repeatValue += days.get(day)!;
  const x = sorted.length - 1;
  return { x, tx: (last - first) / unitDays, T: (untilDay - first) / unitDays, m: x > 0 ? (repeatValue * kept) / x : 0, firstDay: first, lastDay: last, purchaseDays: sorted.length };
}

/** Days since 1970-01-01 of a `YYYY-MM-DD` date (or of the date part of an ISO instant). */
export function dayNumber(date: string): number {
  return Math.floor(Date.parse(`${date.slice(0, 10)}T00:00:00Z`) / 86_400_000);
}

export function dayToDate(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The calendar day (days since 1970-01-01) of an instant in a time zone. Offsets are
 * looked up once per hour of time and cached: a recompute turns every purchase into a day.
 */
export function dayInZone(timeZone: string): (ms: number) => number {
  const format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', hourCycle: 'h23' });
  const offsets = new Map<number, number>();
  return (ms) => {
    const hour = Math.floor(ms / 3_600_000);
    let offset = offsets.get(hour);
    if (offset === undefined) {
      const parts = Object.fromEntries(format.formatToParts(hour * 3_600_000).map((p) => [p.type, p.value]));
      offset = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour)) - hour * 3_600_000;
      offsets.set(hour, offset);
    }
    return Math.floor((ms + offset) / 86_400_000);
  };
}
