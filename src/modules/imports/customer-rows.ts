import type { z } from 'zod';
import type { Attribute, AttributeValue } from '../../contracts/attributes.ts';
import { createCustomerSchema } from '../../contracts/customers.ts';
import { contactMatchKey, normalizeText } from '../../shared/text.ts';
import { displayNameOf } from '../customers/customer-derived.ts';
import { birthdayCell, cellValues, cleanLabel, contactColumns, labelFromHeader, tagNamesOf, uniqueContacts, yearlessBirthdayNote } from './contact-cells.ts';
import { unneutraliseCell } from '../exports/spreadsheet-cells.ts';
import { parseDateParts, type DateFormat } from './date-values.ts';
import { currencyExponent, parseDecimal, toScaledInteger, type DecimalSeparator } from './number-values.ts';
import type { TableRow } from './table-reader.ts';
import { REPLACEMENT_CHARACTER } from './text-encoding.ts';
import type { RowProblem } from './transaction-rows.ts';

export interface CustomerReadSettings {
  headers: string[];
  /** Field (or `attr.<key>`) → header. */
  mapping: Partial<Record<string, string>>;
  dateFormat: DateFormat;
  decimal: DecimalSeparator;
  currency: string;
}

const ORGANISATION_WORDS = /^(org|organi[sz]ation|company|business|юр|организация|компания|юрлицо|юридическое)/i;

/**
 * A legal form in a name: ООО "Ромашка", ИП Петров, Acme Ltd, Müller GmbH. Words, not letters
 * inside words (\b knows no Cyrillic); the short Latin forms only in capitals (AG, SA, BV).
 */
const LEGAL_FORM = /(?<![\p{L}\p{N}])(ооо|оао|зао|пао|нао|ао|ип|тоо|нко|ано|гуп|муп|фгуп|llc|l\.l\.c\.|ltd|limited|inc|incorporated|corp|corporation|gmbh|plc|llp|sarl|s\.a\.r\.l\.|s\.r\.l\.|pty|co\.)(?![\p{L}\p{N}])/iu;
const LEGAL_FORM_CAPITALS = /(?<![\p{L}\p{N}])(AG|KG|SA|S\.A\.|BV|B\.V\.|NV|N\.V\.|SE|AB|ASA|OY|SpA|S\.p\.A\.)(?![\p{L}\p{N}])/u;

/** Whether a name is a company's (by its legal form). */
export function isCompanyName(name: string): boolean {
  return LEGAL_FORM.test(name) || LEGAL_FORM_CAPITALS.test(name) || /&\s*co\.?(?![\p{L}\p{N}])/iu.test(name);
}

/** A row read as a customer: what createCustomer takes, and what matching and linking need. */
export interface RowCustomer {
  input: z.output<typeof createCustomerSchema>;
  /** The address cells as read (the update keeps what the file leaves empty). */
  address: Record<string, string | null>;
  attributes: Record<string, AttributeValue>;
  externalId: string | null;
  /** The first email and the first phone: what the row is matched on. */
  email: string | null;
  phone: string | null;
  /** Its display name, normalised: a row with no id, email or phone is matched on it (customers-import.ts). */
  nameKey: string | null;
  tagNames: string[];
  organisation: { name: string; title: string | null } | null;
  /** How they found us, as the file says it (null: the file has no acquisition columns, or they are empty). */
  acquisition: AcquisitionCells | null;
  /** Who referred them, as written: matched once all the rows are in (referral-links.ts). */
  referredBy: string | null;
}

export interface AcquisitionCells {
  source: string | null;
  channel: string | null;
  /** YYYY-MM-DD. */
  acquiredOn: string | null;
  utmSource: string | null;
  utmMedium: string | null;
  utmCampaign: string | null;
}

/** A row's keys, in the order a customer is matched on them: external id, email, phone. */
export function keysOf(c: RowCustomer): string[] {
  return [c.externalId && `id:${c.externalId}`, c.email && `email:${contactMatchKey('email', c.email)}`, c.phone && `phone:${contactMatchKey('phone', c.phone)}`].filter((k): k is string => Boolean(k));
}

