/**
 * Dates and date-times as exports write them: ISO, dd.mm.yyyy, mm/dd/yyyy, yyyymmdd and Excel
 * serial numbers, with or without a time. The format is decided for a whole column (a day
 * above 12 settles dd/mm against mm/dd); a column that fits both is reported as ambiguous for
 * the user to confirm. Times without a zone are in the workspace's time zone.
 */
import { DATE_FORMATS } from '../../contracts/imports.ts';

export { DATE_FORMATS };
export type DateFormat = (typeof DATE_FORMATS)[number];

export interface DateParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** Minutes east of UTC when the text names a zone; null when it does not. */
  offsetMinutes: number | null;
}

const TIME = String.raw`(?:[T\s]+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(?:([AaPp])\.?[Mm]\.?)?\s*(Z|[+-]\d{2}:?\d{2})?)?`;
const PATTERNS: Record<Exclude<DateFormat, 'excel'>, RegExp> = {
  iso: new RegExp(String.raw`^(\d{4})-(\d{1,2})-(\d{1,2})${TIME}$`),
  dmy: new RegExp(String.raw`^(\d{1,2})[./-](\d{1,2})[./-](\d{4}|\d{2})${TIME}$`),
  mdy: new RegExp(String.raw`^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})${TIME}$`),
  ymd: new RegExp(String.raw`^(\d{4})(\d{2})(\d{2})${TIME}$`),
};

/** The parts of a date written in the given format, or null when it is not one (31.02.2024 is not). */
export function parseDateParts(text: string, format: DateFormat): DateParts | null {
  const s = text.trim();
  if (s === '') return null;
  if (format === 'excel') return excelSerial(s);
  const m = PATTERNS[format].exec(s);
  if (!m) return null;
  const [a, b, c] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const [year, month, day] = format === 'dmy' ? [fullYear(m[3]!), b, a] : format === 'mdy' ? [fullYear(m[3]!), a, b] : [a, b, c];
  let hour = m[4] ? Number(m[4]) : 0;
  const minute = m[5] ? Number(m[5]) : 0;
  const second = m[6] ? Number(m[6]) : 0;
  if (m[7]) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (m[7].toLowerCase() === 'p' ? 12 : 0);
  }
  const parts = { year, month, day, hour, minute, second, offsetMinutes: m[8] ? zoneOffset(m[8]) : null };
  return valid(parts) ? parts : null;
}

function fullYear(text: string): number {
  const n = Number(text);
  if (text.length === 4) return n;
  return n < 70 ? 2000 + n : 1900 + n;
}

function zoneOffset(zone: string): number {
  if (zone === 'Z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2)));
}

function valid(p: DateParts): boolean {
  if (p.year < 1900 || p.year > 2200 || p.month < 1 || p.month > 12 || p.day < 1) return false;
  if (p.hour > 23 || p.minute > 59 || p.second > 59) return false;
  return p.day <= new Date(Date.UTC(p.year, p.month, 0)).getUTCDate();
}

/** Excel's day count from 1899-12-30 (its 1900 leap-year bug included), with the time as a fraction. */
function excelSerial(text: string): DateParts | null {
  if (!/^\d{1,6}(\.\d+)?$/.test(text)) return null;
  const serial = Number(text);
  if (serial < 1 || serial > 109574) return null; // 1900-01-01 .. 2199-12-31
  const ms = Math.round((serial - 25569) * 86_400_000 / 1000) * 1000;
  const d = new Date(ms);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(), minute: d.getUTCMinutes(), second: d.getUTCSeconds(), offsetMinutes: null };
}

export interface DetectedDateFormat {
  format: DateFormat | null;
  /** Formats that read every sample value (more than one: the user must confirm). */
  candidates: DateFormat[];
  ambiguous: boolean;
  /** The value further down the file that decided dd/mm against mm/dd. */
  settledBy?: { row: number; value: string };
}

/**
 * The format that reads every non-empty sample value. dd/mm and mm/dd both fitting is
 * ambiguous: the locale's habit is proposed (day first outside the US) and flagged.
 */
export function detectDateFormat(values: string[], preferDayFirst = true): DetectedDateFormat {
  const present = values.map((v) => v.trim()).filter((v) => v !== '');
  if (present.length === 0) return { format: null, candidates: [], ambiguous: false };
  // A few bad values (a typo, a day that does not exist) must not hide the column's format:
  // the formats that read the most values, if they read nearly all of them.
  const scores = DATE_FORMATS.map((f) => {
    if (f === 'excel' && !present.some((v) => v.includes('.'))) {
      // Plain integers are counts or ids far more often than dates; only a column of
      // five-digit serials in a plausible range is read as Excel dates.
      if (!present.every((v) => /^\d{5}$/.test(v) && Number(v) > 20000 && Number(v) < 80000)) return { f, n: 0 };
    }
    return { f, n: present.filter((v) => parseDateParts(v, f) !== null).length };
  });
  const best = Math.max(...scores.map((s) => s.n));
  const candidates = best >= present.length * 0.5 && best > 0 ? scores.filter((s) => s.n === best).map((s) => s.f) : [];
  if (candidates.length === 0) return { format: null, candidates, ambiguous: false };
  const dayMonth = candidates.includes('dmy') && candidates.includes('mdy');
  const format = dayMonth ? (preferDayFirst ? 'dmy' : 'mdy') : candidates[0]!;
  return { format, candidates, ambiguous: dayMonth && present.some((v) => !/^(\d{1,2})[./-]\1[./-]/.test(v)) };
}

/** The UTC instant of a wall-clock time in a time zone (the zone in the text wins). */
export function toInstant(parts: DateParts, timeZone: string): Date {
  const wall = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
  if (parts.offsetMinutes !== null) return new Date(wall - parts.offsetMinutes * 60_000);
  // The zone's offset at that moment; a second pass settles times next to a DST change.
  let guess = wall - offsetOf(timeZone, wall) * 60_000;
  guess = wall - offsetOf(timeZone, guess) * 60_000;
  return new Date(guess);
}

const formatters = new Map<string, Intl.DateTimeFormat>();
const offsets = new Map<string, number>();

/** Minutes east of UTC of a time zone at an instant (zones change offset on the hour or half hour). */
function offsetOf(timeZone: string, instant: number): number {
  if (timeZone === 'UTC') return 0;
  const key = `${timeZone} ${Math.floor(instant / 1_800_000)}`;
  let offset = offsets.get(key);
  if (offset === undefined) {
    if (offsets.size > 50_000) offsets.clear();
    offset = zoneOffsetAt(timeZone, instant);
    offsets.set(key, offset);
  }
  return offset;
}

function zoneOffsetAt(timeZone: string, instant: number): number {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
    formatters.set(timeZone, f);
  }
  const p = Object.fromEntries(f.formatToParts(new Date(instant)).map((x) => [x.type, x.value]));
  const asUtc = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second));
  return Math.round((asUtc - Math.floor(instant / 1000) * 1000) / 60_000);
}
