import { isApiError } from '../../api/ApiError.ts';
import type { TFunction } from '../../i18n/i18nContext.ts';

const KEYS: Readonly<Record<string, string>> = {
  'referrals.cycle': 'referrals.errors.cycle',
  'referrals.self': 'referrals.errors.self',
  'referrals.unknown_code': 'referrals.errors.unknownCode',
  'referrals.unknown_referrer': 'referrals.errors.unknownReferrer',
};

/**
 * A refused referrer in words, naming the loop it would make ("Anna → Boris → Anna": the server
 * sends the path in the error's details); null for failures that are not the referrals' own.
 */
export function referralErrorText(t: TFunction, error: unknown, code = ''): string | null {
  if (!isApiError(error)) return null;
  const key = KEYS[error.code];
  if (!key) return null;
  const steps = (error.details as { path?: unknown } | null | undefined)?.path;
  const path = Array.isArray(steps) ? steps.filter((step): step is string => typeof step === 'string').join(' → ') : '';
  return t(key, { path, code });
}

/** Whether the referral code typed is the problem (shown under it rather than above the form). */
export const isUnknownCode = (error: unknown) => isApiError(error) && error.code === 'referrals.unknown_code';
