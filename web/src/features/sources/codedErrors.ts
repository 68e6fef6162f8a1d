import type { FieldIssue } from '@contracts/common.ts';
import { useState } from 'react';
import type { z } from 'zod';
import { isApiError } from '../../api/ApiError.ts';
import { useFieldIssues } from '../../forms/useFieldIssues.ts';
import { errorMessage } from '../../i18n/errorMessage.ts';
import { useI18n } from '../../i18n/i18nContext.ts';
import type { TranslateVars } from '../../i18n/translate.ts';

/** Server error codes of this feature → the catalogue keys that say them (kept in the feature's own section). */
export type ErrorKeys = Readonly<Record<string, string>>;

/** A failure in the user's language: the feature's own codes first, then the app-wide ones. */
export function useErrorText(keys: ErrorKeys) {
  const { t, has } = useI18n();
  return (error: unknown, vars?: TranslateVars): string => {
    const key = isApiError(error) ? keys[error.code] : undefined;
    if (key) return t(key, { ...detailCount(error), ...vars });
    return errorMessage(t, has, error);
  };
}

/** Facts the feature's messages name: how many customers a source has, which codes are taken. */
function detailCount(error: unknown): TranslateVars {
  const details = isApiError(error) ? (error.details as { customers?: unknown; codes?: unknown } | null | undefined) : undefined;
  if (typeof details?.customers === 'number') return { count: details.customers };
  if (Array.isArray(details?.codes)) return { count: details.codes.length, codes: details.codes.slice(0, 10).join(', ') };
  return {};
}

/**
 * useFieldIssues, with the feature's own server codes shown under the field they name (a
 * name taken, a cost in a currency Rapport cannot convert) instead of the generic words.
 */
export function useFormErrors(keys: ErrorKeys) {
  const issues = useFieldIssues();
  const describe = useErrorText(keys);
  const [server, setServer] = useState<{ path: string; message: string } | null>(null);

  const errorAt = (path: string) => (server?.path === path ? server.message : issues.errorAt(path));

  /** Parses `input` as the server will; `found` are problems the form found itself (an amount that is not one), shown first. */
  function check<S extends z.ZodType>(schema: S, input: unknown, paths: readonly string[], found: readonly FieldIssue[] = []): z.output<S> | null {
    setServer(null);
    const parsed = issues.check(schema, input, paths);
    if (found.length === 0) return parsed;
    issues.setIssues((current) => [...found, ...current]);
    return null;
  }

  /** `fallbackPath`: the field that shows one of the feature's errors naming no field (codes taken: the codes typed). */
  function showError(error: unknown, paths: readonly string[], vars?: TranslateVars, fallbackPath?: string) {
    setServer(null);
    if (!isApiError(error) || !keys[error.code]) return issues.showError(error, paths);
    issues.setIssues([]);
    const path = error.fields?.find((candidate) => paths.includes(candidate.path))?.path ?? (error.fields?.length ? undefined : fallbackPath);
    if (path) {
      setServer({ path, message: describe(error, vars) });
      issues.setFormError(null);
    } else issues.setFormError(error);
  }

  return { errorAt, check, showError, formError: issues.formError, describe };
}
