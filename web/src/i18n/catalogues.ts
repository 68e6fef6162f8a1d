import { SUPPORTED_LOCALES, type Locale } from '@contracts/common.ts';
import { flattenCatalogue, type Messages } from './translate.ts';

// Every ./<code>.json next to this file is a catalogue; a language is usable once its code
// is also in SUPPORTED_LOCALES (the server validates locales against the same list).
const files = import.meta.glob<unknown>('./*.json', { eager: true, import: 'default' });
const catalogues = new Map<string, Messages>();
for (const [file, tree] of Object.entries(files)) {
  const code = /\.\/(.+)\.json$/.exec(file)?.[1];
  if (code) catalogues.set(code, flattenCatalogue(tree));
}

export const FALLBACK_LOCALE: Locale = 'en';

export const AVAILABLE_LOCALES: readonly Locale[] = SUPPORTED_LOCALES.filter((code) => catalogues.has(code));

export function isAvailableLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (AVAILABLE_LOCALES as readonly string[]).includes(value);
}

export function messagesFor(locale: string): Messages {
  return catalogues.get(locale) ?? catalogues.get(FALLBACK_LOCALE) ?? new Map();
}

/** A language's name in that language ("English", "Русский"), for language pickers. */
export function nativeLanguageName(locale: Locale): string {
  return messagesFor(locale).get('meta.languageName') ?? locale;
}
