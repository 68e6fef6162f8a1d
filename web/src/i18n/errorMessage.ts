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
  if (has(key) || has(`${key}_other`)) return t(key, detailVars(error.details));
  return error.status >= 500 ? t('errors.internal.error') : t('errors.generic');
}

/** Facts from an error's details that its message names: an attribute key, the path of a loop. */
function detailVars(details: unknown): Record<string, string> {
  const vars: Record<string, string> = {};
  if (typeof details !== 'object' || details === null) return vars;
  const { key, path } = details as { key?: unknown; path?: unknown };
  if (typeof key === 'string') vars.key = key;
  if (Array.isArray(path)) {
    const names = path.map((step) => (step as { displayName?: unknown } | null)?.displayName).filter((name): name is string => typeof name === 'string');
    // "A → B → A": the loop closes on the organisation it started from.
    if (names.length > 0) vars.path = [...names, ...(names.length > 1 && names[0] !== names.at(-1) ? [names[0]] : [])].join(' → ');
  }
  return vars;
}
