import type { WinbackEntry } from '../../api/winbackApi.ts';
import type { TFunction } from '../../i18n/i18nContext.ts';

/** "every ~45 days", with where the rhythm came from when it is not the customer's own. */
export function rhythmText(t: TFunction, entry: Pick<WinbackEntry, 'usualGapDays' | 'gapSource'>): string {
  if (entry.usualGapDays === null) return t('winback.rhythm.unknown');
  const every = t('winback.rhythm.every', { count: Math.max(1, Math.round(entry.usualGapDays)) });
  if (entry.gapSource === 'workspace') return `${every} ${t('winback.rhythm.workspace')}`;
  if (entry.gapSource === 'default') return `${every} ${t('winback.rhythm.default')}`;
  return every;
}

export type WinbackActionName = 'call' | 'ask_why' | 'coupon';

/**
 * Why an action cannot be taken for this customer (a catalogue key), or null when it can.
 * Both emails need an address; the code is marketing, so it also needs consent.
 */
export function actionBlocker(entry: Pick<WinbackEntry, 'email' | 'consent'>, action: WinbackActionName): string | null {
  if (action === 'call') return null;
  if (!entry.email) return 'winback.blocked.noEmail';
  if (action === 'coupon' && !entry.consent) return 'winback.blocked.noConsent';
  return null;
}
