/** A catalogue flattened to dotted keys: { "nav.today": "Today", "customers.count_one": "…" }. */
export type Messages = ReadonlyMap<string, string>;
export type TranslateVars = Record<string, string | number | undefined>;

const PLACEHOLDER = /\{(\w+)\}/g;

export function flattenCatalogue(tree: unknown, prefix = '', into = new Map<string, string>()): Map<string, string> {
  if (typeof tree === 'string') {
    into.set(prefix, tree);
  } else if (tree && typeof tree === 'object') {
    for (const [key, value] of Object.entries(tree)) flattenCatalogue(value, prefix ? `${prefix}.${key}` : key, into);
  }
  return into;
}

/**
 * Looks `key` up in `messages`, then in `fallback` (English), then gives the key itself.
 * A numeric `count` picks the plural form (`key_one`, `key_few`…) by the locale's rules.
 */
export function translate(
  locale: string,
  messages: Messages,
  fallback: Messages,
  key: string,
  vars?: TranslateVars,
): string {
  const template = pick(locale, messages, key, vars) ?? pick('en', fallback, key, vars) ?? key;
  return interpolate(locale, template, vars);
}

function pick(locale: string, messages: Messages, key: string, vars?: TranslateVars): string | undefined {
  const count = vars?.count;
  if (typeof count === 'number') {
    const category = pluralRules(locale).select(count);
    return messages.get(`${key}_${category}`) ?? messages.get(`${key}_other`) ?? messages.get(key);
  }
  return messages.get(key);
}

function interpolate(locale: string, template: string, vars?: TranslateVars): string {
  if (!vars) return template;
  return template.replace(PLACEHOLDER, (whole, name: string) => {
    const value = vars[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? numberFormat(locale).format(value) : value;
  });
}

const pluralCache = new Map<string, Intl.PluralRules>();
function pluralRules(locale: string): Intl.PluralRules {
  let rules = pluralCache.get(locale);
  if (!rules) pluralCache.set(locale, (rules = new Intl.PluralRules(locale)));
  return rules;
}

const numberCache = new Map<string, Intl.NumberFormat>();
function numberFormat(locale: string): Intl.NumberFormat {
  let format = numberCache.get(locale);
  if (!format) numberCache.set(locale, (format = new Intl.NumberFormat(locale)));
  return format;
}

/** The key without its plural suffix, for comparing catalogues. */
export function pluralBase(key: string): string {
  return key.replace(/_(zero|one|two|few|many|other)$/, '');
}
