import { describe, expect, it } from 'vitest';
import { contactPaths, contactsToSend, newContactRow, numberInKind, rowsFromContacts, sentIndexes } from './contactRows.ts';

describe('contact rows', () => {
  const rows = [
    newContactRow('email', { value: ' anna@example.com ', label: 'work' }),
    newContactRow('email'),
    newContactRow('phone', { value: '+7 (495) 123-45-67' }),
    newContactRow('email', { value: 'anna@home.example' }),
  ];

  it('sends only filled rows, trimmed, with empty labels as null', () => {
    expect(contactsToSend(rows)).toEqual([
      { kind: 'email', value: 'anna@example.com', label: 'work' },
      { kind: 'phone', value: '+7 (495) 123-45-67', label: null },
      { kind: 'email', value: 'anna@home.example', label: null },
    ]);
  });

  it('maps server paths back to rows', () => {
    expect(sentIndexes(rows)).toEqual([0, null, 1, 2]);
    expect(contactPaths(rows)).toContain('contacts.2.value');
    expect(contactPaths(rows)).toHaveLength(6);
  });

  it('numbers rows within their kind', () => {
    expect(rows.map((_, position) => numberInKind(rows, position))).toEqual([1, 2, 1, 3]);
  });

  it('gives every row its own key', () => {
    const loaded = rowsFromContacts([{ id: 'c1', kind: 'phone', value: '123456', label: null }]);
    expect(loaded[0]).toMatchObject({ kind: 'phone', value: '123456', label: '' });
    expect(new Set([...rows, ...loaded].map((row) => row.key)).size).toBe(5);
  });
});
