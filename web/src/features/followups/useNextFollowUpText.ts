import { useFormat } from '../../i18n/useFormat.ts';
import { splitFollowUps } from './followUpList.ts';
import { useCustomerFollowUps } from './useFollowUps.ts';
import { useFollowUpText } from './useFollowUpText.ts';

/**
 * The customer's next follow-up in a few words ("call on 12 Dec"): the earliest open one,
 * else the profile's next follow-up day, else null.
 */
export function useNextFollowUpText(customerId: string, nextFollowUp: string | null | undefined): string | null {
  const format = useFormat();
  const describe = useFollowUpText();
  const followUps = useCustomerFollowUps(customerId);
  const first = splitFollowUps(followUps.data ?? []).open[0];
  if (first) return describe(first);
  return nextFollowUp ? format.day(nextFollowUp) : null;
}
