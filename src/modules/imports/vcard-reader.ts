import fs from 'node:fs';
import type { DelimitedFormat, TableRow, TableSample, TableStream } from './table-reader.ts';
import { readTextChunks } from './text-chunks.ts';
import { detectEncoding } from './text-encoding.ts';

/**
 * vCard files (.vcf, versions 2.1, 3.0 and 4.0) read as a table: one row per card, under fixed
 * headers that the customers mapping knows (the email and phone columns are named as Google
 * Contacts names them). Folded lines are unfolded; 2.1's quoted-printable values (with soft
 * line breaks) are decoded in their CHARSET; TYPE parameters, bare 2.1 types and Apple's
 * item1.X-ABLabel become the labels of emails and phones.
 */
const MAX_CONTACTS = 8;
const numbered = (kind: string) => Array.from({ length: MAX_CONTACTS }, (_, i) => [`${kind} ${i + 1} - Label`, `${kind} ${i + 1} - Value`]).flat();
export const VCARD_HEADERS = ['Kind', 'Full Name', 'First Name', 'Last Name', 'Organization', 'Title', 'Birthday', 'Categories', 'Note', 'Street', 'City', 'Region', 'Postal Code', 'Country', 'Website', ...numbered('E-mail'), ...numbered('Phone')];
const column = new Map(VCARD_HEADERS.map((h, i) => [h, i]));

/** Whether a file's first bytes are a vCard (after a byte-order mark and blank lines). */
export function looksLikeVcard(bytes: Uint8Array): boolean {
  const start = new TextDecoder('utf-8').decode(bytes.subarray(0, 200)).replace(/^\uFEFF/, '').trimStart();
  return /^BEGIN:VCARD\s/i.test(start);
}

interface Property {
  group: string | null;
  name: string;
  params: Map<string, string[]>;
  value: string;
}

/** A card's lines, split as a stream of text arrives: folded and soft-broken lines joined, one row per card. */
export function createVcardParser() {
  let rest = '';
  let line = 0;
  let card: { start: number; lines: string[] } | null = null;
  let pending: string | null = null; // the logical line being built
  let pendingLine = 0;
  const rows: TableRow[] = [];

  const finish = () => {
    if (pending === null) return;
    const logical = pending.trim();
    pending = null;
    if (/^BEGIN:VCARD$/i.test(logical)) card = { start: pendingLine, lines: [] };
    else if (/^END:VCARD$/i.test(logical)) {
      if (card) rows.push({ number: card.start, cells: cardCells(card.lines.map(parseProperty).filter((p): p is Property => p !== null)) });
      card = null;
    } else card?.lines.push(logical);
  };
  const take = (physical: string) => {
    line++;
    if (pending !== null) {
      // A quoted-printable value ending in "=" goes on, as it is (a space there is text), on the next line (2.1).
      if (pending.endsWith('=') && /QUOTED-PRINTABLE/i.test(pending.slice(0, pending.indexOf(':') + 1))) {
        pending = pending.slice(0, -1) + physical;
        return;
      }
      // A folded line: the next one starts with a space or a tab.
      if (physical.startsWith(' ') || physical.startsWith('\t')) {
        pending += physical.slice(1);
        return;
      }
    }
    finish();
    if (physical.trim() === '') return;
    pending = physical;
    pendingLine = line;
  };
  return {
    write(text: string): TableRow[] {
      const parts = (rest + text).split(/\r\n|\n|\r/);
      rest = parts.pop()!;
      for (const p of parts) take(p);
      return rows.splice(0);
    },
    end(): TableRow[] {
      if (rest !== '') take(rest);
      rest = '';
      finish();
      return rows.splice(0);
    },
  };
}

/** `item1.TEL;TYPE=work,voice;PREF=1:+1 555…` as its group, name, parameters and decoded value. */
function parseProperty(logical: string): Property | null {
  let colon = -1;
  let quoted = false;
  for (let i = 0; i < logical.length; i++) {
    if (logical[i] === '"') quoted = !quoted;
    else if (logical[i] === ':' && !quoted) {
      colon = i;
      break;
    }
  }
  if (colon < 0) return null;
  const [head, ...rawParams] = logical.slice(0, colon).split(';');
  const dot = head!.indexOf('.');
  const params = new Map<string, string[]>();
  for (const raw of rawParams) {
    const eq = raw.indexOf('=');
    // vCard 2.1 writes types bare: TEL;WORK;VOICE, and QUOTED-PRINTABLE alone.
    const key = eq < 0 ? (/^(quoted-printable|base64|8bit|7bit)$/i.test(raw) ? 'ENCODING' : 'TYPE') : raw.slice(0, eq).toUpperCase();
    const values = (eq < 0 ? raw : raw.slice(eq + 1)).split(',').map((v) => v.replace(/^"|"$/g, '').trim()).filter(Boolean);
    params.set(key, [...(params.get(key) ?? []), ...values]);
  }
  let value = logical.slice(colon + 1);
  if (params.get('ENCODING')?.some((e) => /^quoted-printable$/i.test(e))) value = decodeQuotedPrintable(value, params.get('CHARSET')?.[0] ?? 'utf-8');
  return { group: dot < 0 ? null : head!.slice(0, dot).toLowerCase(), name: (dot < 0 ? head! : head!.slice(dot + 1)).toUpperCase(), params, value };
}

