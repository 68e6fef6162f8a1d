import { sql, type Kysely, type RawBuilder } from 'kysely';
import { dialectOf } from '../../db/dialect.ts';
import type { DB } from '../../db/schema.ts';
import { acquisitionDay, monthIndex, zoneMidnight } from '../../db/zone-sql.ts';

export interface SourcesReportScope {
  workspaceId: string;
  currency: string;
  timeZone: string;
  /** Acquisition days, inclusive; null: open. */
  from: string | null;
  to: string | null;
}

const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));

/**
 * The customers acquired in the period ("acq"), each with the day they were acquired: the day set
 * on them, else the day they became a customer, else the day of their first purchase, else the day
 * they were added — in the workspace's time zone; and for each such day ("days") the instants its
 * windows start and end (worked out once per day, not per customer). A missing source or campaign
 * is '' here, not null, so that groups can be matched with plain equality, which PostgreSQL can
 * hash (it cannot hash "is not distinct from"); the final select turns '' back into null.
 */
function acquiredCte(db: Kysely<DB>, s: SourcesReportScope): RawBuilder<unknown> {
  const d = dialectOf(db);
  const day = acquisitionDay(d, s.timeZone);
  const period = sql.join([sql`true`, ...(s.from ? [sql`a.day >= ${s.from}`] : []), ...(s.to ? [sql`a.day <= ${s.to}`] : [])], sql` and `);
  return sql`acq as materialized (
      select a.id, a.source_id, a.campaign_id, a.day from (
        select c.id, coalesce(c.source_id, '') as source_id, coalesce(c.campaign_id, '') as campaign_id, ${day} as day
        from customers c
        where c.workspace_id = ${s.workspaceId} and c.deleted_at is null and c.merged_into_id is null
      ) a where ${period}
    ),
    days as materialized (
      select x.day, substr(x.day, 1, 7) as month,
        ${zoneMidnight(d, sql`x.day`, s.timeZone, 0)} as start_at,
        ${zoneMidnight(d, sql`x.day`, s.timeZone, 90)} as end90,
        ${zoneMidnight(d, sql`x.day`, s.timeZone, 365)} as end365
      from (select distinct day from acq) x
    )`;
}

