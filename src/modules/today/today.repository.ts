import { sql, type Kysely, type RawBuilder } from 'kysely';
import { dialectOf, type DialectName } from '../../db/dialect.ts';
import type { DB } from '../../db/schema.ts';
import { localDay } from '../../db/zone-sql.ts';

/**
 * Month and day of a date column as a number (1203 for 3 December). The migration indexes
 * exactly these expressions, so the keyed-date sections read an index instead of every customer.
 */
export function monthDaySql(dialect: DialectName, column: string): RawBuilder<number> {
  const c = sql.ref(column);
  return dialect === 'postgres'
    ? sql<number>`(extract(month from ${c}) * 100 + extract(day from ${c}))`
    : sql<number>`(cast(substr(${c}, 6, 2) as integer) * 100 + cast(substr(${c}, 9, 2) as integer))`;
}

/** The same for an instant's UTC day (the local day is at most one day either side). */
export function utcMonthDaySql(dialect: DialectName, column: string): RawBuilder<number> {
  const c = sql.ref(column);
  return dialect === 'postgres'
    ? sql<number>`(extract(month from (${c} at time zone 'UTC')) * 100 + extract(day from (${c} at time zone 'UTC')))`
    : sql<number>`(cast(substr(${c}, 6, 2) as integer) * 100 + cast(substr(${c}, 9, 2) as integer))`;
}

const notDone = (section: string, key: RawBuilder<string>) =>
  sql<boolean>`not exists (select 1 from queue_done d where d.workspace_id = c.workspace_id and d.section = ${section} and d.customer_id = c.id and d.item_key = ${key})`;
const live = sql<boolean>`c.deleted_at is null and c.merged_into_id is null`;
const total = sql<number>`count(*) over ()`.as('total');
/** Value at stake as the win-back queue has it: predicted CLV, else the tier's value, else trailing revenue. */
const valueAtStake = sql<number>`coalesce(m.clv, m.tier_value, m.revenue_365, 0)`;

/**
 * Customers deleted or merged away (and, with `lost`, marked lost): a small set, read from a partial
 * index, that the sections over thousands of rows exclude instead of looking every customer up.
 */
const gone = (workspaceId: string, column: RawBuilder<unknown>, lost: boolean) => (lost
  ? sql<boolean>`${column} not in (select g.id from customers g where g.workspace_id = ${workspaceId} and (g.deleted_at is not null or g.merged_into_id is not null or g.lost_at is not null))`
  : sql<boolean>`${column} not in (select g.id from customers g where g.workspace_id = ${workspaceId} and (g.deleted_at is not null or g.merged_into_id is not null))`);
const within = (span: { from: string; to: string }, column: RawBuilder<unknown>) => sql`${column} >= ${span.from} and ${column} < ${span.to}`;

