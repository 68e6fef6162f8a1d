import { describe, expect, it } from 'vitest';
import { effectiveSettings, withFormat, withMapping, withOptions, withRead, type ImportSettings } from './settingsModel.ts';

const inspected: ImportSettings = {
  format: { type: 'delimited', encoding: 'utf-8', delimiter: ';', hasHeader: true },
  mapping: { date: 'Дата', amount: 'Сумма' },
  read: { dateFormat: 'dmy', decimal: ',', currency: 'RUB', refundPrefixes: ['C'] },
  options: { unmatchedCustomers: 'create', noCustomerKey: 'unknown' },
};

describe('settings model', () => {
  it('shows the user’s changes over Rapport’s proposal', () => {
    const overrides = withOptions(withRead(withMapping({}, { date: 'Дата' }), { decimal: '.' }), { noCustomerKey: 'reject' });
    expect(effectiveSettings(inspected, overrides)).toEqual({
      format: inspected.format,
      mapping: { date: 'Дата' },
      read: { ...inspected.read, decimal: '.' },
      options: { unmatchedCustomers: 'create', noCustomerKey: 'reject' },
    });
  });

  it('proposes the mapping again when the format changes', () => {
    const overrides = withFormat(withRead(withMapping({}, { date: 'Дата' }), { currency: 'EUR' }), { delimiter: ',' });
    expect(overrides).toEqual({ read: { currency: 'EUR' }, format: { delimiter: ',' } });
    expect(withFormat(overrides, { hasHeader: false }).format).toEqual({ delimiter: ',', hasHeader: false });
  });
});