export function createSourcesReportRepository(db: Kysely<DB>) {
  return {
    /**
     * In one pass over the purchases of the customers acquired in the period: per source, campaign
     * and month of acquisition, customers, buyers, revenue and profit (first 90, 365 days, to
     * date) and predicted value ("cohorts"); and per source, campaign and 30-day month since
     * acquisition, revenue and profit, for when each paid back its cost ("months").
     */
    async cohortsAndMonths(s: SourcesReportScope) {
      const d = dialectOf(db);
      const monthSince = monthIndex(d, sql`w.start_at`, sql`t.occurred_at`);
      // SQLite is told to build buyers and predicted once (it then indexes them itself) rather than
      // look each customer up; PostgreSQL is left to plan them from the tables' statistics, which
      // lets it hash them (materialized, it guessed their size and sorted to merge-join instead).
      const once = d === 'sqlite' ? sql`materialized` : sql``;
      // Purchases are read in one scan and matched to their customers (not looked up customer by
      // customer): written as a cross join with the match in "where", which SQLite then runs in
      // that order with an index it builds on acq; PostgreSQL plans it as any join.
      const result = await sql<Record<string, unknown>>`
        with ${acquiredCte(db, s)},
        cm as (
          select a.source_id, a.campaign_id, w.month, ${monthSince} as month_index,
            sum(t.amount_minor) as revenue,
            sum(case when t.occurred_at < w.end90 then t.amount_minor end) as revenue90,
            sum(case when t.occurred_at < w.end365 then t.amount_minor end) as revenue365,
            sum(t.amount_minor - t.cost_minor) as profit,
            sum(case when t.occurred_at < w.end90 then t.amount_minor - t.cost_minor end) as profit90,
            sum(case when t.occurred_at < w.end365 then t.amount_minor - t.cost_minor end) as profit365,
            sum(case when t.kind = 'sale' and t.cost_minor is null then 1 else 0 end) as uncosted
          from transactions t cross join acq a cross join days w
          where t.workspace_id = ${s.workspaceId} and t.currency = ${s.currency} and a.id = t.customer_id and w.day = a.day
          group by a.source_id, a.campaign_id, w.month, ${monthSince}
        ),
        buyers as ${once} (
          select distinct t.customer_id from transactions t
          where t.workspace_id = ${s.workspaceId} and t.kind = 'sale' and t.currency = ${s.currency}
        ),
        predicted as ${once} (
          select m.customer_id, m.clv from customer_metrics m where m.workspace_id = ${s.workspaceId}
        ),
        people as (
          select a.source_id, a.campaign_id, substr(a.day, 1, 7) as month, count(*) as customers, count(b.customer_id) as buyers, sum(p.clv) as predicted
          from acq a
          left join predicted p on p.customer_id = a.id
          left join buyers b on b.customer_id = a.id
          group by a.source_id, a.campaign_id, substr(a.day, 1, 7)
        ),
        money as (
          select source_id, campaign_id, month, sum(revenue) as revenue, sum(revenue90) as revenue90, sum(revenue365) as revenue365,
            sum(profit) as profit, sum(profit90) as profit90, sum(profit365) as profit365, sum(uncosted) as uncosted
          from cm group by source_id, campaign_id, month
        )
        select 'cohort' as part, nullif(p.source_id, '') as source_id, nullif(p.campaign_id, '') as campaign_id, p.month, null as month_index, p.customers, p.buyers,
          g.revenue, g.revenue90, g.revenue365, g.profit, g.profit90, g.profit365, p.predicted, g.uncosted
        from people p
        left join money g on g.month = p.month and g.source_id = p.source_id and g.campaign_id = p.campaign_id
        union all
        select 'month' as part, nullif(source_id, '') as source_id, nullif(campaign_id, '') as campaign_id, null, month_index, null, null, sum(revenue), null, null, sum(profit), null, null, null, null
        from cm group by source_id, campaign_id, month_index`.execute(db);
      const cohorts = [];
      const months = [];
      for (const r of result.rows) {
        const sourceId = r.source_id as string | null;
        const campaignId = r.campaign_id as string | null;
        if (r.part === 'month') {
          months.push({ sourceId, campaignId, monthIndex: Number(r.month_index), revenue: Number(r.revenue ?? 0), profit: num(r.profit) });
          continue;
        }
        cohorts.push({
          sourceId, campaignId, month: r.month as string,
          customers: Number(r.customers), buyers: Number(r.buyers ?? 0),
          revenue: Number(r.revenue ?? 0), revenue90: Number(r.revenue90 ?? 0), revenue365: Number(r.revenue365 ?? 0),
          profit: num(r.profit), profit90: num(r.profit90), profit365: num(r.profit365), predicted: num(r.predicted), uncosted: Number(r.uncosted ?? 0),
        });
      }
      return { cohorts, months };
    },

    /** Cost lines in the workspace currency dated in the period, per campaign and month spent. */
    async costs(s: SourcesReportScope) {
      let q = db
        .selectFrom('campaign_costs as k')
        .select(['k.campaign_id', sql<string>`substr(k.spent_on, 1, 7)`.as('month'), (eb) => eb.fn.sum<number | string>('k.amount_minor').as('amount')])
        .where('k.workspace_id', '=', s.workspaceId)
        .where('k.currency', '=', s.currency);
      if (s.from) q = q.where('k.spent_on', '>=', s.from);
      if (s.to) q = q.where('k.spent_on', '<=', s.to);
      const rows = await q.groupBy(['k.campaign_id', sql`substr(k.spent_on, 1, 7)`]).execute();
      return rows.map((r) => ({ campaignId: r.campaign_id, month: r.month, amount: Number(r.amount) }));
    },

    async taxonomy(workspaceId: string) {
      const sources = await db.selectFrom('sources').select(['id', 'channel', 'channel_key', 'name', 'name_key']).where('workspace_id', '=', workspaceId).execute();
      const campaigns = await db.selectFrom('campaigns').select(['id', 'name', 'source_id', 'starts_on', 'ends_on']).where('workspace_id', '=', workspaceId).execute();
      return { sources, campaigns };
    },
  };
}
