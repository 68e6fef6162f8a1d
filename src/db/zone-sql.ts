import { sql, type RawBuilder } from 'kysely';
import type { DialectName } from './dialect.ts';

/** The calendar day ('YYYY-MM-DD') of an instant in a time zone. */
/** A zone: a name (sent as a parameter), or SQL that gives one (a workspace's, per row). */
export type Zone = string | RawBuilder<string>;

export function localDay(dialect: DialectName, instant: RawBuilder<unknown>, zone: Zone): RawBuilder<string> {
  return dialect === 'postgres' ? sql<string>`to_char(${instant} at time zone ${zone}, 'YYYY-MM-DD')` : sql<string>`rapport_local_day(${instant}, ${zone})`;
}

/** The instant a day (plus some days) starts in a time zone, comparable with stored instants. */
export function zoneMidnight(dialect: DialectName, day: RawBuilder<unknown>, zone: string, plusDays: number): RawBuilder<string> {
  return dialect === 'postgres'
    ? sql<string>`((cast(${day} as date) + ${sql.lit(plusDays)})::timestamp at time zone ${zone})`
    : sql<string>`rapport_zone_midnight(${day}, ${zone}, ${sql.lit(plusDays)})`;
}

/** Whole 30-day months from one instant to another (0 before or in the first), at most 120. */
export function monthIndex(dialect: DialectName, from: RawBuilder<unknown>, to: RawBuilder<unknown>): RawBuilder<number> {
  return dialect === 'postgres'
    ? sql<number>`greatest(0, least(120, floor(date_part('epoch', ${to} - ${from}) / 2592000)))::int`
    : sql<number>`max(0, min(120, cast((julianday(${to}) - julianday(${from})) / 30 as integer)))`;
}

/**
 * The day a customer was acquired (alias c): the day set on them, else "customer since", else the
 * day of their first purchase, else the day they were added — in the workspace's time zone.
 */
export function acquisitionDay(dialect: DialectName, zone: Zone): RawBuilder<string> {
  return sql<string>`coalesce(c.acquired_on, cast(c.customer_since as text), ${localDay(dialect, sql`c.first_purchase_at`, zone)}, ${localDay(dialect, sql`c.created_at`, zone)})`;
}
