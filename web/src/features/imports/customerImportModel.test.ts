import { describe, expect, it } from 'vitest';
import { customerFieldLabel, customerFieldOptions, namesCustomers, withCustomerFormat, withCustomerMapping } from './customerImportModel.ts';
import { withColumnField } from './mappingModel.ts';

const t = (key: string) => `<${key}>`;

describe('customers import model', () => {
  it('needs a column that names the customer', () => {
    expect(namesCustomers({ city: 'Город' })).toBe(false);
    expect(namesCustomers({ city: 'Город', email: 'Эл. почта' })).toBe(true);
  });

  it('translates built-in fields and keeps attributes by their own label, in their own group', () => {
    expect(customerFieldLabel(t, { key: 'tags', label: 'tags', attribute: false })).toBe('<imports.customerFields.tags.label>');
    expect(customerFieldLabel(t, { key: 'attr.loyalty', label: 'Loyalty card', attribute: true })).toBe('Loyalty card');
    const groups = customerFieldOptions(t, [
      { key: 'email', label: 'email', attribute: false },
      { key: 'attr.loyalty', label: 'Loyalty card', attribute: true },
    ]);
    expect(groups.map((group) => group.group)).toEqual(['<imports.fieldGroups.ignore>', '<imports.fieldGroups.customer>', '<imports.fieldGroups.attributes>']);
    expect(groups[2]?.items).toEqual([{ value: 'attr.loyalty', label: 'Loyalty card' }]);
    expect(customerFieldOptions(t, [{ key: 'email', label: 'email', attribute: false }])).toHaveLength(2);
  });

  it('reads an attribute from one column only, and proposes the mapping again after a format change', () => {
    const mapping = withColumnField<string>({ 'attr.loyalty': 'Карта' }, 'Карта 2', 'attr.loyalty');
    expect(mapping).toEqual({ 'attr.loyalty': 'Карта 2' });
    const overrides = withCustomerMapping({ read: { decimal: ',' } }, mapping);
    expect(withCustomerFormat(overrides, { delimiter: ';' })).toEqual({ read: { decimal: ',' }, format: { delimiter: ';' } });
  });
});
