import type { Contact, ContactInput } from '@contracts/customers.ts';

export type ContactKind = Contact['kind'];

/** One editable email or phone row; rows left empty are not sent. */
export interface ContactRow {
  key: string;
  kind: ContactKind;
  value: string;
  label: string;
}

let nextKey = 0;
export function newContactRow(kind: ContactKind, from?: Partial<ContactRow>): ContactRow {
  nextKey += 1;
  return { key: `row${nextKey}`, kind, value: '', label: '', ...from };
}

export function rowsFromContacts(contacts: readonly Contact[]): ContactRow[] {
  return contacts.map((contact) => newContactRow(contact.kind, { value: contact.value, label: contact.label ?? '' }));
}

/** The contacts to send: filled rows only, in order. */
export function contactsToSend(rows: readonly ContactRow[]): ContactInput[] {
  return rows
    .filter((row) => row.value.trim() !== '')
    .map((row) => ({ kind: row.kind, value: row.value.trim(), label: row.label.trim() || null }));
}

/**
 * The index each row has in the contacts sent (null for an empty row), so that a problem at
 * `contacts.1.value` shows under the right row.
 */
export function sentIndexes(rows: readonly ContactRow[]): (number | null)[] {
  let index = 0;
  return rows.map((row) => (row.value.trim() === '' ? null : index++));
}

/** "Email 2": the row's number among the rows of its kind. */
export function numberInKind(rows: readonly ContactRow[], position: number): number {
  const row = rows[position];
  return rows.slice(0, position + 1).filter((candidate) => candidate.kind === row?.kind).length;
}

/** Every path a contact problem can have, for the rows on screen. */
export function contactPaths(rows: readonly ContactRow[]): string[] {
  return sentIndexes(rows).flatMap((index) => (index === null ? [] : [`contacts.${index}.value`, `contacts.${index}.label`]));
}
