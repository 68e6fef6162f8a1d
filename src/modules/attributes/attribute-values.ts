import type { Attribute, AttributeValue } from '../../contracts/attributes.ts';
import { calendarDateSchema } from '../../contracts/customers.ts';
import type { AttributeValuesTable } from '../../db/schema.ts';
import { AppError } from '../../shared/errors.ts';

export type StoredValue = Pick<AttributeValuesTable, 'value_text' | 'value_number' | 'value_date'>;

const badValue = (attribute: Attribute, code: string, message: string) =>
  new AppError('request.invalid', 400, `${attribute.label}: ${message}`, {
    fields: [{ path: `attributes.${attribute.key}`, code, message, params: { type: attribute.type } }],
  });

/**
 * Checks a value against its attribute's type and turns it into typed columns.
 * Choices accept an option id or its label (as spreadsheets carry labels).
 */
export function toStoredValue(attribute: Attribute, value: Exclude<AttributeValue, null>): StoredValue {
  const empty: StoredValue = { value_text: null, value_number: null, value_date: null };
  switch (attribute.type) {
    case 'text':
      if (typeof value !== 'string' || value.length > 2000) throw badValue(attribute, 'invalid_type', 'Expected text up to 2000 characters');
      return { ...empty, value_text: value };
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) throw badValue(attribute, 'invalid_type', 'Expected a number');
      return { ...empty, value_number: value };
    case 'money':
      if (typeof value !== 'number' || !Number.isSafeInteger(value)) throw badValue(attribute, 'invalid_type', 'Expected a whole number of minor units (cents)');
      return { ...empty, value_number: value };
    case 'date':
      if (typeof value !== 'string' || !calendarDateSchema.safeParse(value).success) throw badValue(attribute, 'invalid_date', 'Expected a date that exists, as YYYY-MM-DD');
      return { ...empty, value_date: value };
    case 'boolean':
      if (typeof value !== 'boolean') throw badValue(attribute, 'invalid_type', 'Expected yes or no');
      return { ...empty, value_number: value ? 1 : 0 };
    case 'choice':
      if (typeof value !== 'string') throw badValue(attribute, 'invalid_type', 'Expected one option');
      return { ...empty, value_text: optionId(attribute, value) };
    case 'multichoice': {
      if (!Array.isArray(value)) throw badValue(attribute, 'invalid_type', 'Expected a list of options');
      const ids = new Set(value.map((v) => optionId(attribute, v)));
      const ordered = attribute.options.map((o) => o.id).filter((id) => ids.has(id));
      return { ...empty, value_text: JSON.stringify(ordered) };
    }
  }
}

function optionId(attribute: Attribute, value: string): string {
  const lower = value.trim().toLowerCase();
  const option = attribute.options.find((o) => o.id === value) ?? attribute.options.find((o) => o.label.toLowerCase() === lower);
  if (!option) {
    throw new AppError('attributes.unknown_option', 400, `${attribute.label} has no option "${value}"`, {
      fields: [{ path: `attributes.${attribute.key}`, code: 'unknown_option', message: `No option "${value}"` }],
      key: attribute.key,
      option: value,
    });
  }
  return option.id;
}

/** The API form of a stored value; options that no longer exist are dropped. */
export function fromStoredValue(attribute: Attribute, stored: StoredValue): AttributeValue {
  switch (attribute.type) {
    case 'text':
      return stored.value_text;
    case 'number':
    case 'money':
      return stored.value_number;
    case 'date':
      return stored.value_date;
    case 'boolean':
      return stored.value_number === null ? null : stored.value_number !== 0;
    case 'choice':
      return attribute.options.some((o) => o.id === stored.value_text) ? stored.value_text : null;
    case 'multichoice': {
      const ids = safeJsonArray(stored.value_text);
      return ids.filter((id) => attribute.options.some((o) => o.id === id));
    }
  }
}

/** A value as one line of text, for the history. */
export function describeValue(attribute: Attribute, value: AttributeValue): string | null {
  if (value === null || (Array.isArray(value) && value.length === 0)) return null;
  const label = (id: string) => attribute.options.find((o) => o.id === id)?.label ?? id;
  if (attribute.type === 'choice' && typeof value === 'string') return label(value);
  if (Array.isArray(value)) return value.map(label).join(', ');
  return String(value);
}

function safeJsonArray(text: string | null): string[] {
  if (!text) return [];
  try {
    const parsed: unknown = JSON.parse(text);
    return Array.isArray(parsed) ? parsed.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
}
