import type { TodayQueue } from '@contracts/today.ts';
import { describe, expect, it } from 'vitest';
import { formatChange, longDay, orderFollowUps, weekChange, withoutItem } from './todayModel.ts';

const percent = (share: number) => new Intl.NumberFormat('en', { style: 'percent', maximumFractionDigits: 0 }).format(share);

describe('weekChange', () => {
  it('compares with last week as a share of it', () => {
    expect(weekChange(150, 100)).toEqual({ direction: 'up', share: 0.5 });
    expect(weekChange(60, 100)).toEqual({ direction: 'down', share: -0.4 });
    expect(weekChange(100, 100)).toEqual({ direction: 'same', share: 0 });
  });
  it('has no share when last week had nothing', () => {
    expect(weekChange(5, 0)).toEqual({ direction: 'up', share: null });
    expect(weekChange(0, 0)).toEqual({ direction: 'same', share: null });
  });
});

describe('formatChange', () => {
  it('signs the rounded percent', () => {
    expect(formatChange(weekChange(150, 100), percent)).toBe('+50%');
    expect(formatChange(weekChange(60, 100), percent)).toBe('−40%');
    expect(formatChange(weekChange(100, 100), percent)).toBe('0%');
  });
  it('never reads +0% for a real change', () => {
    expect(formatChange(weekChange(100_001, 100_000), percent)).toBe('+<1%');
    expect(formatChange(weekChange(99_999, 100_000), percent)).toBe('−<1%');
  });
  it('is null with nothing to compare with', () => {
    expect(formatChange(weekChange(3, 0), percent)).toBeNull();
  });
});

const item = (key: string, assignee: { id: string; name: string } | null | undefined) =>
  ({ section: 'followUpsDue', key, customerId: key, customerName: key, reason: '', tier: null, email: null, phone: null, valueAtStakeMinor: null, day: '2026-12-07', ...(assignee !== undefined && { followUp: { assignee } }) }) as never;

describe('orderFollowUps', () => {
  it('puts mine first, then the team’s, then others’, keeping the order within each', () => {
    const me = { id: 'me', name: 'Me' };
    const other = { id: 'x', name: 'X' };
    const items = [item('a', other), item('b', null), item('c', me), item('d', null), item('e', me)];
    expect(orderFollowUps(items, 'me').map((i) => i.key)).toEqual(['c', 'e', 'b', 'd', 'a']);
  });
});

describe('withoutItem', () => {
  const empty = { count: 0, items: [] };
  const queue = {
    today: '2026-12-07',
    sections: { followUpsDue: { count: 7, items: [item('a', null), item('b', null)] }, thanksOwed: empty, goldDrifting: empty, lapsedToAsk: empty, keyDates: empty, newCustomers: empty },
  } as unknown as TodayQueue;
  it('drops the item and counts one less', () => {
    const next = withoutItem(queue, 'followUpsDue', 'a');
    expect(next.sections.followUpsDue.items.map((i) => i.key)).toEqual(['b']);
    expect(next.sections.followUpsDue.count).toBe(6);
    expect(queue.sections.followUpsDue.count).toBe(7);
  });
  it('leaves the queue alone when the item is not there', () => {
    expect(withoutItem(queue, 'followUpsDue', 'zzz')).toBe(queue);
  });
});

describe('longDay', () => {
  it('writes the day in full, in the language, without shifting it', () => {
    expect(longDay('2026-12-07', 'en-GB')).toMatch(/^Monday,? 7 December 2026$/);
    expect(longDay('2026-12-07', 'ru')).toMatch(/^понедельник, 7 декабря 2026/);
  });
});
