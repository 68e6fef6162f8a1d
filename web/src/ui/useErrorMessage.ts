import { useCallback } from 'react';
import { errorMessage } from '../i18n/errorMessage.ts';
import { useI18n } from '../i18n/i18nContext.ts';

export function useErrorMessage(): (error: unknown) => string {
  const { t, has } = useI18n();
  return useCallback((error: unknown) => errorMessage(t, has, error), [t, has]);
}
