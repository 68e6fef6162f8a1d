import { sql, type Kysely } from 'kysely';
import { dialectOf } from '../../db/dialect.ts';
import type { DB } from '../../db/schema.ts';
import { acquisitionDay } from '../../db/zone-sql.ts';

/** Deeper than any real chain; a bound that keeps the recursion finite whatever is stored. */
const MAX_DEPTH = 50;

export function createReferralsReportRepository(db: Kysely<DB>) {
  return {
    /**
     * Every referrer with their referrals (direct) and whole subtree (network), with revenue: the
     * tree is walked in SQL, a recursive query over "referred by".
     */
    async referrers(workspaceId: string, currency: string) {
      const result = await sql<Record<string, unknown>>`
        with recursive tree(ancestor, descendant, depth) as (
          select c.referred_by_id, c.id, 1 from customers c
          where c.workspace_id = ${workspaceId} and c.referred_by_id is not null and c.deleted_at is null and c.merged_into_id is null
          union all
          select tree.ancestor, c.id, tree.depth + 1 from tree
          join customers c on c.workspace_id = ${workspaceId} and c.referred_by_id = tree.descendant
          where c.deleted_at is null and c.merged_into_id is null and tree.depth < ${MAX_DEPTH}
        ),
        rev as (
          select t.customer_id, sum(t.amount_minor) as revenue, max(case when t.kind = 'sale' then 1 else 0 end) as bought
          from transactions t
          where t.workspace_id = ${workspaceId} and t.currency = ${currency} and t.customer_id in (select descendant from tree)
          group by t.customer_id
        ),
        agg as (
          select tree.ancestor,
            sum(case when tree.depth = 1 then 1 else 0 end) as referrals,
            sum(case when tree.depth = 1 and rev.bought = 1 then 1 else 0 end) as buyers,
            sum(case when tree.depth = 1 then coalesce(rev.revenue, 0) else 0 end) as direct_revenue,
            sum(coalesce(rev.revenue, 0)) as network_revenue,
            count(*) as network_size,
            max(tree.depth) as depth
          from tree left join rev on rev.customer_id = tree.descendant
          group by tree.ancestor
        )
        select agg.*, c.display_name,
          (select count(*) from transactions t where t.workspace_id = ${workspaceId} and t.customer_id = agg.ancestor and t.kind = 'sale') as own_sales
        from agg join customers c on c.workspace_id = ${workspaceId} and c.id = agg.ancestor
        where c.deleted_at is null and c.merged_into_id is null`.execute(db);
      return result.rows.map((r) => ({
        referrerId: r.ancestor as string, referrer: r.display_name as string, isCustomer: Number(r.own_sales) > 0,
        referrals: Number(r.referrals), buyers: Number(r.buyers), directRevenue: Number(r.direct_revenue), networkRevenue: Number(r.network_revenue),
        networkSize: Number(r.network_size), depth: Number(r.depth),
      }));
    },

    /** Customers acquired in the period (same acquisition day as the Sources report) and how many of them were referred. */
    async referralShare(workspaceId: string, timeZone: string, from: string | null, to: string | null) {
      const d = dialectOf(db);
      const day = acquisitionDay(d, timeZone);
      const period = sql.join([sql`true`, ...(from ? [sql`a.day >= ${from}`] : []), ...(to ? [sql`a.day <= ${to}`] : [])], sql` and `);
      const result = await sql<{ customers: number | string; referred: number | string | null }>`
        with acq as (select c.referred_by_id, ${day} as day from customers c where c.workspace_id = ${workspaceId} and c.deleted_at is null and c.merged_into_id is null)
        select count(*) as customers, sum(case when a.referred_by_id is not null then 1 else 0 end) as referred from acq a where ${period}`.execute(db);
      const row = result.rows[0]!;
      return { customers: Number(row.customers), referred: Number(row.referred ?? 0) };
    },
  };
}
