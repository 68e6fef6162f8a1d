/**
 * Numbers as people type them in spreadsheets: "1 234,56", "1,234.56", "€12.50", "12,50 ₽",
 * "(12.50)", "-3". Parsed exactly, as decimal strings — money is never a float here.
 */
export type DecimalSeparator = '.' | ',';

const CURRENCY = /(?:[$€£¥₽₴₸]|руб\.?|р\.|usd|eur|gbp|rub|uah|kzt|chf|jpy|cny)/giu;
const GROUPING_SPACES = /[\s\u00a0\u202f']/g;
const GROUPED = { '.': /^\d{1,3}(,\d{3})+(\.\d*)?$/, ',': /^\d{1,3}(\.\d{3})+(,\d*)?$/ } as const;
const PLAIN = /^(\d+\.?\d*|\.\d+)$/;

/** "-1234.56", or null when the text is not a number. */
export function parseDecimal(text: string, decimal: DecimalSeparator): string | null {
  let s = text.trim();
  if (s === '') return null;
  if (decimal === '.' && isCanonical(s)) return s; // "2.55", "-6": already canonical
  let negative = false;
  if (/^\(.*\)$/.test(s)) {
    negative = true;
    s = s.slice(1, -1);
  }
  s = s.replace(CURRENCY, '').replace(GROUPING_SPACES, '');
  if (s.endsWith('-')) {
    negative = !negative;
    s = s.slice(0, -1);
  }
  if (s.startsWith('-')) {
    negative = !negative;
    s = s.slice(1);
  } else if (s.startsWith('+')) s = s.slice(1);
  // Thousands separators only between groups of three digits.
  if (s.includes(decimal === '.' ? ',' : '.')) {
    if (!GROUPED[decimal].test(s)) return null;
    s = s.replace(decimal === '.' ? /,/g : /\./g, '');
  }
  if (decimal === ',') s = s.replace(',', '.');
  if (!PLAIN.test(s)) return null;
  let [whole = '', fraction = ''] = s.split('.');
  whole = whole.replace(/^0+(?=\d)/, '') || '0';
  fraction = fraction.replace(/0+$/, '');
  const out = fraction ? `${whole}.${fraction}` : whole;
  return negative && out !== '0' ? `-${out}` : out;
}

/**
 * Whether the text is already a decimal as parseDecimal writes it: an optional minus, 1–15
 * digits without a leading zero, and an optional point with 1–15 digits not ending in zero;
 * never "-0". Most cells of most files are, and a loop over the characters beats two regexes.
 */
function isCanonical(s: string): boolean {
  const n = s.length;
  let i = s.charCodeAt(0) === 45 ? 1 : 0; // -
  const wholeStart = i;
  while (i < n && isDigit(s.charCodeAt(i))) i++;
  const whole = i - wholeStart;
  if (whole === 0 || whole > 15 || (whole > 1 && s.charCodeAt(wholeStart) === 48)) return false;
  if (i === n) return !(wholeStart === 1 && whole === 1 && s.charCodeAt(1) === 48); // "-0"
  if (s.charCodeAt(i) !== 46) return false; // .
  const fractionStart = ++i;
  while (i < n && isDigit(s.charCodeAt(i))) i++;
  const fraction = i - fractionStart;
  return i === n && fraction > 0 && fraction <= 15 && s.charCodeAt(n - 1) !== 48;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Which decimal separator a column uses, from its values. */
export function detectDecimalSeparator(values: string[]): DecimalSeparator {
  let comma = 0;
  let point = 0;
  for (const raw of values) {
    const v = raw.replace(CURRENCY, '').replace(GROUPING_SPACES, '');
    const lastComma = v.lastIndexOf(',');
    const lastPoint = v.lastIndexOf('.');
    if (lastComma >= 0 && lastPoint >= 0) {
      if (lastComma > lastPoint) comma++;
      else point++;
    } else if (lastComma >= 0) {
      // "12,5" or "12,50" is a decimal comma; "1,234" alone could be either.
      if (!/^-?\d{1,3}(,\d{3})+$/.test(v)) comma++;
    } else if (lastPoint >= 0) {
      if (!/^-?\d{1,3}(\.\d{3})+$/.test(v)) point++;
    }
  }
  return comma > point ? ',' : '.';
}

/** A decimal string as an exact integer count of 10^-scale units: ("2.55", 2) → 255n. Rounds half away from zero. */
export function toScaledInteger(decimal: string, scale: number): bigint {
  const negative = decimal.startsWith('-');
  const [whole = '0', fraction = ''] = (negative ? decimal.slice(1) : decimal).split('.');
  const kept = fraction.slice(0, scale).padEnd(scale, '0');
  const digits = whole + kept;
  if (digits.length < 16 && !fraction.slice(scale)) {
    const n = Number(digits); // exact below 2^53
    return BigInt(negative ? -n : n);
  }
  let value = BigInt(digits);
  const dropped = fraction.slice(scale);
  if (dropped && dropped[0]! >= '5') value += 1n;
  return negative ? -value : value;
}

function scaleOf(decimal: string): number {
  const dot = decimal.indexOf('.');
  return dot === -1 ? 0 : decimal.length - dot - 1;
}

/** quantity × unit price in minor units, exactly, rounded half away from zero at the end. */
export function lineAmountMinor(quantity: string, unitPrice: string, exponent: number): bigint {
  const qScale = scaleOf(quantity);
  const pScale = scaleOf(unitPrice);
  if (qScale === 0 && pScale <= exponent && quantity.length < 9 && unitPrice.length < 12) {
    // The usual case (whole quantity, price in minor units or coarser): exact in doubles.
    return BigInt(Number(quantity) * Number(toScaledInteger(unitPrice, exponent)));
  }
  const product = toScaledInteger(quantity, qScale) * toScaledInteger(unitPrice, pScale); // scale qScale + pScale
  const shift = qScale + pScale - exponent;
  if (shift <= 0) return product * 10n ** BigInt(-shift);
  const divisor = 10n ** BigInt(shift);
  const negative = product < 0n;
  const abs = negative ? -product : product;
  const rounded = (abs + divisor / 2n) / divisor;
  return negative ? -rounded : rounded;
}

/** toScaledInteger as a number, without BigInt when it fits exactly (the common case, and 10× cheaper). */
export function toScaledNumber(decimal: string, scale: number): number {
  const dot = decimal.indexOf('.');
  const fraction = dot === -1 ? 0 : decimal.length - dot - 1;
  if (fraction <= scale && decimal.length < 15) {
    const digits = dot === -1 ? decimal : decimal.slice(0, dot) + decimal.slice(dot + 1);
    return Number(digits) * 10 ** (scale - fraction);
  }
  return Number(toScaledInteger(decimal, scale));
}

/** lineAmountMinor as a number: whole quantities and prices in minor units multiply exactly in doubles. */
export function lineAmountMinorNumber(quantity: string, unitPrice: string, exponent: number): number {
  if (quantity.indexOf('.') === -1 && quantity.length < 9 && scaleOf(unitPrice) <= exponent && unitPrice.length < 12) {
    return Number(quantity) * toScaledNumber(unitPrice, exponent);
  }
  return Number(lineAmountMinor(quantity, unitPrice, exponent));
}

const exponents = new Map<string, number>();

/** Digits after the point in a currency's minor unit (EUR 2, JPY 0, KWD 3); looked up once per currency (callers ask per row). */
export function currencyExponent(currency: string): number {
  let exponent = exponents.get(currency);
  if (exponent === undefined) {
    try {
      exponent = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    } catch {
      exponent = 2;
    }
    exponents.set(currency, exponent);
  }
  return exponent;
}
