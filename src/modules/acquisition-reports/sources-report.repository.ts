import { sql, type Kysely, type RawBuilder } from 'kysely';
import { dialectOf } from '../../db/dialect.ts';
import type { DB } from '../../db/schema.ts';
import { acquisitionDay, monthIndex, zoneMidnight } from './report-sql.ts';

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
 * The customers acquired in the period, each with the day they were acquired and the windows
 * measured from it: the day set on them, else the day they became a customer, else the day of
 * their first purchase, else the day they were added — in the workspace's time zone.
 */
function acquiredCte(db: Kysely<DB>, s: SourcesReportScope): RawBuilder<unknown> {
  const d = dialectOf(db);
  const day = acquisitionDay(d, s.timeZone);
  const period = sql.join([sql`true`, ...(s.from ? [sql`a.day >= ${s.from}`] : []), ...(s.to ? [sql`a.day <= ${s.to}`] : [])], sql` and `);
  return sql`acq as (
      select c.id, c.source_id, c.campaign_id, ${day} as day
      from customers c
      where c.workspace_id = ${s.workspaceId} and c.deleted_at is null and c.merged_into_id is null
    ),
    win as (
      select a.id, a.source_id, a.campaign_id, substr(a.day, 1, 7) as month,
        ${zoneMidnight(d, sql`a.day`, s.timeZone, 0)} as start_at,
        ${zoneMidnight(d, sql`a.day`, s.timeZone, 90)} as end90,
        ${zoneMidnight(d, sql`a.day`, s.timeZone, 365)} as end365
      from acq a where ${period}
    )`;
}

export function createSourcesReportRepository(db: Kysely<DB>) {
  return {
    /** Per source, campaign and month of acquisition: customers, buyers, revenue and profit (first 90, 365 days, to date), predicted value. */
    async cohorts(s: SourcesReportScope) {
      const result = await sql<Record<string, unknown>>`
        with ${acquiredCte(db, s)},
        per as (
          select w.id, w.source_id, w.campaign_id, w.month,
            sum(t.amount_minor) as revenue,
            sum(case when t.occurred_at < w.end90 then t.amount_minor end) as revenue90,
            sum(case when t.occurred_at < w.end365 then t.amount_minor end) as revenue365,
            sum(t.amount_minor - t.cost_minor) as profit,
            sum(case when t.occurred_at < w.end90 then t.amount_minor - t.cost_minor end) as profit90,
            sum(case when t.occurred_at < w.end365 then t.amount_minor - t.cost_minor end) as profit365,
            max(case when t.kind = 'sale' then 1 else 0 end) as bought,
            sum(case when t.kind = 'sale' and t.cost_minor is null then 1 else 0 end) as uncosted
          from win w
          left join transactions t on t.workspace_id = ${s.workspaceId} and t.customer_id = w.id and t.currency = ${s.currency}
          group by w.id, w.source_id, w.campaign_id, w.month
        )
        select per.source_id, per.campaign_id, per.month, count(*) as customers, sum(per.bought) as buyers,
          sum(per.revenue) as revenue, sum(per.revenue90) as revenue90, sum(per.revenue365) as revenue365,
          sum(per.profit) as profit, sum(per.profit90) as profit90, sum(per.profit365) as profit365, sum(m.clv) as predicted, sum(per.uncosted) as uncosted
        from per
        left join customer_metrics m on m.workspace_id = ${s.workspaceId} and m.customer_id = per.id
        group by per.source_id, per.campaign_id, per.month`.execute(db);
      return result.rows.map((r) => ({
        sourceId: r.source_id as string | null, campaignId: r.campaign_id as string | null, month: r.month as string,
        customers: Number(r.customers), buyers: Number(r.buyers ?? 0),
        revenue: Number(r.revenue ?? 0), revenue90: Number(r.revenue90 ?? 0), revenue365: Number(r.revenue365 ?? 0),
        profit: num(r.profit), profit90: num(r.profit90), profit365: num(r.profit365), predicted: num(r.predicted), uncosted: Number(r.uncosted ?? 0),
      }));
    },

    /** Revenue and profit per source, campaign and 30-day month since acquisition: when each paid back its cost. */
    async byMonthSinceAcquisition(s: SourcesReportScope) {
      const d = dialectOf(db);
      const result = await sql<Record<string, unknown>>`
        with ${acquiredCte(db, s)}
        select w.source_id, w.campaign_id, ${monthIndex(d, sql`w.start_at`, sql`t.occurred_at`)} as month_index,
          sum(t.amount_minor) as revenue, sum(t.amount_minor - t.cost_minor) as profit
        from win w
        join transactions t on t.workspace_id = ${s.workspaceId} and t.customer_id = w.id and t.currency = ${s.currency}
        group by w.source_id, w.campaign_id, ${monthIndex(d, sql`w.start_at`, sql`t.occurred_at`)}`.execute(db);
      return result.rows.map((r) => ({
        sourceId: r.source_id as string | null, campaignId: r.campaign_id as string | null, monthIndex: Number(r.month_index),
        revenue: Number(r.revenue ?? 0), profit: num(r.profit),
      }));
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
