import type { TFunction } from '../../i18n/i18nContext.ts';

/** "Follow-ups made for 30 customers (2 skipped)." */
export function bulkFollowUpSentence(t: TFunction, { created, skipped }: { created: number; skipped: number }): string {
  const made = t('followUps.bulk.done', { count: created });
  return skipped > 0 ? `${made} ${t('followUps.bulk.skipped', { count: skipped })}` : made;
}
