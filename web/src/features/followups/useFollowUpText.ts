import type { FollowUp } from '@contracts/followups.ts';
import { useT } from '../../i18n/i18nContext.ts';
import { useFormat } from '../../i18n/useFormat.ts';

/** "call on 12 Dec": a follow-up in a few words, for buttons' names and the key dates. */
export function useFollowUpText() {
  const t = useT();
  const format = useFormat();
  return (followUp: Pick<FollowUp, 'kind' | 'dueOn'>) => t('followUps.what', { kind: t(`followUps.kindsLower.${followUp.kind}`), day: format.day(followUp.dueOn) });
}
