import type { BIT_KEYS } from '@contracts/customers.ts';
import { useT } from '../../i18n/i18nContext.ts';
import { useFormat } from '../../i18n/useFormat.ts';
import { useOwedThanks, useThankYous } from '../thanks/useThanks.ts';
import { referralBitLines, sourceBitLines, thanksBitLines } from './bitSummary.ts';
import { useAcquisition } from './useAcquisition.ts';
import { useReferrals } from './useReferrals.ts';

export type BitKey = (typeof BIT_KEYS)[number];
/** A bit's lines in words; no lines: unknown. */
export type BitLines = Partial<Record<BitKey, string[]>>;

/**
 * The source, referrals and thanks bits in full (the acquisition day, who of their referrals bought, the
 * network's revenue), from the same queries as their sections; until those load, the bits show
 * the profile's short summary.
 */
export function useDetailedBits(customerId: string): BitLines {
  const t = useT();
  const format = useFormat();
  const acquisition = useAcquisition(customerId);
  const referrals = useReferrals(customerId);
  const thankYous = useThankYous(customerId);
  const owed = useOwedThanks({ status: 'owed', customerId });
  const formatters = { t, money: format.money, day: format.day };
  return {
    ...(acquisition.data && { source: sourceBitLines(acquisition.data, formatters) }),
    ...(referrals.data && { referrals: referralBitLines(referrals.data, formatters) }),
    ...(thankYous.data && owed.data && { thanks: thanksBitLines(thankYous.data, owed.data, formatters) }),
  };
}
