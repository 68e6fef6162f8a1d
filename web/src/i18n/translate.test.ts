import { describe, expect, it } from 'vitest';
import { flattenCatalogue, pluralBase, translate } from './translate.ts';

const en = flattenCatalogue({
  greeting: 'Hello, {name}',
  only: { english: 'Only in English' },
  customers: { shown_one: '{count} customer shown', shown_other: '{count} customers shown' },
});
const ru = flattenCatalogue({
  greeting: 'Здравствуйте, {name}',
  customers: {
    shown_one: 'Показан {count} клиент',
    shown_few: 'Показано {count} клиента',
    shown_many: 'Показано {count} клиентов',
    shown_other: 'Показано {count} клиента',
  },
});

const shown = (count: number) => translate('ru', ru, en, 'customers.shown', { count });

describe('translate', () => {
  it('interpolates variables', () => {
    expect(translate('ru', ru, en, 'greeting', { name: 'Анна' })).toBe('Здравствуйте, Анна');
  });

  it('falls back to English, then to the key', () => {
    expect(translate('ru', ru, en, 'only.english')).toBe('Only in English');
    expect(translate('ru', ru, en, 'no.such.key')).toBe('no.such.key');
  });

  it('picks the Russian plural form by count', () => {
    expect(shown(1)).toBe('Показан 1 клиент');
    expect(shown(3)).toBe('Показано 3 клиента');
    expect(shown(5)).toBe('Показано 5 клиентов');
    expect(shown(11)).toBe('Показано 11 клиентов');
    expect(shown(21)).toBe('Показан 21 клиент');
    expect(shown(1.5)).toBe('Показано 1,5 клиента');
  });

  it('picks the English plural form and formats the count', () => {
    expect(translate('en', en, en, 'customers.shown', { count: 1 })).toBe('1 customer shown');
    expect(translate('en', en, en, 'customers.shown', { count: 1200 })).toBe('1,200 customers shown');
  });

  it('leaves unknown placeholders visible', () => {
    expect(translate('en', en, en, 'greeting')).toBe('Hello, {name}');
  });
});

describe('pluralBase', () => {
  it('strips plural suffixes only', () => {
    expect(pluralBase('customers.shown_few')).toBe('customers.shown');
    expect(pluralBase('apiKeys.scope.read_write')).toBe('apiKeys.scope.read_write');
  });
});
