import type { Locale } from '@contracts/common.ts';
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { FALLBACK_LOCALE, messagesFor } from './catalogues.ts';
import { detectLocale, rememberLocale } from './detectLocale.ts';
import { I18nContext, type I18nValue } from './i18nContext.ts';
import { translate, type TranslateVars } from './translate.ts';

/** Holds the UI language and the time zone dates are shown in (the workspace's once signed in). */
export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(detectLocale);
  const [timeZone, setTimeZone] = useState<string | undefined>(undefined);

  const setLocale = useCallback((next: Locale) => {
    setLocaleState(next);
    rememberLocale(next);
  }, []);

  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  const value = useMemo<I18nValue>(() => {
    const messages = messagesFor(locale);
    const fallback = messagesFor(FALLBACK_LOCALE);
    return {
      locale,
      timeZone,
      setLocale,
      setTimeZone,
      t: (key: string, vars?: TranslateVars) => translate(locale, messages, fallback, key, vars),
      has: (key: string) => messages.has(key) || fallback.has(key),
    };
  }, [locale, timeZone, setLocale]);

  return <I18nContext value={value}>{children}</I18nContext>;
}
