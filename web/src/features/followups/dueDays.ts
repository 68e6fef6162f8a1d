/** The quick picks of a follow-up's due day, from today (a YYYY-MM-DD in the workspace time zone). */
export const QUICK_PICKS = ['tomorrow', 'in3Days', 'inWeek', 'in2Weeks', 'inMonth'] as const;
export type QuickPick = (typeof QUICK_PICKS)[number];

const DAYS: Record<Exclude<QuickPick, 'inMonth'>, number> = { tomorrow: 1, in3Days: 3, inWeek: 7, in2Weeks: 14 };

function parts(day: string): [number, number, number] {
  return [Number(day.slice(0, 4)), Number(day.slice(5, 7)), Number(day.slice(8, 10))];
}
function format(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** `day` plus `count` calendar days (negative goes back). */
export function addDays(day: string, count: number): string {
  const [year, month, date] = parts(day);
  return format(new Date(Date.UTC(year, month - 1, date + count)));
}

/** The same day next month, or its last day when it has fewer (31 Jan → 28/29 Feb). */
export function addMonth(day: string): string {
  const [year, month, date] = parts(day);
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return format(new Date(Date.UTC(year, month, Math.min(date, last))));
}

export function quickPickDay(pick: QuickPick, today: string): string {
  return pick === 'inMonth' ? addMonth(today) : addDays(today, DAYS[pick]);
}

/** The pick that gives `day`, if one does. */
export function matchingPick(day: string, today: string): QuickPick | null {
  return QUICK_PICKS.find((pick) => quickPickDay(pick, today) === day) ?? null;
}

/** Days from today to `day`: negative when it is past (the follow-up will be overdue). */
export function daysFrom(today: string, day: string): number {
  const [y1, m1, d1] = parts(today);
  const [y2, m2, d2] = parts(day);
  return Math.round((Date.UTC(y2, m2 - 1, d2) - Date.UTC(y1, m1 - 1, d1)) / 86_400_000);
}

export const isDay = (value: string): boolean => /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));
