import type { FieldIssue } from '@contracts/common.ts';
import { useState, type ChangeEvent, type FormEvent } from 'react';
import type { z } from 'zod';
import { isApiError } from '../api/ApiError.ts';
import { useI18n } from '../i18n/i18nContext.ts';
import { issueMessage } from './issueMessage.ts';
import { issuesFromZod } from './zodIssues.ts';

/**
 * Form state checked with the same zod schema the server uses. Field issues (from the
 * client check or from the server's `details.fields`) show under their field, translated;
 * any other failure becomes `formError` for an alert above the form.
 */
export function useZodForm<V extends Record<string, unknown>, Out>(schema: z.ZodType<Out, V>, initialValues: V) {
  const { t, has } = useI18n();
  const [values, setValues] = useState<V>(initialValues);
  const [issues, setIssues] = useState<Partial<Record<keyof V, FieldIssue>>>({});
  const [formError, setFormError] = useState<unknown>(null);

  function setValue<K extends keyof V>(name: K, value: V[K]) {
    setValues((current) => ({ ...current, [name]: value }));
    setIssues((current) => ({ ...current, [name]: undefined }));
  }

  function showIssues(list: readonly FieldIssue[]): boolean {
    const byField: Partial<Record<keyof V, FieldIssue>> = {};
    for (const issue of list) {
      const field = issue.path.split('.')[0] as keyof V;
      if (field in values && !byField[field]) byField[field] = issue;
    }
    setIssues(byField);
    return Object.keys(byField).length > 0;
  }

  /** Shows a failed submission: under the fields when the server named them, else above the form. */
  function showError(error: unknown) {
    const fieldsShown = isApiError(error) && error.fields ? showIssues(error.fields) : false;
    setFormError(fieldsShown ? null : error);
  }

  const errorOf = (name: keyof V): string | undefined => {
    const issue = issues[name];
    return issue ? issueMessage(t, has, issue) : undefined;
  };

  /** Props for a text input: value, onChange and the translated error. */
  const textProps = (name: keyof V) => ({
    value: String(values[name] ?? ''),
    onChange: (event: ChangeEvent<HTMLInputElement>) => setValue(name, event.currentTarget.value as V[typeof name]),
    error: errorOf(name),
  });

  /** Validates, then calls `submit` with the parsed values; focuses the first invalid field otherwise. */
  const onSubmit = (submit: (data: Out) => void) => (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    setFormError(null);
    const result = schema.safeParse(values);
    if (result.success) {
      setIssues({});
      submit(result.data);
      return;
    }
    showIssues(issuesFromZod(result.error.issues));
    requestAnimationFrame(() => form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
  };

  return { values, setValue, setValues, errorOf, textProps, onSubmit, showError, formError, setFormError };
}
