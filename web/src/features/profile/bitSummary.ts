import { LAPSE_STATES, TIERS } from '@contracts/analytics.ts';
import type { ReferralsOf } from '@contracts/referrals.ts';
import type { Acquisition } from '@contracts/sources.ts';

interface BitFormatters {
  t: (key: string, vars?: Record<string, string | number | undefined>) => string;
  money: (minorUnits: number, currency: string) => string;
}

interface DetailFormatters extends BitFormatters {
  /** A calendar date, YYYY-MM-DD. */
  day: (value: string) => string;
}

const MONEY = /^(-?\d+) ([A-Z]{3})$/;

/**
 * A known bit's summary in words. The server sends machine values for the value bits
 * ("72100 EUR", "gold", "at_risk") and the referrals bit ({"referredBy", "referred"});
 * anything else ("Online → Instagram") is shown as it came.
 */
export function bitSummaryText(key: string, summary: string | null, { t, money }: BitFormatters): string {
  if (summary === null) return '';
  if (key === 'value') {
    const match = MONEY.exec(summary.trim());
    return match ? money(Number(match[1]), match[2]!) : summary;
  }
  if (key === 'tier' && (TIERS as readonly string[]).includes(summary)) return t(`value.tier.${summary}`);
  if (key === 'risk' && (LAPSE_STATES as readonly string[]).includes(summary)) return t(`value.lapse.${summary}`);
  // Marked lost by a person, with the exit reason: "lost:Moved away".
  if (key === 'risk' && summary.startsWith('lost:')) return t('reasons.bit.lost', { reason: summary.slice(5) || '?' });
  if (key === 'referrals') return referralSummaryText(summary, t) ?? summary;
  return summary;
}

function referralSummaryText(summary: string, t: BitFormatters['t']): string | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(summary);
  } catch {
    return null;
  }
  const { referredBy, referred } = (parsed ?? {}) as { referredBy?: unknown; referred?: unknown };
  const parts = [
    ...(typeof referredBy === 'string' ? [t('referrals.bit.referredBy', { name: referredBy })] : []),
    ...(typeof referred === 'number' && referred > 0 ? [t('referrals.bit.referredCount', { count: referred })] : []),
  ];
  return parts.length > 0 ? parts.join(' · ') : null;
}

/** The source bit from the customer's acquisition: "Online → Instagram", then the day they came; none when unknown. */
export function sourceBitLines(acquisition: Pick<Acquisition, 'source' | 'acquiredOn'>, { t, day }: DetailFormatters): string[] {
  const { source, acquiredOn } = acquisition;
  if (!source) return [];
  return [`${source.channel} → ${source.name}`, ...(acquiredOn ? [t('acquisition.bit.acquiredOn', { date: day(acquiredOn) })] : [])];
}

/** The referrals bit, a line each: who referred them, whom they referred (and how many of those bought), the network's revenue. */
export function referralBitLines(
  referrals: Pick<ReferralsOf, 'referredBy' | 'referrals' | 'buyers' | 'networkRevenueMinor' | 'currency'>,
  { t, money }: BitFormatters,
): string[] {
  const lines: string[] = [];
  if (referrals.referredBy) lines.push(t('referrals.bit.referredBy', { name: referrals.referredBy.name }));
  if (referrals.referrals > 0) {
    lines.push(t('referrals.bit.referred', { count: referrals.referrals, buyers: referrals.buyers }));
    lines.push(t('referrals.bit.network', { revenue: money(referrals.networkRevenueMinor, referrals.currency) }));
  }
  return lines;
}

/**
 * The thanks bit: what is owed first (it asks for action), then the latest thank-you's kind and
 * day; "not yet" when neither. Both lists are newest first, as the server sends them.
 */
export function thanksBitLines(
  thankYous: readonly { kind: string; givenOn: string }[],
  owed: readonly { rule: string }[],
  { t, day }: Pick<DetailFormatters, 't' | 'day'>,
): string[] {
  const latest = thankYous[0];
  const lines = [
    ...(owed[0] ? [t('thanks.bit.owed', { rule: t(`thanks.rules.${owed[0].rule}.name`) })] : []),
    ...(latest ? [t('thanks.bit.latest', { kind: t(`thanks.kinds.${latest.kind}`), date: day(latest.givenOn) })] : []),
  ];
  return lines.length > 0 ? lines : [t('thanks.bit.notYet')];
}