/** The SQL of the Today queue: each section one statement, its count beside its first rows. */
export function createTodayRepository(db: Kysely<DB>) {
  const dialect = dialectOf(db as unknown as Kysely<never>);
  const metricsOfLive = (workspaceId: string) => db
    .selectFrom('customer_metrics as m')
    .where('m.workspace_id', '=', workspaceId)
    .where(gone(workspaceId, sql`m.customer_id`, true));
  /**
   * Not marked done since the last purchase: the key is `${customerId}:${last purchase day}`. SQLite
   * finds the customer's done rows first, so the local day is worked out only for the few marked done;
   * PostgreSQL hashes the section's keys once (a lookup per customer costs it more there).
   */
  const notDoneSincePurchase = (workspaceId: string, section: string, zone: string) => {
    const day = localDay(dialect, sql`m.last_purchase_at`, zone);
    return dialect === 'postgres'
      ? sql<boolean>`(m.customer_id || ':' || ${day}) not in (select d.item_key from queue_done d where d.workspace_id = ${workspaceId} and d.section = ${section})`
      : sql<boolean>`not exists (select 1 from queue_done d where d.workspace_id = m.workspace_id and d.section = ${section} and d.customer_id = m.customer_id
          and substr(d.item_key, length(m.customer_id) + 2) = ${day})`;
  };

  return {
    async followUpsDue(workspaceId: string, q: { today: string; actorId: string; mine: boolean; limit: number }) {
      // The page is chosen on the narrow columns first; the rows and names are read for it alone.
      let page = db
        .selectFrom('follow_ups as f')
        .select(['f.id', total, sql<number>`case when f.assignee_id = ${q.actorId} then 0 when f.assignee_id is null then 1 else 2 end`.as('mine_first')])
        .select(['f.due_on', 'f.created_at'])
        .where('f.workspace_id', '=', workspaceId)
        .where('f.status', '=', 'open')
        .where('f.due_on', '<=', q.today)
        .where(gone(workspaceId, sql`f.customer_id`, false));
      if (q.mine) page = page.where('f.assignee_id', '=', q.actorId);
      page = page.orderBy('mine_first').orderBy('f.due_on').orderBy('f.created_at').orderBy('f.id').limit(q.limit);
      return db
        .selectFrom(page.as('p'))
        .innerJoin('follow_ups as f', (j) => j.on('f.workspace_id', '=', workspaceId).onRef('f.id', '=', 'p.id'))
        .innerJoin('customers as c', (j) => j.onRef('c.workspace_id', '=', 'f.workspace_id').onRef('c.id', '=', 'f.customer_id'))
        .leftJoin('users as a', (j) => j.onRef('a.workspace_id', '=', 'f.workspace_id').onRef('a.id', '=', 'f.assignee_id'))
        // The date attribute a date_attribute follow-up is about, as the followups module joins it (its label is in the reason).
        .leftJoin('attribute_definitions as ad', (j) => j.onRef('ad.workspace_id', '=', 'f.workspace_id').on(sql<boolean>`f.rule = 'date_attribute' and ad.id = substr(f.occasion_key, 1, 36)`))
        .selectAll('f')
        .select(['c.display_name as customer_name', 'a.name as assignee_name', 'ad.label as attribute_label', 'p.total'])
        .orderBy('p.mine_first').orderBy('p.due_on').orderBy('p.created_at').orderBy('p.id')
        .execute();
    },

    async thanksOwed(workspaceId: string, q: { limit: number }) {
      return db
        .selectFrom('owed_thanks as o')
        .innerJoin('customers as c', (j) => j.onRef('c.workspace_id', '=', 'o.workspace_id').onRef('c.id', '=', 'o.customer_id'))
        .select(['o.id', 'o.customer_id', 'o.rule', 'o.occurred_on', 'o.detail', total])
        .where('o.workspace_id', '=', workspaceId)
        .where('o.status', '=', 'owed')
        .where(live)
        .orderBy('o.occurred_on', 'desc').orderBy('o.id')
        .limit(q.limit)
        .execute();
    },

    /** Gold and silver customers buying later than their rhythm (due or at risk), not lost. */
    async goldDrifting(workspaceId: string, q: { zone: string; limit: number }) {
      return metricsOfLive(workspaceId)
        .select(['m.customer_id', 'm.lapse_gap_days', 'm.average_gap_days', 'm.last_purchase_at', sql<number>`${valueAtStake}`.as('value'), total])
        .where('m.lapse_state', 'in', ['due', 'at_risk'])
        .where('m.tier', 'in', ['gold', 'silver'])
        .where('m.last_purchase_at', 'is not', null)
        .where(notDoneSincePurchase(workspaceId, 'goldDrifting', q.zone))
        .orderBy(valueAtStake, 'desc').orderBy('m.last_purchase_at').orderBy('m.customer_id')
        .limit(q.limit)
        .execute();
    },

    /** Lapsed customers (gold and silver first) nobody asked why since `askedSince`, not lost. */
    async lapsedToAsk(workspaceId: string, q: { zone: string; askedSince: string; limit: number }) {
      return metricsOfLive(workspaceId)
        .select(['m.customer_id', 'm.tier', 'm.last_purchase_at', sql<number>`${valueAtStake}`.as('value'), total])
        .where('m.lapse_state', '=', 'lapsed')
        .where('m.last_purchase_at', 'is not', null)
        // Lists, not correlated lookups: the asked are few, the lapsed many.
        .where(sql<boolean>`m.customer_id not in (select x.customer_id from winback_actions x where x.workspace_id = ${workspaceId} and x.action = 'ask_why' and x.at >= ${q.askedSince})`)
        .where(sql<boolean>`m.customer_id not in (select e.customer_id from email_messages e where e.workspace_id = ${workspaceId} and e.purpose = 'exit_question' and e.created_at >= ${q.askedSince})`)
        .where(notDoneSincePurchase(workspaceId, 'lapsedToAsk', q.zone))
        .orderBy(sql`case when m.tier in ('gold', 'silver') then 0 else 1 end`).orderBy(valueAtStake, 'desc').orderBy('m.customer_id')
        .limit(q.limit)
        .execute();
    },

    /**
     * Birthdays and customer anniversaries falling today. `monthDays` are today's (two on 28
     * February of a common year); `nearMonthDays` those a day either side, which narrow the first
     * purchases by their UTC day before the exact local day is checked.
     */
    async keyDates(workspaceId: string, q: { today: string; monthDays: number[]; nearMonthDays: number[]; limit: number }) {
      const mdText = q.monthDays.map((md) => `${String(Math.floor(md / 100)).padStart(2, '0')}-${String(md % 100).padStart(2, '0')}`);
      const firstDay = localDay(dialect, sql`c.first_purchase_at`, sql<string>`w.time_zone`);
      const year = q.today.slice(0, 4);
      const occasions = sql<{ kind: string; customer_id: string; date: string }>`
        select 'birthday' as kind, c.id as customer_id, cast(c.birthday as text) as date from customers c
          where c.workspace_id = ${workspaceId} and ${monthDaySql(dialect, 'c.birthday')} in (${sql.join(q.monthDays)}) and ${live}
            and ${notDone('keyDates', sql`'birthday:' || c.id || ':' || ${q.today}`)}
        union all
        select 'anniversary', c.id, cast(c.customer_since as text) from customers c
          where c.workspace_id = ${workspaceId} and ${monthDaySql(dialect, 'c.customer_since')} in (${sql.join(q.monthDays)}) and ${live}
            and cast(c.customer_since as text) < ${`${year}-01-01`}
            and ${notDone('keyDates', sql`'anniversary:' || c.id || ':' || ${q.today}`)}
        union all
        select 'anniversary', c.id, ${firstDay} from customers c inner join workspaces w on w.id = c.workspace_id
          where c.workspace_id = ${workspaceId} and c.customer_since is null and ${utcMonthDaySql(dialect, 'c.first_purchase_at')} in (${sql.join(q.nearMonthDays)}) and ${live}
            and substr(${firstDay}, 6, 5) in (${sql.join(mdText)}) and ${firstDay} < ${`${year}-01-01`}
            and ${notDone('keyDates', sql`'anniversary:' || c.id || ':' || ${q.today}`)}`;
      const result = await sql<{ kind: 'birthday' | 'anniversary'; customer_id: string; date: string; sort_name: string; total: number }>`
        select k.kind, k.customer_id, k.date, c.sort_name, count(*) over () as total
        from (${occasions}) k inner join customers c on c.workspace_id = ${workspaceId} and c.id = k.customer_id
        order by case k.kind when 'birthday' then 0 else 1 end, c.sort_name, k.customer_id
        limit ${q.limit}`.execute(db);
      return result.rows;
    },

    /** Customers added, or whose "customer since" is, in the last days. */
    async newCustomers(workspaceId: string, q: { sinceInstant: string; sinceDay: string; today: string; limit: number }) {
      const created = localDay(dialect, sql`c.created_at`, sql<string>`w.time_zone`);
      const result = await sql<{ customer_id: string; day: string; total: number }>`
        select n.customer_id, n.day, count(*) over () as total from (
          select c.id as customer_id, max(n0.day) as day from (
            select c.id, ${created} as day from customers c inner join workspaces w on w.id = c.workspace_id
              where c.workspace_id = ${workspaceId} and c.created_at >= ${q.sinceInstant} and ${live}
            union all
            select c.id, cast(c.customer_since as text) from customers c
              where c.workspace_id = ${workspaceId} and c.customer_since >= ${q.sinceDay} and c.customer_since <= ${q.today} and ${live}
          ) n0 inner join customers c on c.workspace_id = ${workspaceId} and c.id = n0.id
          where ${notDone('newCustomers', sql`c.id`)}
          group by c.id
        ) n
        order by n.day desc, n.customer_id
        limit ${q.limit}`.execute(db);
      return result.rows;
    },

    /**
     * Revenue (sales minus refunds, base currency), customers added and returning buyers (a sale in
     * the span and one before it) in each span [from, to), in the order given.
     */
    async weekFigures(workspaceId: string, q: { currency: string; spans: { from: string; to: string }[] }) {
      // One statement, a scalar subquery per figure and span: each reads its span's rows alone.
      const figures = q.spans.flatMap((span, i) => [
        sql`(select coalesce(sum(case when t.kind = 'sale' then t.amount_minor else -t.amount_minor end), 0) from transactions t
          where t.workspace_id = ${workspaceId} and ${within(span, sql`t.occurred_at`)} and t.currency = ${q.currency} and t.customer_id is not null) as ${sql.ref(`revenue${i}`)}`,
        sql`(select count(*) from (select distinct t.customer_id from transactions t
            where t.workspace_id = ${workspaceId} and ${within(span, sql`t.occurred_at`)} and t.kind = 'sale' and t.customer_id is not null) b
          where exists (select 1 from transactions p where p.workspace_id = ${workspaceId} and p.customer_id = b.customer_id and p.occurred_at < ${span.from} and p.kind = 'sale')) as ${sql.ref(`returning${i}`)}`,
        sql`(select count(*) from customers c where c.workspace_id = ${workspaceId} and ${within(span, sql`c.created_at`)} and ${live}) as ${sql.ref(`added${i}`)}`,
      ]);
      const row = (await sql<Record<string, number | string | null>>`select ${sql.join(figures)}`.execute(db)).rows[0] ?? {};
      return q.spans.map((_, i) => ({ revenueMinor: Number(row[`revenue${i}`] ?? 0), newCustomers: Number(row[`added${i}`] ?? 0), returningCustomers: Number(row[`returning${i}`] ?? 0) }));
    },

    /** Names, tier and first email and phone of the customers listed (one statement for the page). */
    async customerCards(workspaceId: string, ids: string[]) {
      if (ids.length === 0) return [];
      return db
        .selectFrom('customers as c')
        .leftJoin('customer_metrics as m', (j) => j.onRef('m.workspace_id', '=', 'c.workspace_id').onRef('m.customer_id', '=', 'c.id'))
        .select(['c.id', 'c.display_name', 'm.tier'])
        .select((eb) => [
          eb.selectFrom('customer_contacts as k').select('k.value').whereRef('k.workspace_id', '=', 'c.workspace_id').whereRef('k.customer_id', '=', 'c.id').where('k.kind', '=', 'email').orderBy('k.position').limit(1).as('email'),
          eb.selectFrom('customer_contacts as k').select('k.value').whereRef('k.workspace_id', '=', 'c.workspace_id').whereRef('k.customer_id', '=', 'c.id').where('k.kind', '=', 'phone').orderBy('k.position').limit(1).as('phone'),
        ])
        .where('c.workspace_id', '=', workspaceId)
        .where('c.id', 'in', ids)
        .execute();
    },

    async userLocale(workspaceId: string, userId: string) {
      return (await db.selectFrom('users').select('locale').where('workspace_id', '=', workspaceId).where('id', '=', userId).executeTakeFirst())?.locale;
    },

    async customerExists(workspaceId: string, customerId: string): Promise<boolean> {
      return !!(await db.selectFrom('customers').select('id').where('workspace_id', '=', workspaceId).where('id', '=', customerId).where('deleted_at', 'is', null).executeTakeFirst());
    },

    async insertDone(row: { workspace_id: string; section: string; item_key: string; customer_id: string; done_by: string | null; done_at: string }): Promise<void> {
      await db.insertInto('queue_done').values(row).onConflict((c) => c.columns(['workspace_id', 'section', 'item_key']).doNothing()).execute();
    },
  };
}
