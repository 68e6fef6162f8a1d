import { describe, expect, it } from 'vitest';
import { contactMatchKey, escapeLike, normalizeText, phoneDigits } from './text.ts';

describe('normalizeText', () => {
  it('folds case and accents in Latin and Cyrillic', () => {
    expect(normalizeText('Müller')).toBe('muller');
    expect(normalizeText('  José   GARCÍA ')).toBe('jose garcia');
    expect(normalizeText('Иванов')).toBe('иванов');
    expect(normalizeText('Ёлкин')).toBe('елкин');
    expect(normalizeText('Straße')).toBe('strasse');
  });

  it('makes a lower-case query match what was stored', () => {
    expect(normalizeText('ИВАНОВА Мария').includes(normalizeText('иванова'))).toBe(true);
    expect(normalizeText('Françoise').includes(normalizeText('francoise'))).toBe(true);
  });
});

describe('phones and emails', () => {
  it('keeps only the digits of a phone', () => {
    expect(phoneDigits('+44 (20) 7946-0958')).toBe('442079460958');
  });

  it('matches phones on their last ten digits and emails case-insensitively', () => {
    expect(contactMatchKey('phone', '+7 (912) 345-67-89')).toBe(contactMatchKey('phone', '8 912 345 67 89'));
    expect(contactMatchKey('email', ' Ann@Example.COM')).toBe('ann@example.com');
  });

  it('escapes LIKE wildcards', () => {
    expect(escapeLike('50%_off\\')).toBe('50\\%\\_off\\\\');
  });
});
