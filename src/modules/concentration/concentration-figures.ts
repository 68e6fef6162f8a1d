import type { ConcentrationGroup } from '../../contracts/concentration.ts';

export interface GroupTotal {
  groupId: string;
  name: string;
  kind: 'person' | 'organisation';
  revenue: number;
  members: number;
}

const round4 = (x: number) => Math.round(x * 10_000) / 10_000;

/**
 * Shares, top-1, top-5 and the Herfindahl–Hirschman index of one period's groups. Groups whose
 * net revenue is zero or negative hold no share (a share below zero has no meaning): shares are
 * of the positive groups' revenue, so they add up to 1. Shares and sums come from exact
 * fractions, rounded only at the end.
 */
export function concentrationFigures(totals: readonly GroupTotal[]) {
  const positive = totals.filter((g) => g.revenue > 0).toSorted((a, b) => b.revenue - a.revenue || a.name.localeCompare(b.name) || (a.groupId < b.groupId ? -1 : 1));
  const sharedRevenue = positive.reduce((sum, g) => sum + g.revenue, 0);
  const totalRevenue = totals.reduce((sum, g) => sum + g.revenue, 0);
  const exact = positive.map((g) => g.revenue / sharedRevenue);
  const groups: ConcentrationGroup[] = positive.map((g, i) => ({ ...g, share: round4(exact[i]!) }));
  const none = sharedRevenue === 0;
  return {
    totalRevenue,
    sharedRevenue,
    groupCount: positive.length,
    top1Share: none ? null : round4(exact[0]!),
    top5Share: none ? null : round4(exact.slice(0, 5).reduce((sum, s) => sum + s, 0)),
    hhi: none ? null : Math.round(exact.reduce((sum, s) => sum + (100 * s) ** 2, 0) * 10) / 10,
    groups,
  };
}
