import { describe, expect, it } from 'vitest';
import type { Attribute } from '../../../../src/contracts/attributes.ts';
import { formatDay, formatMoney, formatNumber } from '../../i18n/format.ts';
import { attributeText, fromInputValue, toInputValue } from './attributeValue.ts';

const base: Attribute = { id: 'a', key: 'k', label: 'K', type: 'text', appliesTo: 'both', options: [], position: 0 };
const as = (type: Attribute['type'], options: Attribute['options'] = []): Attribute => ({ ...base, type, options });
const en = { number: (n: number) => formatNumber(n, 'en'), money: (m: number, c: string) => formatMoney(m, c, 'en'), day: (d: string) => formatDay(d, 'en'), yes: 'Yes', no: 'No' };
const EUR = { currency: 'EUR', locale: 'en' };
const NBSP = '\u00A0';

describe('attributeText', () => {
  it('formats by type', () => {
    expect(attributeText(as('money'), 123456, 'EUR', en)).toBe('€1,234.56');
    expect(attributeText(as('number'), 1500, 'EUR', en)).toBe('1,500');
    expect(attributeText(as('date'), '2026-03-05', 'EUR', en)).toBe('Mar 5, 2026');
    expect(attributeText(as('boolean'), false, 'EUR', en)).toBe('No');
  });

  it('shows choices by their labels', () => {
    const options = [{ id: 'o1', label: 'Retail' }, { id: 'o2', label: 'Wholesale' }];
    expect(attributeText(as('choice', options), 'o2', 'EUR', en)).toBe('Wholesale');
    expect(attributeText(as('multichoice', options), ['o1', 'o2'], 'EUR', en)).toBe('Retail, Wholesale');
  });

  it('says nothing for empty values', () => {
    expect(attributeText(as('text'), null, 'EUR', en)).toBeNull();
    expect(attributeText(as('multichoice'), [], 'EUR', en)).toBeNull();
    expect(attributeText(as('text'), undefined, 'EUR', en)).toBeNull();
  });
});

describe('attribute form values', () => {
  it('edits money in major units and stores minor units', () => {
    expect(toInputValue(as('money'), 123450, 'RUB')).toBe('1234.50');
    expect(fromInputValue(as('money'), `1${NBSP}234,5`, { currency: 'RUB', locale: 'ru' })).toEqual({ value: 123450 });
    expect(fromInputValue(as('money'), '12', { currency: 'JPY', locale: 'en' })).toEqual({ value: 12 });
  });

  it('refuses what is not a number or a date, and clears on empty', () => {
    expect(fromInputValue(as('number'), 'many', EUR)).toEqual({ error: 'invalid_number' });
    expect(fromInputValue(as('date'), '05.03.2026', EUR)).toEqual({ error: 'invalid_date' });
    expect(fromInputValue(as('number'), ' ', EUR)).toEqual({ value: null });
    expect(fromInputValue(as('multichoice'), [], EUR)).toEqual({ value: null });
  });

  it('reads yes/no and keeps option ids', () => {
    expect(fromInputValue(as('boolean'), 'false', EUR)).toEqual({ value: false });
    expect(toInputValue(as('boolean'), true, 'EUR')).toBe('true');
    expect(toInputValue(as('multichoice'), null, 'EUR')).toEqual([]);
  });
});
