import { useCallback } from 'react';
import { isApiError } from '../../api/ApiError.ts';
import { useI18n } from '../../i18n/i18nContext.ts';
import { useErrorMessage } from '../../ui/useErrorMessage.ts';

export interface RowProblem {
  column: string | null;
  value: string | null;
  code: string;
  message: string;
}

/** The stable part of an import code: "import.date_invalid" → "date_invalid"; an upload gone → "upload_not_found". */
const suffix = (code: string) => (code.startsWith('import.') ? code.slice('import.'.length) : code === 'upload.not_found' ? 'upload_not_found' : null);

/**
 * An error's details as a message's values: texts as they are, lists of texts quoted and joined
 * ({ system: "Shopify orders", missing: ["Total"] } → system, missing: "“Total”").
 */
function detailVars(details: unknown): Record<string, string> | undefined {
  if (!details || typeof details !== 'object') return undefined;
  const vars: Record<string, string> = {};
  for (const [name, value] of Object.entries(details)) {
    if (typeof value === 'string') vars[name] = value;
    else if (Array.isArray(value) && value.every((item) => typeof item === 'string')) vars[name] = value.map((item) => `“${item}”`).join(', ');
  }
  return vars;
}

/**
 * Import problems and failures in the user's language, by their codes. A row problem of a
 * code this catalogue does not know keeps the server's own words, which still name the cell.
 */
export function useImportMessages() {
  const { t, has } = useI18n();
  const describe = useErrorMessage();

  const problem = useCallback(
    (p: RowProblem) => {
      const key = `imports.problems.${suffix(p.code) ?? ''}`;
      return has(key) ? t(key, { value: p.value ?? '' }) : p.message;
    },
    [t, has],
  );

  const error = useCallback(
    (e: unknown) => {
      const key = isApiError(e) ? `imports.errors.${suffix(e.code) ?? ''}` : '';
      return key && has(key) ? t(key, isApiError(e) ? detailVars(e.details) : undefined) : describe(e);
    },
    [t, has, describe],
  );

  return { problem, error };
}
