import type { Attribute, AttributeValue } from '@contracts/attributes.ts';
import { parseDecimal } from '../../forms/parseDecimal.ts';
import { currencyFractionDigits } from '../../i18n/format.ts';

export interface ValueFormatters {
  number: (value: number) => string;
  money: (minorUnits: number, currency: string) => string;
  day: (value: string) => string;
  yes: string;
  no: string;
}

export function isEmptyValue(value: AttributeValue | undefined): boolean {
  return value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
}

/** A stored value as people read it: money in the workspace currency, choices by their labels. */
export function attributeText(attribute: Attribute, value: AttributeValue | undefined, currency: string, format: ValueFormatters): string | null {
  if (value === null || value === undefined || isEmptyValue(value)) return null;
  const optionLabel = (id: string) => attribute.options.find((option) => option.id === id)?.label ?? id;
  switch (attribute.type) {
    case 'number':
      return typeof value === 'number' ? format.number(value) : String(value);
    case 'money':
      return typeof value === 'number' ? format.money(value, currency) : String(value);
    case 'date':
      return typeof value === 'string' ? format.day(value) : String(value);
    case 'boolean':
      return value === true ? format.yes : value === false ? format.no : String(value);
    case 'choice':
      return typeof value === 'string' ? optionLabel(value) : String(value);
    case 'multichoice':
      return (Array.isArray(value) ? value : [String(value)]).map(optionLabel).join(', ');
    default:
      return Array.isArray(value) ? value.join(', ') : String(value);
  }
}

/** What a form field holds for a value: text for inputs, option ids for choices, major units for money. */
export type AttributeInputValue = string | string[];

export function toInputValue(attribute: Attribute, value: AttributeValue | undefined, currency: string): AttributeInputValue {
  if (attribute.type === 'multichoice') return Array.isArray(value) ? value : [];
  if (value === null || value === undefined) return '';
  if (attribute.type === 'money' && typeof value === 'number') {
    const digits = currencyFractionDigits(currency);
    return (value / 10 ** digits).toFixed(digits);
  }
  return String(value);
}

/** The value to send for a form field, or the validation code when it cannot be read. */
export function fromInputValue(
  attribute: Attribute,
  input: AttributeInputValue,
  { currency, locale }: { currency: string; locale: string },
): { value: AttributeValue } | { error: string } {
  if (Array.isArray(input)) return { value: input.length > 0 ? input : null };
  const text = input.trim();
  if (text === '') return { value: null };
  switch (attribute.type) {
    case 'number': {
      const number = parseDecimal(text, locale);
      return number === null ? { error: 'invalid_number' } : { value: number };
    }
    case 'money': {
      const number = parseDecimal(text, locale);
      return number === null ? { error: 'invalid_number' } : { value: Math.round(number * 10 ** currencyFractionDigits(currency)) };
    }
    case 'date':
      return /^\d{4}-\d{2}-\d{2}$/.test(text) ? { value: text } : { error: 'invalid_date' };
    case 'boolean':
      return { value: text === 'true' };
    default:
      return { value: text };
  }
}
