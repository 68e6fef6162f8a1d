import type { ReasonsReport } from '@contracts/reasons.ts';

/**
 * Which catalogue sentence the reasons report's headline is, and its words: gold and the rest
 * when both chose something, one of them alone, or none (no reason recorded).
 */
export function reasonsHeadline(headline: ReasonsReport['headline'], percent: (share: number) => string): { key: string; vars: Record<string, string> } | null {
  const { gold, rest } = headline;
  if (gold && rest) {
    if (gold.reason === rest.reason) return { key: 'reasonsReport.headline.same', vars: { reason: gold.reason, gold: percent(gold.share), rest: percent(rest.share) } };
    return { key: 'reasonsReport.headline.both', vars: { gold: gold.reason, goldShare: percent(gold.share), rest: rest.reason, restShare: percent(rest.share) } };
  }
  if (gold) return { key: 'reasonsReport.headline.goldOnly', vars: { reason: gold.reason, share: percent(gold.share) } };
  if (rest) return { key: 'reasonsReport.headline.restOnly', vars: { reason: rest.reason, share: percent(rest.share) } };
  return null;
}
