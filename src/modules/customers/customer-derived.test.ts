import { describe, expect, it } from 'vitest';
import { completenessOf, diffSnapshots, displayNameOf, searchTextOf } from './customer-derived.ts';

describe('displayNameOf', () => {
  it('joins a person’s names, falling back to the given name', () => {
    expect(displayNameOf({ kind: 'person', first_name: 'Мария', last_name: 'Иванова' })).toBe('Мария Иванова');
    expect(displayNameOf({ kind: 'person', first_name: null, last_name: 'Müller' })).toBe('Müller');
    expect(displayNameOf({ kind: 'person', first_name: null, last_name: null, name: ' Anon ' })).toBe('Anon');
    expect(displayNameOf({ kind: 'organisation', first_name: null, last_name: null, name: 'ООО «Ромашка»' })).toBe('ООО «Ромашка»');
    expect(displayNameOf({ kind: 'person', first_name: ' ', last_name: null })).toBeNull();
  });
});

describe('searchTextOf', () => {
  it('holds names, emails, phone digits, organisations and notes, normalised', () => {
    const text = searchTextOf({
      displayName: 'Jürgen Müller',
      contacts: [
        { kind: 'email', value: 'J.Mueller@Example.com' },
        { kind: 'phone', value: '+49 (30) 1234-567' },
      ],
      organisationNames: ['Ёлка GmbH'],
      notes: 'Prefers Café visits',
      noteBodies: ['Called about the order'],
    });
    for (const needle of ['jurgen muller', 'j.mueller@example.com', '49301234567', 'елка gmbh', 'cafe', 'called about']) {
      expect(text).toContain(needle);
    }
  });
});

describe('completenessOf', () => {
  const row = { kind: 'person' as const, display_name: 'A', website: null, address_line1: null, city: 'Riga', birthday: null, consent_given: 1, preferred_language: null, customer_since: null };
  it('counts 8 fields and 7 bits for a person', () => {
    const result = completenessOf({ row, hasEmail: true, hasPhone: false, knownBits: new Set() });
    // known: name, email, address, consent = 4 of 15
    expect(result.known).toEqual(['name', 'email', 'address', 'consent']);
    expect(result.score).toBe(Math.round((100 * 4) / 15));
    expect(result.missing).toContain('bit.value');
    expect(result.missing).toHaveLength(11);
  });

  it('asks an organisation for a website instead of a birthday', () => {
    const result = completenessOf({ row: { ...row, kind: 'organisation', website: 'https://x.io' }, hasEmail: false, hasPhone: false, knownBits: new Set(['value']) });
    expect(result.known).toEqual(['name', 'address', 'website', 'bit.value']);
    expect(result.known.length + result.missing.length).toBe(13);
  });
});

describe('diffSnapshots', () => {
  it('lists only the fields that changed, with old and new values', () => {
    expect(diffSnapshots({ name: 'A', city: 'Riga', notes: null }, { name: 'A', city: 'Tallinn', notes: 'hi', birthday: null })).toEqual([
      { field: 'city', oldValue: 'Riga', newValue: 'Tallinn' },
      { field: 'notes', oldValue: null, newValue: 'hi' },
    ]);
  });
});
