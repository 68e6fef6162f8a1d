import type { FieldIssue } from '@contracts/common.ts';
import { useCallback, useState } from 'react';
import type { z } from 'zod';
import { ApiError, isApiError } from '../api/ApiError.ts';
import { useI18n } from '../i18n/i18nContext.ts';
import { issueMessage } from './issueMessage.ts';
import { issuesFromZod } from './zodIssues.ts';

/**
 * Field problems by full path (`contacts.1.value`, `attributes.size`), for forms whose values
 * are not a flat record. The client checks with the server's zod schema; the server's
 * `details.fields` show the same way. Problems no field shows become `formError`.
 */
export function useFieldIssues() {
  const { t, has } = useI18n();
  const [issues, setIssues] = useState<readonly FieldIssue[]>([]);
  const [formError, setFormError] = useState<unknown>(null);

  const errorAt = useCallback(
    (path: string): string | undefined => {
      const issue = issues.find((candidate) => candidate.path === path);
      return issue ? issueMessage(t, has, issue) : undefined;
    },
    [issues, t, has],
  );

  const clear = useCallback((path: string) => setIssues((current) => current.filter((issue) => issue.path !== path)), []);

  /** Parses `input`; on failure shows the problems and returns null. */
  function check<S extends z.ZodType>(schema: S, input: unknown, shownPaths: readonly string[]): z.output<S> | null {
    setFormError(null);
    const result = schema.safeParse(input);
    if (result.success) {
      setIssues([]);
      return result.data;
    }
    show(issuesFromZod(result.error.issues), shownPaths, null);
    return null;
  }

  /** Shows a failed request: under the fields it names when they are on screen, else above the form. */
  function showError(error: unknown, shownPaths: readonly string[]) {
    show(isApiError(error) ? (error.fields ?? []) : [], shownPaths, error);
  }

  function show(list: readonly FieldIssue[], shownPaths: readonly string[], error: unknown) {
    const onScreen = list.filter((issue) => shownPaths.includes(issue.path));
    setIssues(onScreen);
    setFormError(onScreen.length > 0 && onScreen.length === list.length ? null : (error ?? new ApiError(400, 'request.invalid', 'Some fields are not valid', { fields: list })));
  }

  return { errorAt, clear, check, showError, formError, setFormError, setIssues };
}
