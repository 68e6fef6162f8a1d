import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DB } from '../../db/schema.ts';

export interface ReportPeriod {
  from?: string | undefined;
  to?: string | undefined;
}

type Kind = 'choose' | 'exit';

/** A customer's reasons of a kind noted in the period, live customers only, with their metrics. */
const scope = (workspaceId: string, kind: Kind, period: ReportPeriod) => sql`
  from customer_reasons e
  join customers c on c.workspace_id = e.workspace_id and c.id = e.customer_id and c.deleted_at is null
  left join customer_metrics m on m.workspace_id = e.workspace_id and m.customer_id = e.customer_id
  where e.workspace_id = ${workspaceId} and e.kind = ${kind}
  ${period.from ? sql`and e.noted_on >= ${period.from}` : sql``}
  ${period.to ? sql`and e.noted_on <= ${period.to}` : sql``}`;

/**
 * The reasons reports' SQL: distinct customers per reason, grouped by one more thing (tier,
 * segment, month), counted by the database. A customer's reasons of a kind noted in the period,
 * live customers only; tier and segment as last computed (none without metrics: 'other'/'none').
 */
export function createReasonsReportRepository(db: Kysely<DB>) {
  const grouped = async (workspaceId: string, kind: Kind, period: ReportPeriod, group: RawBuilder<unknown>) => {
    const result = await sql<{ reason_id: string; grp: string; n: number | string }>`
      select e.reason_id, ${group} as grp, count(distinct e.customer_id) as n ${scope(workspaceId, kind, period)}
      group by e.reason_id, ${group}`.execute(db);
    return result.rows.map((r) => ({ reasonId: r.reason_id, group: String(r.grp), customers: Number(r.n) }));
  };

  return {
    byTier: (workspaceId: string, kind: Kind, period: ReportPeriod) => grouped(workspaceId, kind, period, sql`coalesce(m.tier, 'other')`),
    bySegment: (workspaceId: string, kind: Kind, period: ReportPeriod) => grouped(workspaceId, kind, period, sql`coalesce(m.rfm_segment, 'none')`),
    byMonth: (workspaceId: string, kind: Kind, period: ReportPeriod) => grouped(workspaceId, kind, period, sql`substr(e.noted_on, 1, 7)`),
    async byReason(workspaceId: string, kind: Kind, period: ReportPeriod) {
      const result = await sql<{ reason_id: string; n: number | string }>`
        select e.reason_id, count(distinct e.customer_id) as n ${scope(workspaceId, kind, period)} group by e.reason_id`.execute(db);
      return result.rows.map((r) => ({ reasonId: r.reason_id, group: 'all', customers: Number(r.n) }));
    },

    /** Distinct customers who gave any reason of the kind, per tier. */
    async customersByTier(workspaceId: string, kind: Kind, period: ReportPeriod) {
      const result = await sql<{ tier: string; n: number | string }>`
        select coalesce(m.tier, 'other') as tier, count(distinct e.customer_id) as n ${scope(workspaceId, kind, period)}
        group by coalesce(m.tier, 'other')`.execute(db);
      return result.rows.map((r) => ({ tier: r.tier, customers: Number(r.n) }));
    },

    /**
     * Per exit reason, the customers who gave it, how many are marked lost now, and their
     * revenue (trailing 365 days as last computed, and lifetime) — each customer once per reason.
     */
    async exitValue(workspaceId: string, period: ReportPeriod) {
      const result = await sql<{ reason_id: string; n: number | string; lost: number | string; r365: number | string | null; life: number | string | null }>`
        select p.reason_id, count(*) as n, sum(case when c.lost_at is not null then 1 else 0 end) as lost,
          sum(coalesce(m.revenue_365, 0)) as r365, sum(coalesce(m.revenue_lifetime, 0)) as life
        from (select distinct e.reason_id, e.customer_id ${scope(workspaceId, 'exit', period)}) p
        join customers c on c.workspace_id = ${workspaceId} and c.id = p.customer_id
        left join customer_metrics m on m.workspace_id = ${workspaceId} and m.customer_id = p.customer_id
        group by p.reason_id`.execute(db);
      return result.rows.map((r) => ({ reasonId: r.reason_id, customers: Number(r.n), lost: Number(r.lost), revenue365: Number(r.r365 ?? 0), revenueLifetime: Number(r.life ?? 0) }));
    },

    /** The same over every exit reason, each customer once. */
    async exitTotals(workspaceId: string, period: ReportPeriod) {
      const result = await sql<{ n: number | string; r365: number | string | null; life: number | string | null }>`
        select count(*) as n, sum(coalesce(m.revenue_365, 0)) as r365, sum(coalesce(m.revenue_lifetime, 0)) as life
        from (select distinct e.customer_id ${scope(workspaceId, 'exit', period)}) p
        left join customer_metrics m on m.workspace_id = ${workspaceId} and m.customer_id = p.customer_id`.execute(db);
      const row = result.rows[0];
      return { customers: Number(row?.n ?? 0), revenue365: Number(row?.r365 ?? 0), revenueLifetime: Number(row?.life ?? 0) };
    },
  };
}
