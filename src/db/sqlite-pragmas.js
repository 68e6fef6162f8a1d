// How every SQLite connection of Rapport is set up: the app's own and the import writer's
// thread (sqlite-writer.worker.js). Plain JavaScript, so that the worker loads it as it is.

/** @param {import('better-sqlite3').Database} connection */
export function configureSqlite(connection) {
  connection.pragma('journal_mode = WAL');
  connection.pragma('foreign_keys = ON');
  connection.pragma('busy_timeout = 5000');
  connection.pragma('synchronous = NORMAL');
  // 32 MiB of page cache (the default is 2 MiB): big imports and lists touch many index pages.
  connection.pragma('cache_size = -32768');
  // Checkpoint every 64 MiB of WAL rather than every 4 MiB: an import's commits rewrite the
  // same index pages, which then reach the database file once, not once per commit. The WAL
  // file is cut back to that size after a checkpoint.
  connection.pragma('wal_autocheckpoint = 16384');
  connection.pragma('journal_size_limit = 67108864');
  // SQLite's own lower() folds only ASCII; PostgreSQL's folds every letter. Make them agree.
  connection.function('lower', { deterministic: true }, (text) => (typeof text === 'string' ? text.toLowerCase() : text));
  // rapport_fold(text): text as normalizeText (src/shared/text.ts) writes it — lower case, accents
  // removed, spaces collapsed — so filters compare text alike in Latin and Cyrillic. PostgreSQL has
  // the same function (migration 0013, src/shared/fold-sql.ts).
  connection.function('rapport_fold', { deterministic: true }, (text) =>
    typeof text === 'string' ? text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/ß/g, 'ss').replace(/\s+/g, ' ').trim() : text);
  registerZoneFunctions(connection);
}

// Calendar days in a time zone, which SQLite cannot work out itself (PostgreSQL's "at time zone"
// does the same there). An offset is looked up once per zone and UTC hour.
const offsetFormats = new Map();
const offsets = new Map();

/** @param {string} zone @param {number} ms */
function zoneOffset(zone, ms) {
  const hour = Math.floor(ms / 3_600_000);
  const key = `${zone}|${hour}`;
  let offset = offsets.get(key);
  if (offset === undefined) {
    let format = offsetFormats.get(zone);
    if (!format) {
      format = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', hourCycle: 'h23' });
      offsetFormats.set(zone, format);
    }
    const parts = Object.fromEntries(format.formatToParts(hour * 3_600_000).map((p) => [p.type, p.value]));
    offset = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour)) - hour * 3_600_000;
    if (offsets.size > 100_000) offsets.clear();
    offsets.set(key, offset);
  }
  return offset;
}

// Reports call these once per customer or purchase: the answers, few and small, are kept.
const dayNames = new Map();
const midnights = new Map();

/** @param {number} dayNumber days since 1970-01-01 */
function dayName(dayNumber) {
  let name = dayNames.get(dayNumber);
  if (name === undefined) {
    name = new Date(dayNumber * 86_400_000).toISOString().slice(0, 10);
    if (dayNames.size > 100_000) dayNames.clear();
    dayNames.set(dayNumber, name);
  }
  return name;
}

/** @param {import('better-sqlite3').Database} connection */
export function registerZoneFunctions(connection) {
  // rapport_local_day(instant, zone): the instant's calendar day in the zone, 'YYYY-MM-DD'.
  connection.function('rapport_local_day', { deterministic: true }, (instant, zone) => {
    if (typeof instant !== 'string' || typeof zone !== 'string') return null;
    const ms = Date.parse(instant);
    return Number.isNaN(ms) ? null : dayName(Math.floor((ms + zoneOffset(zone, ms)) / 86_400_000));
  });
  // rapport_zone_midnight(day, zone, plusDays): the instant (ISO, as stored) the day plusDays after 'day' starts in the zone.
  connection.function('rapport_zone_midnight', { deterministic: true }, (day, zone, plusDays) => {
    if (typeof day !== 'string' || typeof zone !== 'string') return null;
    const key = `${zone}|${day.slice(0, 10)}|${plusDays}`;
    let instant = midnights.get(key);
    if (instant === undefined) {
      const wall = Date.parse(`${day.slice(0, 10)}T00:00:00Z`) + Number(plusDays ?? 0) * 86_400_000;
      if (Number.isNaN(wall)) return null;
      const first = wall - zoneOffset(zone, wall);
      instant = new Date(wall - zoneOffset(zone, first)).toISOString();
      if (midnights.size > 100_000) midnights.clear();
      midnights.set(key, instant);
    }
    return instant;
  });
}
