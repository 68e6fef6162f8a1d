import type { ReportPeriod } from '../../api/reportsApi.ts';

export const PERIOD_PRESETS = ['12m', 'year', 'all', 'custom'] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];

export interface PeriodChoice extends ReportPeriod {
  preset: PeriodPreset;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Today ("YYYY-MM-DD") in a time zone: acquisition days are the workspace's calendar days. */
export function todayIn(timeZone: string | undefined, now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/**
 * The days a preset covers, up to `today`. "Last 12 months" is this month and the eleven
 * before it, from the first of the month, so the trend shows twelve whole bars.
 */
export function presetPeriod(preset: Exclude<PeriodPreset, 'custom'>, today: string): ReportPeriod {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  if (preset === 'all') return {};
  if (preset === 'year') return { from: `${year}-01-01`, to: today };
  const start = year * 12 + (month - 1) - 11;
  return { from: `${Math.floor(start / 12)}-${String((start % 12) + 1).padStart(2, '0')}-01`, to: today };
}

/** The period in the address: `?period=12m|year|all`, or `?from=&to=` for days of one's own; the last 12 months by default. */
export function readPeriod(params: URLSearchParams, today: string): PeriodChoice {
  const from = validDay(params.get('from'));
  const to = validDay(params.get('to'));
  if (from !== undefined || to !== undefined) return { preset: 'custom', from, to };
  const named = params.get('period');
  const preset = named === 'year' || named === 'all' || named === 'custom' ? named : '12m';
  return preset === 'custom' ? { preset } : { preset, ...presetPeriod(preset, today) };
}

/** The address parameters of a choice (the inverse of readPeriod). */
export function periodParams(choice: PeriodChoice): URLSearchParams {
  const params = new URLSearchParams();
  if (choice.preset !== 'custom') {
    if (choice.preset !== '12m') params.set('period', choice.preset);
    return params;
  }
  if (choice.from) params.set('from', choice.from);
  if (choice.to) params.set('to', choice.to);
  if (!choice.from && !choice.to) params.set('period', 'custom');
  return params;
}

/** What is sent to the server: the ends only, and none that ends before it starts. */
export function queryPeriod(choice: PeriodChoice): ReportPeriod {
  if (choice.from && choice.to && choice.to < choice.from) return { from: choice.to, to: choice.from };
  return { ...(choice.from && { from: choice.from }), ...(choice.to && { to: choice.to }) };
}

function validDay(value: string | null): string | undefined {
  return value && DAY.test(value) ? value : undefined;
}
