import type { z } from 'zod';
import type { contactsSourceSchema } from '../../../contracts/imports.ts';
import type { DateFormat } from '../date-values.ts';
import { headerKey } from '../import-fields.ts';

/**
 * Contacts exports Rapport recognises from the header (or, for vCard, from the file): Google
 * Contacts in its current layout and in the older "Google CSV" one, and Outlook's contacts CSV
 * (the desktop export, and Outlook.com's, which has the same names in another order).
 *
 * Headers as published: Google's current layout starts "First Name, Middle Name, Last Name,
 * Phonetic First Name, …, Nickname, File As, Organization Name, Organization Title, Organization
 * Department, Birthday, Notes, Photo, Labels, E-mail 1 - Label, E-mail 1 - Value, …, Phone 1 -
 * Label, Phone 1 - Value, …, Address 1 - Label, Address 1 - Formatted, Address 1 - Street, …";
 * the older one "Name, Given Name, Additional Name, Family Name, …, Birthday, …, Notes, …, Group
 * Membership, E-mail 1 - Type, E-mail 1 - Value, …, Phone 1 - Type, Phone 1 - Value, …,
 * Organization 1 - Type, Organization 1 - Name, Organization 1 - Yomi Name, Organization 1 -
 * Title, …". Outlook writes "Title" for the name's prefix (Mr., Dr.), "Job Title" for the job.
 */
export type ContactsSource = z.infer<typeof contactsSourceSchema>;

export interface ContactsLayout extends ContactsSource {
  /** Headers that identify the layout: all of them are in the file's header. */
  signature: string[];
  /** Field → header, as the system writes it; fields whose header the file lacks are left out. */
  mapping: Partial<Record<string, string>>;
  /** Phone columns whose kind is in their name (Outlook), in the order a customer's phones are listed. */
  phoneColumns?: string[];
  /** Address groups (street, city, region, postal code, country headers): the one with most filled cells is read. */
  addresses?: string[][];
  /** How dates are written when the values read both ways. */
  dateFormat?: DateFormat;
}

const GOOGLE_ADDRESS = { addressLine1: 'Address 1 - Street', city: 'Address 1 - City', region: 'Address 1 - Region', postalCode: 'Address 1 - Postal Code', country: 'Address 1 - Country', website: 'Website 1 - Value' };

export const GOOGLE_CONTACTS: ContactsLayout = {
  id: 'google-contacts',
  system: 'Google Contacts',
  notes: 'Every email and phone column is read with its label; several values in a cell (" ::: ") are several contacts; labels become tags ("* myContacts" is left out, "* starred" is kept as the tag "starred"); a birthday without a year goes in the notes.',
  signature: ['First Name', 'Middle Name', 'Last Name', 'File As', 'Organization Name', 'Organization Title', 'Labels'],
  mapping: { firstName: 'First Name', lastName: 'Last Name', organisation: 'Organization Name', jobTitle: 'Organization Title', birthday: 'Birthday', notes: 'Notes', tags: 'Labels', ...GOOGLE_ADDRESS },
  dateFormat: 'iso',
};

export const GOOGLE_CSV_OLD: ContactsLayout = {
  id: 'google-contacts',
  system: 'Google Contacts',
  notes: 'The older "Google CSV" layout. Every email and phone column is read with its type; several values in a cell (" ::: ") are several contacts; groups become tags ("* My Contacts" is left out); a birthday without a year goes in the notes.',
  signature: ['Name', 'Given Name', 'Additional Name', 'Family Name', 'Group Membership'],
  mapping: { name: 'Name', firstName: 'Given Name', lastName: 'Family Name', organisation: 'Organization 1 - Name', jobTitle: 'Organization 1 - Title', birthday: 'Birthday', notes: 'Notes', tags: 'Group Membership', ...GOOGLE_ADDRESS },
  dateFormat: 'iso',
};

const outlookAddress = (kind: string) => [`${kind} Street`, `${kind} City`, `${kind} State`, `${kind} Postal Code`, `${kind} Country/Region`, `${kind} Country`];

export const OUTLOOK_CONTACTS: ContactsLayout = {
  id: 'outlook-contacts',
  system: 'Outlook contacts',
  notes: 'Three emails and the phone columns, labelled by kind (Mobile, Business, Home…); "Job Title" is the title at "Company" ("Title" is the name\'s prefix, not read); categories become tags; birthdays are month first, and 0/0/00 is none; the home or the business address, whichever the file fills more.',
  signature: ['First Name', 'Last Name', 'E-mail Address', 'Mobile Phone', 'Job Title', 'Company'],
  mapping: { firstName: 'First Name', lastName: 'Last Name', organisation: 'Company', jobTitle: 'Job Title', email: 'E-mail Address', 'email.2': 'E-mail 2 Address', 'email.3': 'E-mail 3 Address', birthday: 'Birthday', notes: 'Notes', tags: 'Categories', website: 'Web Page' },
  phoneColumns: ['Mobile Phone', 'Business Phone', 'Home Phone', 'Primary Phone', 'Other Phone', 'Business Phone 2', 'Home Phone 2', 'Company Main Phone', 'Car Phone', "Assistant's Phone", 'Callback', 'Radio Phone', 'Pager', 'ISDN', 'TTY/TDD Phone', 'Telex', 'Business Fax', 'Home Fax', 'Other Fax'],
  addresses: [outlookAddress('Home'), outlookAddress('Business'), outlookAddress('Other')],
  dateFormat: 'mdy',
};

/** The vCard reader's own fixed headers (vcard-reader.ts) are read by the usual header names. */
export const VCARD: ContactsLayout = {
  id: 'vcard',
  system: 'vCard',
  notes: 'One customer a card: FN and N, every EMAIL and TEL with its type as the label, ORG (its first part) and TITLE, BDAY (without a year: in the notes), CATEGORIES as tags, NOTE and the first ADR.',
  signature: [],
  mapping: {},
  dateFormat: 'iso',
};

const CSV_LAYOUTS = [GOOGLE_CONTACTS, GOOGLE_CSV_OLD, OUTLOOK_CONTACTS];

/** The contacts export a file is, from its format and header; null when it is none of them. */
export function detectContactsLayout(headers: string[], formatType: string): ContactsLayout | null {
  if (formatType === 'vcard') return VCARD;
  const keys = new Set(headers.map(headerKey));
  return CSV_LAYOUTS.find((l) => l.signature.every((h) => keys.has(headerKey(h)))) ?? null;
}
