import type { PeriodUnit } from '../../contracts/reports.ts';
import { addDays, startOfDayIn } from '../../shared/days.ts';

/** A report period: its key (2026-03, 2026-Q1, 2026), first and last day, and the instants it spans in the workspace's zone. */
export interface Period {
  key: string;
  from: string;
  to: string;
  start: string;
  end: string;
}

function startOf(day: string, unit: PeriodUnit): string {
  const year = day.slice(0, 4);
  const month = Number(day.slice(5, 7));
  if (unit === 'year') return `${year}-01-01`;
  if (unit === 'quarter') return `${year}-${String(Math.floor((month - 1) / 3) * 3 + 1).padStart(2, '0')}-01`;
  return `${day.slice(0, 7)}-01`;
}

function nextStart(start: string, unit: PeriodUnit): string {
  const months = unit === 'year' ? 12 : unit === 'quarter' ? 3 : 1;
  const total = Number(start.slice(0, 4)) * 12 + Number(start.slice(5, 7)) - 1 + months;
  return `${String(Math.floor(total / 12)).padStart(4, '0')}-${String((total % 12) + 1).padStart(2, '0')}-01`;
}

function keyOf(start: string, unit: PeriodUnit): string {
  if (unit === 'year') return start.slice(0, 4);
  if (unit === 'quarter') return `${start.slice(0, 4)}-Q${Math.floor((Number(start.slice(5, 7)) - 1) / 3) + 1}`;
  return start.slice(0, 7);
}

/** The default range: the period containing today and the ones before it (12 months, 8 quarters or 5 years). */
export function defaultFrom(today: string, unit: PeriodUnit): string {
  let start = startOf(today, unit);
  const back = unit === 'month' ? 11 : unit === 'quarter' ? 7 : 4;
  for (let i = 0; i < back; i++) start = startOf(addDays(start, -1), unit);
  return start;
}

/**
 * The periods from the one containing `from` to the one containing `to`, preceded by one more
 * (for the first period's change). A partial first or last period counts only its days in range.
 */
export function periodsBetween(from: string, to: string, unit: PeriodUnit, zone: string): { previous: Period; periods: Period[] } {
  const list: Period[] = [];
  let start = startOf(addDays(startOf(from, unit), -1), unit);
  while (start <= to && list.length < 400) {
    const next = nextStart(start, unit);
    const first = list.length === 0 ? start : start < from ? from : start;
    const last = addDays(next, -1) > to ? to : addDays(next, -1);
    list.push({ key: keyOf(start, unit), from: first, to: last, start: startOfDayIn(first, zone), end: startOfDayIn(addDays(last, 1), zone) });
    start = next;
  }
  const [previous, ...periods] = list;
  return { previous: previous!, periods };
}