/** Turns one file row into a customer as the API would take it, or the reasons it cannot be one (every bad cell). */
export function createCustomerRowReader(settings: CustomerReadSettings, definitions: Attribute[]): (row: TableRow) => { problems: RowProblem[]; customer: RowCustomer | null } {
  const column = (field: string) => (settings.mapping[field] ? settings.headers.indexOf(settings.mapping[field]!) : -1);
  return (row) => {
    const problems: RowProblem[] = [];
    const text = (field: string): string | null => {
      const i = column(field);
      const v = i < 0 ? '' : (row.cells[i] ?? '').trim();
      if (v.includes(REPLACEMENT_CHARACTER)) problems.push({ column: settings.mapping[field]!, value: v, code: 'import.bad_encoding', message: "The cell has bytes that are not text in the file's encoding" });
      return v === '' ? null : unneutraliseCell(v);
    };
    let birthdayNote: string | null = null;
    const date = (field: string): string | null | undefined => {
      const v = text(field);
      if (v === null) return undefined;
      const cell = birthdayCell(v);
      if (cell.kind === 'none') return undefined;
      if (cell.kind === 'yearless' && field === 'birthday') {
        // A calendar date cannot hold a day without a year: kept in the notes, no year made up.
        birthdayNote = yearlessBirthdayNote(cell.month, cell.day);
        return undefined;
      }
      if (cell.kind !== 'date') {
        problems.push({ column: settings.mapping[field]!, value: v, code: 'import.date_invalid', message: cell.kind === 'yearless' ? 'A date without its year (only a birthday may leave the year out)' : 'Not a day of the year (month and day without a year)' });
        return undefined;
      }
      const parts = parseDateParts(v, settings.dateFormat) ?? parseDateParts(v, 'iso');
      if (!parts) {
        problems.push({ column: settings.mapping[field]!, value: v, code: 'import.date_invalid', message: `Not a date in the format ${settings.dateFormat} (or a day that does not exist)` });
        return undefined;
      }
      return `${parts.year}-${String(parts.month).padStart(2, '0')}-${String(parts.day).padStart(2, '0')}`;
    };
    const kindText = text('kind');
    const [firstName, lastName, nameCell, organisationCell] = [text('firstName'), text('lastName'), text('name'), text('organisation')];
    // A row whose only name is its organisation's is the organisation itself (Google lists companies so).
    const organisationOnly = !firstName && !lastName && !nameCell && organisationCell !== null && (kindText === null || ORGANISATION_WORDS.test(kindText));
    const organisationName = organisationOnly ? null : organisationCell;
    const name = organisationOnly ? organisationCell : nameCell;
    const kind = kindText ? (ORGANISATION_WORDS.test(kindText) ? 'organisation' : 'person') : organisationOnly || (!firstName && !lastName && name && organisationName === null && isCompanyName(name)) ? 'organisation' : 'person';
    // Every email and phone column, each cell maybe several values, with the label of its label column (or of its name).
    const contacts = uniqueContacts(
      contactColumns(settings.mapping).flatMap((c) => {
        const cell = text(c.field);
        if (cell === null) return [];
        const label = settings.mapping[c.labelField] !== undefined ? cleanLabel(text(c.labelField)) : labelFromHeader(c.kind, settings.mapping[c.field]!);
        return cellValues(cell).map((v) => ({ kind: c.kind, value: c.kind === 'email' ? v.toLowerCase() : v, label, field: c.field }));
      }),
    );
    const email = contacts.find((c) => c.kind === 'email')?.value ?? null;
    const phone = contacts.find((c) => c.kind === 'phone')?.value ?? null;
    const externalId = text('externalId');
    const attributes: Record<string, AttributeValue> = {};
    for (const d of definitions) {
      const v = text(`attr.${d.key}`);
      if (v === null) continue;
      const value = attributeValue(d, v, settings);
      if (value.ok) attributes[d.key] = value.value;
      else problems.push({ column: settings.mapping[`attr.${d.key}`]!, value: v, code: 'import.attribute_invalid', message: value.message });
    }
    const tagNames = tagNamesOf(text('tags'));
    const birthday = date('birthday');
    const acquisition: AcquisitionCells = { source: text('source'), channel: text('channel'), acquiredOn: date('acquiredOn') ?? null, utmSource: text('utmSource'), utmMedium: text('utmMedium'), utmCampaign: text('utmCampaign') };
    const referredBy = text('referredBy');
    const input = {
      kind,
      firstName,
      lastName,
      name,
      website: text('website'),
      address: { line1: text('addressLine1'), city: text('city'), region: text('region'), postalCode: text('postalCode'), country: text('country') },
      birthday,
      customerSince: date('customerSince'),
      notes: [lineBreaksOf(text('notes')), birthdayNote].filter(Boolean).join('\n\n') || null,
      contacts: contacts.map(({ kind: k, value, label }) => ({ kind: k, value, label })),
      attributes,
    };
    const parsed = createCustomerSchema.safeParse(input);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const path = issue.path.map(String);
        // contacts.N.value: the Nth contact built from the row, from one of its email or phone columns.
        const contact = path[0] === 'contacts' ? contacts[Number(path[1])] : undefined;
        const field = contact ? contact.field : fieldOfPath(path);
        const paramCode = (issue as { params?: { code?: string } }).params?.code;
        const code = paramCode === 'invalid_email' ? 'import.email_invalid' : paramCode === 'invalid_phone' ? 'import.phone_invalid' : `import.${paramCode ?? String(issue.code)}`;
        problems.push({ column: field ? (settings.mapping[field] ?? null) : null, value: contact ? contact.value : field ? text(field) : null, code, message: issue.message });
      }
    }
    if (!input.firstName && !input.lastName && !name && !email && !phone) problems.push({ column: null, value: null, code: 'import.name_missing', message: 'The row has no name, email or phone' });
    if (problems.length > 0 || !parsed.success) return { problems, customer: null };
    return {
      problems,
      customer: {
        input: parsed.data, address: input.address, attributes, externalId, email, phone, tagNames,
        nameKey: nameKeyOf(parsed.data),
        organisation: organisationName ? { name: organisationName, title: text('jobTitle') } : null,
        acquisition: Object.values(acquisition).some((v) => v !== null) ? acquisition : null,
        referredBy,
      },
    };
  };
}

