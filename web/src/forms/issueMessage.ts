import type { FieldIssue } from '@contracts/common.ts';
import type { TFunction } from '../i18n/i18nContext.ts';

/** A field issue in the user's language: `validation.<code>` with its numeric/string params. */
export function issueMessage(t: TFunction, has: (key: string) => boolean, issue: FieldIssue): string {
  const params = issue.params ?? {};
  // An empty required text field is "too small" by one character; say "required" instead.
  if (issue.code === 'too_small' && params.minimum === 1 && params.origin === 'string') return t('validation.required');
  const key = `validation.${issue.code}`;
  if (!has(key) && !has(`${key}_other`)) return t('validation.invalid_value');
  const vars: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(params)) {
    if (typeof value === 'number' || typeof value === 'string') vars[name] = value;
  }
  // "at least 10 characters": the plural form follows the number in the message.
  const count = vars.minimum ?? vars.maximum;
  if (typeof count === 'number') vars.count = count;
  return t(key, vars);
}
