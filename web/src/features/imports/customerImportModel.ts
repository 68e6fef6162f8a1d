import { CUSTOMER_FIELDS } from '@contracts/imports.ts';
import type { CustomerInspection } from '../../api/importsApi.ts';
import type { TFunction } from '../../i18n/i18nContext.ts';
import { IGNORE } from './importFields.ts';
import type { Mapping } from './mappingModel.ts';
import type { CustomerOverrides } from './useInspection.ts';

/** What a file holds, chosen before it is uploaded: purchases (sales and refunds) or customers. */
export type ImportKind = 'transactions' | 'customers';

export type CustomerSettings = CustomerInspection['settings'];
/** A customers file's field (a built-in one, or `attr.<key>`) → the header of its column. */
export type CustomerMapping = Mapping<string>;
type Field = CustomerInspection['fields'][number];

/** The fields that can name a customer: a row needs one of them. */
export const NAMING_FIELDS = ['name', 'firstName', 'lastName', 'email', 'phone'] as const;

export function isBuiltInCustomerField(key: string): boolean {
  return (CUSTOMER_FIELDS as readonly string[]).includes(key);
}

/** A field as the user sees it: built-in ones translated, attributes by their own label. */
export function customerFieldLabel(t: TFunction, field: Pick<Field, 'key' | 'label' | 'attribute'>): string {
  return field.attribute || !isBuiltInCustomerField(field.key) ? field.label : t(`imports.customerFields.${field.key}.label`);
}

/** "Read as" choices: ignore, the customer's own fields, then the workspace's attributes. */
export function customerFieldOptions(t: TFunction, fields: readonly Field[]) {
  const option = (field: Field) => ({ value: field.key, label: customerFieldLabel(t, field) });
  const builtIn = fields.filter((field) => !field.attribute);
  const attributes = fields.filter((field) => field.attribute);
  return [
    { group: t('imports.fieldGroups.ignore'), items: [{ value: IGNORE, label: t('imports.mapping.ignore') }] },
    { group: t('imports.fieldGroups.customer'), items: builtIn.map(option) },
    ...(attributes.length > 0 ? [{ group: t('imports.fieldGroups.attributes'), items: attributes.map(option) }] : []),
  ];
}

/** The settings on screen: Rapport's reading of the file, with the user's changes on top. */
export function effectiveCustomerSettings(inspected: CustomerSettings, overrides: CustomerOverrides): CustomerSettings {
  return {
    format: { ...inspected.format, ...overrides.format },
    mapping: overrides.mapping ?? inspected.mapping,
    read: { ...inspected.read, ...overrides.read },
  };
}

/** Another format gives other columns: the mapping is proposed again for them. */
export function withCustomerFormat(overrides: CustomerOverrides, patch: Partial<CustomerSettings['format']>): CustomerOverrides {
  const { mapping: _dropped, ...rest } = overrides;
  return { ...rest, format: { ...overrides.format, ...patch } };
}

export function withCustomerMapping(overrides: CustomerOverrides, mapping: CustomerMapping): CustomerOverrides {
  return { ...overrides, mapping };
}

export function withCustomerRead(overrides: CustomerOverrides, patch: Partial<CustomerSettings['read']>): CustomerOverrides {
  return { ...overrides, read: { ...overrides.read, ...patch } };
}

/** Whether some column names the customer (a name, an email or a phone): without one, every row would be rejected. */
export function namesCustomers(mapping: CustomerMapping): boolean {
  return NAMING_FIELDS.some((field) => mapping[field] !== undefined);
}
