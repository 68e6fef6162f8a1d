/** The most a single amount may be, in minor units (as the server accepts). */
const MAX_MINOR = 10n ** 13n;

/**
 * The exact minor units a typed amount means in a currency with `fractionDigits` decimals:
 * "1 234,50" → 123450. Done on the digits as text, never through floats (0.1 + 0.2).
 * Both separators are understood: the last of "." and "," is the decimal point when both
 * appear; a lone "," is a thousands separator only in "1,234"-style English input.
 * Null when the text is not a positive amount, or is finer than the currency's minor unit.
 */
export function toMinorUnits(text: string, fractionDigits: number, locale: string): number | null {
  const normalised = normaliseDecimal(text, locale);
  if (normalised === null) return null;
  const [whole = '', fraction = ''] = normalised.split('.');
  // "12.500" is fine for a two-decimal currency; "12.505" is not.
  const kept = fraction.slice(0, fractionDigits);
  if (/[1-9]/.test(fraction.slice(fractionDigits))) return null;
  const minor = BigInt(whole + kept.padEnd(fractionDigits, '0'));
  if (minor > MAX_MINOR) return null;
  return Number(minor);
}

/** "1 234,5" → "1234.5" (digits with an optional "." decimal point), or null. */
export function normaliseDecimal(text: string, locale: string): string | null {
  let cleaned = text.replace(/[\s\u00A0\u202F']/g, '');
  const lastDot = cleaned.lastIndexOf('.');
  const lastComma = cleaned.lastIndexOf(',');
  if (lastDot >= 0 && lastComma >= 0) {
    const thousands = lastDot > lastComma ? ',' : '.';
    cleaned = cleaned.replaceAll(thousands, '').replace(',', '.');
  } else if (lastComma >= 0) {
    const commaIsThousands = decimalSeparator(locale) === '.' && /^\d{1,3}(,\d{3})+$/.test(cleaned);
    cleaned = commaIsThousands ? cleaned.replaceAll(',', '') : cleaned.replace(',', '.');
  }
  return /^\d+(\.\d+)?$/.test(cleaned) ? cleaned : null;
}

function decimalSeparator(locale: string): string {
  return new Intl.NumberFormat(locale).formatToParts(1.5).find((part) => part.type === 'decimal')?.value ?? '.';
}
