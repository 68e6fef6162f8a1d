/** Currencies most small businesses price in; any other valid ISO code still works (kept when already set). */
const COMMON_CURRENCIES = [
  'USD', 'EUR', 'GBP', 'RUB', 'CHF', 'CAD', 'AUD', 'NZD', 'JPY', 'CNY', 'HKD', 'SGD', 'INR', 'KRW',
  'SEK', 'NOK', 'DKK', 'ISK', 'PLN', 'CZK', 'HUF', 'RON', 'BGN', 'RSD', 'TRY', 'ILS', 'AED', 'SAR',
  'UAH', 'BYN', 'KZT', 'UZS', 'KGS', 'TJS', 'AMD', 'GEL', 'AZN', 'MDL', 'MNT', 'THB', 'VND', 'IDR',
  'MYR', 'PHP', 'BRL', 'MXN', 'ARS', 'CLP', 'COP', 'PEN', 'ZAR', 'EGP', 'NGN', 'KES', 'MAD',
];

export interface CurrencyOption {
  value: string;
  label: string;
}

/** "EUR — Euro" in the UI language, sorted by code; `include` adds a code that is not in the list. */
export function currencyOptions(locale: string, include?: string): CurrencyOption[] {
  const names = new Intl.DisplayNames([locale], { type: 'currency' });
  const codes = new Set(COMMON_CURRENCIES);
  if (include && /^[A-Z]{3}$/.test(include)) codes.add(include);
  return [...codes].toSorted().map((code) => ({ value: code, label: `${code} — ${capitalise(names.of(code) ?? code, locale)}` }));
}

export function defaultCurrency(locale: string): string {
  return locale === 'ru' ? 'RUB' : 'USD';
}

function capitalise(text: string, locale: string): string {
  return text.charAt(0).toLocaleUpperCase(locale) + text.slice(1);
}
