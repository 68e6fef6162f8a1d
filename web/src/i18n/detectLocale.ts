import type { Locale } from '@contracts/common.ts';
import { AVAILABLE_LOCALES, FALLBACK_LOCALE, isAvailableLocale } from './catalogues.ts';

const STORAGE_KEY = 'rapport.locale';

/** Before sign-in: the language last chosen on this device, else the browser's, else English. */
export function detectLocale(): Locale {
  const stored = readStored();
  if (isAvailableLocale(stored)) return stored;
  const preferred = typeof navigator === 'undefined' ? [] : (navigator.languages ?? [navigator.language]);
  for (const tag of preferred) {
    const language = tag.toLowerCase().split('-')[0];
    const match = AVAILABLE_LOCALES.find((code) => code === language);
    if (match) return match;
  }
  return FALLBACK_LOCALE;
}

export function rememberLocale(locale: Locale): void {
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // Private mode or storage disabled: the choice lasts for this page only.
  }
}

function readStored(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}
