import type { Locale } from '@contracts/common.ts';
import { createContext, useContext } from 'react';
import type { TranslateVars } from './translate.ts';

export type TFunction = (key: string, vars?: TranslateVars) => string;

export interface I18nValue {
  locale: Locale;
  /** The workspace's time zone once signed in; the browser's before. */
  timeZone: string | undefined;
  setLocale: (locale: Locale) => void;
  setTimeZone: (timeZone: string | undefined) => void;
  t: TFunction;
  /** Whether a key exists in the current catalogue or the English one. */
  has: (key: string) => boolean;
}

export const I18nContext = createContext<I18nValue | null>(null);

export function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n must be used inside <I18nProvider>');
  return value;
}

export function useT(): TFunction {
  return useI18n().t;
}
