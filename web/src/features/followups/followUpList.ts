import type { FollowUp } from '@contracts/followups.ts';

/** Open ones by due day (earliest, so overdue, first); the closed ones in the server's order (latest closed first). */
export function splitFollowUps(items: readonly FollowUp[]): { open: FollowUp[]; closed: FollowUp[] } {
  const open = items.filter((item) => item.status === 'open').toSorted((a, b) => a.dueOn.localeCompare(b.dueOn) || a.createdAt.localeCompare(b.createdAt));
  const closed = items.filter((item) => item.status !== 'open');
  return { open, closed };
}

/** A short quote of a timeline item for a follow-up's note: the first line, cut at a word near `max` characters. */
export function quoteOf(text: string, max = 120): string {
  const line = text.trim().split(/\r?\n/).find((part) => part.trim() !== '')?.trim() ?? '';
  if (line.length <= max) return line;
  const cut = line.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.!?-]+$/, '')}…`;
}
