/**
 * A number typed in the user's locale: "1,234.5" in English, "1 234,5" in Russian.
 * A dot is always read as a decimal point too, since people type it everywhere.
 * Null when the text is not a number.
 */
export function parseDecimal(text: string, locale: string): number | null {
  const decimalComma = decimalSeparator(locale) === ',';
  let cleaned = text.replace(/[\s\u00A0\u202F']/g, '');
  cleaned = decimalComma && !cleaned.includes('.') ? cleaned.replace(',', '.') : cleaned.replaceAll(',', '');
  if (!/^-?\d+(\.\d+)?$/.test(cleaned)) return null;
  return Number(cleaned);
}

function decimalSeparator(locale: string): string {
  return new Intl.NumberFormat(locale).formatToParts(1.5).find((part) => part.type === 'decimal')?.value ?? '.';
}