/** A multi-line cell with its line breaks as Rapport keeps them: Outlook writes CRLF inside a cell, old Macs CR; stored as LF. */
function lineBreaksOf(text: string | null): string | null {
  return text === null ? null : text.replace(/\r\n?/g, '\n');
}

/** A customer's display name as matched: normalised, as its stored sort name is. */
function nameKeyOf(input: z.output<typeof createCustomerSchema>): string | null {
  const displayName = displayNameOf({ kind: input.kind, first_name: input.firstName ?? null, last_name: input.lastName ?? null, name: input.name ?? null });
  return displayName ? normalizeText(displayName) : null;
}

/** The import field behind a validation path: contacts.0.value → email or phone, address.city → city… */
export function fieldOfPath(path: string[]): string | null {
  const [head, second] = path;
  if (head === 'contacts') return null;
  if (head === 'address') return second === 'line1' ? 'addressLine1' : (second ?? null);
  if (head === 'attributes') return second ? `attr.${second}` : null;
  return head ?? null;
}

type Parsed = { ok: true; value: AttributeValue } | { ok: false; message: string };

/** A cell as an attribute's value, by the attribute's type; choices by option label (or id). */
function attributeValue(d: Attribute, text: string, settings: CustomerReadSettings): Parsed {
  const option = (label: string) => d.options.find((o) => normalizeText(o.label) === normalizeText(label) || o.id === label);
  switch (d.type) {
    case 'text':
      return { ok: true, value: text };
    case 'number': {
      const v = parseDecimal(text, settings.decimal);
      return v === null ? { ok: false, message: `${d.label}: not a number` } : { ok: true, value: Number(v) };
    }
    case 'money': {
      const v = parseDecimal(text, settings.decimal);
      return v === null ? { ok: false, message: `${d.label}: not an amount of money` } : { ok: true, value: Number(toScaledInteger(v, currencyExponent(settings.currency))) };
    }
    case 'date': {
      const p = parseDateParts(text, settings.dateFormat) ?? parseDateParts(text, 'iso');
      return p ? { ok: true, value: `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}` } : { ok: false, message: `${d.label}: not a date` };
    }
    case 'boolean': {
      const v = normalizeText(text);
      if (['yes', 'y', 'true', '1', 'да', 'д', 'истина', '+'].includes(v)) return { ok: true, value: true };
      if (['no', 'n', 'false', '0', 'нет', 'н', 'ложь', '-'].includes(v)) return { ok: true, value: false };
      return { ok: false, message: `${d.label}: not yes or no` };
    }
    case 'choice': {
      const o = option(text);
      return o ? { ok: true, value: o.id } : { ok: false, message: `${d.label}: "${text}" is not one of its options (${d.options.map((x) => x.label).join(', ')})` };
    }
    case 'multichoice': {
      const labels = text.split(/[,;|]/).map((t) => t.trim()).filter(Boolean);
      const unknown = labels.filter((l) => !option(l));
      if (unknown.length) return { ok: false, message: `${d.label}: ${unknown.map((u) => `"${u}"`).join(', ')} not among its options (${d.options.map((x) => x.label).join(', ')})` };
      return { ok: true, value: labels.map((l) => option(l)!.id) };
    }
  }
}
