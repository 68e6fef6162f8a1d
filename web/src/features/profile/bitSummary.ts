import { LAPSE_STATES, TIERS } from '@contracts/analytics.ts';

interface BitFormatters {
  t: (key: string) => string;
  money: (minorUnits: number, currency: string) => string;
}

const MONEY = /^(-?\d+) ([A-Z]{3})$/;

/**
 * A known bit's summary in words. The server sends machine values for the value bits
 * ("72100 EUR", "gold", "at_risk"); anything else is shown as it came.
 */
export function bitSummaryText(key: string, summary: string | null, { t, money }: BitFormatters): string {
  if (summary === null) return '';
  if (key === 'value') {
    const match = MONEY.exec(summary.trim());
    return match ? money(Number(match[1]), match[2]!) : summary;
  }
  if (key === 'tier' && (TIERS as readonly string[]).includes(summary)) return t(`value.tier.${summary}`);
  if (key === 'risk' && (LAPSE_STATES as readonly string[]).includes(summary)) return t(`value.lapse.${summary}`);
  return summary;
}
