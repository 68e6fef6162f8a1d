import { NUMBERED_CONTACT_FIELD } from '../../contracts/imports.ts';
import { contactMatchKey } from '../../shared/text.ts';

/**
 * Cells of contacts exports, read as Rapport keeps them: several emails and phones a row with
 * their labels, tags from a group list, a birthday that may have no year. Pure functions.
 */

/** Google writes several values of one kind in one cell: "a@x.com ::: b@x.com". */
const MULTI_VALUE = /\s*:::\s*/;

export interface ContactColumn {
  kind: 'email' | 'phone';
  /** The mapping keys of its value and of its label: email, emailLabel; phone.2, phoneLabel.2. */
  field: string;
  labelField: string;
}

/** The mapping's email and phone columns, in their order: email, email.2, email.3…, then the phones. */
export function contactColumns(mapping: Partial<Record<string, string>>): ContactColumn[] {
  const out: (ContactColumn & { n: number })[] = [];
  for (const field of Object.keys(mapping)) {
    if (mapping[field] === undefined) continue;
    const numbered = NUMBERED_CONTACT_FIELD.exec(field);
    if (field !== 'email' && field !== 'phone' && (!numbered || numbered[2])) continue; // not a contact, or a label column (read with its value's)
    const kind = (field.startsWith('email') ? 'email' : 'phone') as ContactColumn['kind'];
    const n = numbered ? Number(numbered[3]) : 1;
    out.push({ kind, field, labelField: n === 1 ? `${kind}Label` : `${kind}Label.${n}`, n });
  }
  return out.toSorted((a, b) => (a.kind === b.kind ? a.n - b.n : a.kind === 'email' ? -1 : 1)).map(({ n: _n, ...c }) => c);
}

/** A label as the file writes it, as kept: Google's "* Work" (the primary one) is "Work". */
export function cleanLabel(text: string | null): string | null {
  const label = (text ?? '').replace(/^\*\s*/, '').trim();
  return label === '' ? null : label.slice(0, 60);
}

const PHONE_WORDS = /^(phone|telephone|tel\.?|number|no\.?|#|телефон\p{L}*|тел\.?|номер\p{L}*|\d+)$/iu;

/**
 * The label a phone column's name gives when the file has no label column: Outlook's "Mobile
 * Phone" is Mobile, "Business Phone 2" Business, "Pager" Pager; a plain "Phone" gives none.
 * Emails only from "Work Email"-like names.
 */
export function labelFromHeader(kind: 'email' | 'phone', header: string): string | null {
  if (kind === 'email') return /^(\p{L}+)\s+e-?mail$/iu.exec(header.trim())?.[1] ?? null;
  const rest = header.trim().split(/\s+/).filter((w) => !PHONE_WORDS.test(w));
  return rest.length === 0 ? null : rest.join(' ').slice(0, 60);
}

/** A cell's values: one, or several separated by " ::: ". */
export function cellValues(cell: string): string[] {
  return cell.split(MULTI_VALUE).map((v) => v.trim()).filter(Boolean);
}

/** Contacts of a row without repeats (the same email twice, in any case, is one). */
export function uniqueContacts<C extends { kind: 'email' | 'phone'; value: string }>(contacts: C[]): C[] {
  const seen = new Set<string>();
  return contacts.filter((c) => {
    const key = `${c.kind}:${contactMatchKey(c.kind, c.value)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Google's own groups, not the user's: every contact is in "My Contacts". */
const SYSTEM_GROUPS = new Set(['mycontacts', 'my contacts']);

/**
 * Tags from a cell: Google's " ::: " list ("* myContacts ::: Friends ::: * starred"; its own
 * groups start with "* ", My Contacts is left out, starred kept as "starred"), else a list
 * separated by commas, semicolons or bars (Outlook's categories: "Business;VIP").
 */
export function tagNamesOf(cell: string | null): string[] {
  if (!cell) return [];
  const parts = cell.includes(':::') ? cell.split(MULTI_VALUE) : cell.split(/[,;|]/);
  const names = parts.map((t) => t.trim().replace(/^\*\s*/, '').trim()).filter((t) => t !== '' && !SYSTEM_GROUPS.has(t.toLowerCase()));
  return [...new Map(names.map((n) => [n.toLowerCase(), n])).values()];
}

export type BirthdayCell = { kind: 'none' } | { kind: 'date'; text: string } | { kind: 'yearless'; month: number; day: number } | { kind: 'invalid' };

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * What a birthday cell holds: no date (Outlook writes 0/0/00 for none), a date to read in the
 * file's format, or a day without a year (Google and vCard: "--04-12"; vCard 4: "--0412"),
 * which a calendar date cannot hold.
 */
export function birthdayCell(text: string): BirthdayCell {
  const s = text.trim();
  if (/^0{1,4}[./-]0{1,2}[./-]0{1,4}$/.test(s)) return { kind: 'none' };
  const yearless = /^--(\d{2})-?(\d{2})$/.exec(s);
  if (!yearless) return { kind: 'date', text: s };
  const [month, day] = [Number(yearless[1]), Number(yearless[2])];
  // 29 February is a birthday (of a leap year).
  if (month < 1 || month > 12 || day < 1 || day > new Date(Date.UTC(2000, month, 0)).getUTCDate()) return { kind: 'invalid' };
  return { kind: 'yearless', month, day };
}

/** The line a birthday without a year leaves in the notes ("Birthday: 12 April (no year given)"). */
export function yearlessBirthdayNote(month: number, day: number): string {
  return `Birthday: ${day} ${MONTHS[month - 1]} (no year given)`;
}

/** Whether a birthday cell is a date for the date-format detection to look at. */
export function isDatedBirthday(text: string): boolean {
  return birthdayCell(text).kind === 'date';
}