function decodeQuotedPrintable(text: string, charset: string): string {
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const hex = text.slice(i + 1, i + 3);
    if (text[i] === '=' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else bytes.push(...Buffer.from(text[i]!, 'utf-8'));
  }
  try {
    return new TextDecoder(charset).decode(new Uint8Array(bytes));
  } catch {
    return new TextDecoder('utf-8').decode(new Uint8Array(bytes));
  }
}

/** A value's components (N, ADR, ORG are split on unescaped ";"; CATEGORIES on ","), unescaped. */
function components(value: string, separator: ';' | ','): string[] {
  const out: string[] = [''];
  for (let i = 0; i < value.length; i++) {
    const c = value[i]!;
    if (c === '\\' && i + 1 < value.length) {
      const next = value[++i]!;
      out[out.length - 1] += next === 'n' || next === 'N' ? '\n' : next;
    } else if (c === separator) out.push('');
    else out[out.length - 1] += c;
  }
  return out.map((s) => s.trim());
}

/**
 * A text value (NOTE) unescaped as it is, not split: a ";" in it is text (2.1 does not escape
 * it: "entrée par la cour ; sonner"), and so are the spaces around one.
 */
function textValue(value: string): string {
  return value.replace(/\\(.)/gs, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c)).trim();
}

const TYPE_LABELS: Record<string, string> = { cell: 'Mobile', mobile: 'Mobile', work: 'Work', home: 'Home', fax: 'Fax', pager: 'Pager', main: 'Main', other: 'Other', iphone: 'iPhone', car: 'Car', video: 'Video', text: 'Text', textphone: 'Textphone', isdn: 'ISDN', bbs: 'BBS', modem: 'Modem', msg: 'Message' };
/** Types that say nothing a person would call a label. */
const SILENT_TYPES = new Set(['internet', 'pref', 'voice', 'x400', 'uri', 'text/plain']);

function labelOf(p: Property, groupLabels: Map<string, string>): string {
  const own = p.group ? groupLabels.get(p.group) : undefined;
  if (own) return own;
  const types = (p.params.get('TYPE') ?? []).map((t) => t.toLowerCase()).filter((t) => !SILENT_TYPES.has(t));
  // Apple writes its "iPhone" label as type=IPHONE;type=CELL: the phone is labelled iPhone, not "iPhone Mobile".
  if (types.includes('iphone')) return 'iPhone';
  return [...new Set(types.map((t) => TYPE_LABELS[t] ?? t.replace(/^x-/, '')))].join(' ');
}

/** A card as cells under VCARD_HEADERS. */
function cardCells(props: Property[]): string[] {
  const cells = VCARD_HEADERS.map(() => '');
  const set = (header: string, value: string) => {
    if (value !== '' && cells[column.get(header)!] === '') cells[column.get(header)!] = value;
  };
  const first = (name: string) => props.find((p) => p.name === name);
  // Apple's item1.X-ABLabel:_$!<Other>!$_ (a built-in label) or a label of one's own.
  const groupLabels = new Map(props.filter((p) => p.name === 'X-ABLABEL' && p.group).map((p) => [p.group!, components(p.value, ';')[0]!.replace(/^_\$!<(.*)>!\$_$/, '$1')]));

  const n = first('N') ? components(first('N')!.value, ';') : [];
  const fn = first('FN') ? components(first('FN')!.value, ';').join(' ').trim() : '';
  const org = first('ORG') ? components(first('ORG')!.value, ';')[0]! : '';
  const namedPerson = (n[0] ?? '') !== '' || (n[1] ?? '') !== '';
  const kind = first('KIND')?.value.trim().toLowerCase();
  const isOrganisation = kind === 'org' || kind === 'organization' || /^company$/i.test(first('X-ABSHOWAS')?.value.trim() ?? '') || (!namedPerson && org !== '' && (fn === '' || fn === org));
  set('Kind', isOrganisation ? 'organisation' : kind === 'individual' || namedPerson ? 'person' : '');
  set('Full Name', isOrganisation ? fn || org : fn);
  if (!isOrganisation) {
    set('First Name', n[1] ?? '');
    set('Last Name', n[0] ?? '');
    set('Organization', org);
    set('Title', first('TITLE') ? components(first('TITLE')!.value, ';').join(' ') : '');
  }
  set('Birthday', first('BDAY') ? isoBirthday(first('BDAY')!) : '');
  set('Categories', props.filter((p) => p.name === 'CATEGORIES').flatMap((p) => components(p.value, ',')).filter(Boolean).join(' ::: '));
  set('Note', props.filter((p) => p.name === 'NOTE').map((p) => textValue(p.value)).join('\n\n'));
  const adr = props.filter((p) => p.name === 'ADR').find(isPreferred) ?? first('ADR');
  if (adr) {
    const [, extended = '', street = '', city = '', region = '', postal = '', country = ''] = components(adr.value, ';');
    set('Street', [street, extended].filter(Boolean).join(', '));
    set('City', city);
    set('Region', region);
    set('Postal Code', postal);
    set('Country', country);
  }
  set('Website', first('URL') ? first('URL')!.value.replace(/\\:/g, ':').trim() : '');
  for (const [name, kind2] of [['EMAIL', 'E-mail'], ['TEL', 'Phone']] as const) {
    const found = props.filter((p) => p.name === name && p.value.trim() !== '');
    found.forEach((p, i) => {
      const value = components(p.value, ';')[0]!.replace(/^tel:/i, '');
      const slot = Math.min(i, MAX_CONTACTS - 1) + 1;
      const at = column.get(`${kind2} ${slot} - Value`)!;
      // More than the columns hold: the last column takes the rest, as Google writes several values in a cell.
      if (cells[at] !== '') cells[at] += ` ::: ${value}`;
      else {
        cells[at] = value;
        cells[column.get(`${kind2} ${slot} - Label`)!] = labelOf(p, groupLabels);
      }
    });
  }
  return cells;
}

