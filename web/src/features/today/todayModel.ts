import type { TodayItem, TodayQueue } from '../../api/todayApi.ts';

export type Direction = 'up' | 'down' | 'same';
export interface WeekChange {
  direction: Direction;
  /** The change as a share of last week's figure (0.25 = +25%); null when last week had nothing to compare with. */
  share: number | null;
}

/** How this week's figure compares with last week's (the same days). */
export function weekChange(current: number, previous: number): WeekChange {
  const direction: Direction = current > previous ? 'up' : current < previous ? 'down' : 'same';
  const share = previous === 0 ? null : (current - previous) / Math.abs(previous);
  return { direction, share };
}

/**
 * The change in words' clothing: "+25%", "−40%", "0%"; rounded to whole percent, never "+0%" for
 * a real change (a tiny rise reads "+<1%"). Null when there is nothing to compare with.
 */
export function formatChange(change: WeekChange, percent: (share: number) => string): string | null {
  if (change.share === null) return null;
  if (change.direction === 'same') return percent(0);
  const size = Math.abs(change.share);
  const sign = change.direction === 'up' ? '+' : '−';
  return size < 0.005 ? `${sign}<${percent(0.01)}` : `${sign}${percent(size)}`;
}

/** The queue without one item, its section's count one less: what the page shows the moment it is done. */
export function withoutItem(queue: TodayQueue, section: TodayItem['section'], key: string): TodayQueue {
  const current = queue.sections[section];
  const items = current.items.filter((item) => item.key !== key);
  if (items.length === current.items.length) return queue;
  return { ...queue, sections: { ...queue.sections, [section]: { count: Math.max(0, current.count - 1), items } } };
}

/** Follow-ups: the reader's own first, then the whole team's, then the rest; the server's order within each. */
export function orderFollowUps(items: readonly TodayItem[], userId: string): TodayItem[] {
  const rank = (item: TodayItem) => (item.followUp?.assignee?.id === userId ? 0 : item.followUp?.assignee === null ? 1 : 2);
  return items.map((item, index) => ({ item, index })).toSorted((a, b) => rank(a.item) - rank(b.item) || a.index - b.index).map(({ item }) => item);
}

/** "Monday, 7 December 2026": a calendar day (YYYY-MM-DD, already in the workspace zone), never shifted. */
export function longDay(day: string, locale: string): string {
  const date = new Date(`${day.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return day;
  return new Intl.DateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);
}
