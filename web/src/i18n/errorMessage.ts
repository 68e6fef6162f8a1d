import { isApiError } from '../api/ApiError.ts';
import type { TFunction } from './i18nContext.ts';

/**
 * A failure in the user's language, by its stable code (`errors.<code>` in the catalogues).
 * Codes the catalogue does not know yet get the generic message, never the raw English one.
 */
export function errorMessage(t: TFunction, has: (key: string) => boolean, error: unknown): string {
  if (!isApiError(error)) return t('errors.generic');
  if (error.code === 'auth.rate_limited') {
    const seconds = (error.details as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds;
    const minutes = typeof seconds === 'number' ? Math.max(1, Math.ceil(seconds / 60)) : 1;
    return t('errors.auth.rate_limited', { count: minutes });
  }
  const key = `errors.${error.code}`;
  if (has(key) || has(`${key}_other`)) return t(key);
  return error.status >= 500 ? t('errors.internal.error') : t('errors.generic');
}
