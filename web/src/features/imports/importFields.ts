import { DATE_FORMATS, DELIMITERS, ENCODINGS, TRANSACTION_FIELDS, type TransactionField } from '@contracts/imports.ts';
import type { TFunction } from '../../i18n/i18nContext.ts';

export type DateFormat = (typeof DATE_FORMATS)[number];
export type Delimiter = (typeof DELIMITERS)[number];
export type Encoding = (typeof ENCODINGS)[number];

/** The Select value for "this column is not read". */
export const IGNORE = 'ignore';

const CUSTOMER_FIELDS = new Set<TransactionField>(['customerExternalId', 'customerEmail', 'customerPhone', 'customerName', 'customerCountry', 'refundCustomerEmail']);

/** "Read as" choices, grouped into who bought and what was bought; each with its one-line help. */
export function fieldOptions(t: TFunction) {
  const option = (field: TransactionField) => ({ value: field, label: t(`imports.fields.${field}.label`) });
  return [
    { group: t('imports.fieldGroups.ignore'), items: [{ value: IGNORE, label: t('imports.mapping.ignore') }] },
    { group: t('imports.fieldGroups.customer'), items: TRANSACTION_FIELDS.filter((f) => CUSTOMER_FIELDS.has(f)).map(option) },
    { group: t('imports.fieldGroups.purchase'), items: TRANSACTION_FIELDS.filter((f) => !CUSTOMER_FIELDS.has(f)).map(option) },
  ];
}

export function isTransactionField(value: string): value is TransactionField {
  return (TRANSACTION_FIELDS as readonly string[]).includes(value);
}

export const DELIMITER_KEYS: Record<Delimiter, string> = { ',': 'comma', ';': 'semicolon', '\t': 'tab', '|': 'pipe', whitespace: 'whitespace' };
