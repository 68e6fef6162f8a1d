/** Calendar arithmetic the Today queue needs beyond shared/days.ts. */

const partFormats = new Map<string, Intl.DateTimeFormat>();

function zoneOffsetMs(timeZone: string, ms: number): number {
  let format = partFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
    partFormats.set(timeZone, format);
  }
  const p = Object.fromEntries(format.formatToParts(new Date(ms)).map((x) => [x.type, x.value]));
  return Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second)) - Math.floor(ms / 1000) * 1000;
}

/** The instant (ISO, as stored) a calendar day starts in a time zone. */
export function zoneMidnight(day: string, timeZone: string): string {
  const wall = Date.parse(`${day}T00:00:00Z`);
  const guess = wall - zoneOffsetMs(timeZone, wall);
  return new Date(wall - zoneOffsetMs(timeZone, guess)).toISOString();
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Month and day as a number, 1203 for 3 December: what the month-day indexes hold. */
export function monthDayNumber(day: string): number {
  return Number(day.slice(5, 7)) * 100 + Number(day.slice(8, 10));
}

/** The month-days whose yearly occasion falls today: 29 February counts on the 28th in a common year. */
export function occasionMonthDays(today: string): number[] {
  const md = monthDayNumber(today);
  return md === 228 && !isLeapYear(Number(today.slice(0, 4))) ? [228, 229] : [md];
}

/** Monday of the week a day is in (ISO weeks). */
export function mondayOf(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  return d.toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
