import type { FollowUp } from '@contracts/followups.ts';
import { describe, expect, it } from 'vitest';
import { quoteOf, splitFollowUps } from './followUpList.ts';

const item = (id: string, status: FollowUp['status'], dueOn: string, doneAt: string | null = null): FollowUp => ({
  id, customerId: 'c', customerName: 'C', dueOn, overdue: false, kind: 'call', assignee: null, note: null, status, skipReason: null,
  rule: null, reason: '', activityId: null, doneAt, doneBy: null, snoozed: 0, createdAt: '2026-01-01T00:00:00Z',
});

describe('splitFollowUps', () => {
  it('lists open ones by due day and keeps the closed ones in the order given', () => {
    const { open, closed } = splitFollowUps([
      item('a', 'open', '2026-12-10'), item('b', 'done', '2026-11-01', '2026-11-02T10:00:00Z'), item('c', 'open', '2026-12-01'),
      item('d', 'skipped', '2026-11-05', '2026-11-06T10:00:00Z'),
    ]);
    expect(open.map((x) => x.id)).toEqual(['c', 'a']);
    expect(closed.map((x) => x.id)).toEqual(['b', 'd']);
  });
});

describe('quoteOf', () => {
  it('keeps a short first line', () => {
    expect(quoteOf('\n  Asked about the blue sofa  \nmore')).toBe('Asked about the blue sofa');
  });
  it('cuts a long line at a word', () => {
    const quote = quoteOf('word '.repeat(60), 20);
    expect(quote.length).toBeLessThanOrEqual(21);
    expect(quote.endsWith('word…')).toBe(true);
  });
});
