import { describe, expect, it } from 'vitest';
import { attributeKeyFromLabel } from './attributeKey.ts';

describe('attributeKeyFromLabel', () => {
  it('makes a key the server accepts from any label', () => {
    expect(attributeKeyFromLabel('Company size')).toBe('company_size');
    expect(attributeKeyFromLabel('Размер компании')).toBe('razmer_kompanii');
    expect(attributeKeyFromLabel('Müller & Söhne')).toBe('muller_sohne');
    expect(attributeKeyFromLabel('2nd market')).toBe('a_2nd_market');
    expect(attributeKeyFromLabel('  !!  ')).toBe('');
  });

  it('stays within 60 characters', () => {
    const key = attributeKeyFromLabel('word '.repeat(40));
    expect(key.length).toBeLessThanOrEqual(60);
    expect(key).toMatch(/^[a-z][a-z0-9_]*[a-z0-9]$/);
  });
});
