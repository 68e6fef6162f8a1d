import { describe, expect, it } from 'vitest';
import { applySavedMapping, fieldOfColumn, missingFields, sampleValues, withColumnField } from './mappingModel.ts';

describe('mapping model', () => {
  const mapping = { date: 'Дата', amount: 'Сумма', orderId: 'Номер заказа' };

  it('finds what a column is read as', () => {
    expect(fieldOfColumn(mapping, 'Дата')).toBe('date');
    expect(fieldOfColumn(mapping, 'Товар')).toBeNull();
  });

  it('moves a field to a new column, and ignores columns', () => {
    expect(withColumnField(mapping, 'Товар', 'description')).toEqual({ ...mapping, description: 'Товар' });
    // "amount" now comes from Цена; Сумма is no longer read.
    expect(withColumnField(mapping, 'Цена', 'amount')).toEqual({ date: 'Дата', amount: 'Цена', orderId: 'Номер заказа' });
    // A column read as something else is read as the new field only.
    expect(withColumnField(mapping, 'Сумма', 'unitPrice')).toEqual({ date: 'Дата', orderId: 'Номер заказа', unitPrice: 'Сумма' });
    expect(withColumnField(mapping, 'Дата', null)).toEqual({ amount: 'Сумма', orderId: 'Номер заказа' });
  });

  it('applies a saved mapping to headers written a little differently', () => {
    expect(applySavedMapping({ orderId: 'Order No', date: 'Date', amount: 'Gone' }, ['order no.', 'DATE', 'Total'])).toEqual({ orderId: 'order no.', date: 'DATE' });
  });

  it('says what must be mapped before importing', () => {
    expect(missingFields(mapping)).toEqual([]);
    expect(missingFields({ unitPrice: 'Цена' })).toEqual(['date']);
    // A one-row-per-order export (WooCommerce) has an order total and no amount.
    expect(missingFields({ date: 'Order Date', orderTotal: 'Order Total' })).toEqual([]);
    expect(missingFields({})).toEqual(['date', 'amount']);
  });

  it('samples distinct non-empty values', () => {
    const rows = [{ cells: ['a', ''] }, { cells: ['a', 'x'] }, { cells: ['b', ' '] }, { cells: ['c', 'y'] }, { cells: ['d'] }];
    expect(sampleValues(rows, 0)).toEqual(['a', 'b', 'c']);
    expect(sampleValues(rows, 1)).toEqual(['x', 'y']);
    expect(sampleValues(rows, 5)).toEqual([]);
  });
});