function isPreferred(p: Property): boolean {
  return (p.params.get('TYPE') ?? []).some((t) => t.toLowerCase() === 'pref') || p.params.has('PREF');
}

/**
 * BDAY as the customers reader takes it: 1985-04-12, or --04-12 without a year (4.0 writes
 * --0412; Apple writes a made-up year and says so: BDAY;X-APPLE-OMIT-YEAR=1604:1604-09-03).
 */
function isoBirthday(p: Property): string {
  const value = p.value.trim();
  const date = value.split('T')[0]!;
  const full = /^(\d{4})-?(\d{2})-?(\d{2})$/.exec(date);
  if (full && p.params.get('X-APPLE-OMIT-YEAR')?.includes(full[1]!)) return `--${full[2]}-${full[3]}`;
  if (full) return `${full[1]}-${full[2]}-${full[3]}`;
  const yearless = /^--(\d{2})-?(\d{2})$/.exec(date);
  if (yearless) return `--${yearless[1]}-${yearless[2]}`;
  return value;
}

/** The vCard file's format: its encoding (detected, or as overridden), the fixed headers. */
export function vcardFormat(bytes: Uint8Array, overrides: Partial<DelimitedFormat>): DelimitedFormat {
  return { type: 'vcard', encoding: overrides.encoding ?? detectEncoding(bytes).encoding, delimiter: ',', hasHeader: true };
}

/** Every card of the file, in batches (there is no header row to skip: the headers are fixed). */
export function streamVcards(path: string, format: DelimitedFormat, gzip: boolean, batchSize: number, failure: (message: string) => Error): TableStream {
  const size = fs.statSync(path).size;
  const text = readTextChunks(path, format.encoding, gzip, failure);
  const batches = (async function* () {
    const parser = createVcardParser();
    let batch: TableRow[] = [];
    let first = true;
    for await (const chunk of text.chunks) {
      batch.push(...parser.write(first ? chunk.replace(/^\uFEFF/, '') : chunk));
      first = false;
      if (batch.length >= batchSize) {
        yield batch;
        batch = [];
      }
    }
    batch.push(...parser.end());
    if (batch.length > 0) yield batch;
  })();
  return { batches, bytesRead: text.bytesRead, size, warnings: [] };
}

/** The first cards, as the import will read them. */
export async function sampleVcards(path: string, format: DelimitedFormat, gzip: boolean, sampleRows: number, failure: (message: string, line: number | null) => Error): Promise<TableSample> {
  const rows: TableRow[] = [];
  for await (const batch of streamVcards(path, format, gzip, sampleRows, (m) => failure(m, null)).batches) {
    rows.push(...batch);
    if (rows.length >= sampleRows) break;
  }
  if (rows.length === 0) throw failure('The vCard file has no complete card (BEGIN:VCARD … END:VCARD)', null);
  return { format, headers: [...VCARD_HEADERS], rows: rows.slice(0, sampleRows), compressed: gzip, sheets: [] };
}

/** Decodes a whole small vCard text (tests, previews). */
export function readVcardText(text: string): TableRow[] {
  const parser = createVcardParser();
  return [...parser.write(text), ...parser.end()];
}
