import { sql, type Kysely } from 'kysely';
import { dialectOf } from '../../db/dialect.ts';
import type { DB } from '../../db/schema.ts';
import { localDay } from '../../db/zone-sql.ts';

/** Deeper than any real group; a bound that keeps the walk up parent_id finite whatever is stored (a loop, say). */
const MAX_DEPTH = 20;

export interface GroupRevenueRow {
  year: number | null;
  groupId: string;
  name: string;
  kind: 'person' | 'organisation';
  revenue: number;
  members: number;
}

/** Not deleted, not merged away. */
const live = (alias: string) => sql.raw(`${alias}.deleted_at is null and ${alias}.merged_into_id is null`);

/**
 * Every live customer and their group (alias m: customer_id, group_id): an organisation's is
 * the top of its parent chain, a person's that of the organisation of their first employment,
 * anyone else's themselves. A recursive query both databases run.
 */
function membership(workspaceId: string) {
  return sql`
    chain(customer_id, ancestor_id, depth) as (
      select c.id, c.id, 0 from customers c where c.workspace_id = ${workspaceId} and c.kind = 'organisation' and ${live('c')}
      union all
      select chain.customer_id, p.id, chain.depth + 1 from chain
      join customers c on c.workspace_id = ${workspaceId} and c.id = chain.ancestor_id
      join customers p on p.workspace_id = ${workspaceId} and p.id = c.parent_id and p.kind = 'organisation' and ${live('p')}
      where chain.depth < ${MAX_DEPTH}
    ),
    tops as (
      select chain.customer_id, chain.ancestor_id as group_id from chain
      join (select customer_id, max(depth) as depth from chain group by customer_id) deepest
        on deepest.customer_id = chain.customer_id and deepest.depth = chain.depth
    ),
    jobs as (
      select e.person_id, e.organisation_id, row_number() over (partition by e.person_id order by e.created_at, e.id) as n
      from employments e
      join customers o on o.workspace_id = ${workspaceId} and o.id = e.organisation_id and ${live('o')}
      where e.workspace_id = ${workspaceId}
    ),
    m(customer_id, group_id) as (
      select c.id, coalesce(own.group_id, work.group_id, c.id) from customers c
      left join tops own on own.customer_id = c.id
      left join jobs on c.kind = 'person' and jobs.person_id = c.id and jobs.n = 1
      left join tops work on work.customer_id = jobs.organisation_id
      where c.workspace_id = ${workspaceId} and ${live('c')}
    )`;
}

export function createConcentrationRepository(db: Kysely<DB>) {
  const dialect = dialectOf(db);
  return {
    /**
     * Net revenue (base currency) per group for transactions on local days from..to (either end
     * open when null), per calendar year when byYear; deleted and merged-away customers' left out.
     */
    async groupRevenue(workspaceId: string, options: { currency: string; timeZone: string; from: string | null; to: string | null; byYear: boolean }): Promise<GroupRevenueRow[]> {
      const day = localDay(dialect, sql`t.occurred_at`, options.timeZone);
      const period = sql.join([sql`true`, ...(options.from ? [sql`d.day >= ${options.from}`] : []), ...(options.to ? [sql`d.day <= ${options.to}`] : [])], sql` and `);
      const year = options.byYear ? sql`substr(d.day, 1, 4)` : sql`null`;
      const result = await sql<{ year: string | null; group_id: string; display_name: string; kind: 'person' | 'organisation'; revenue: number | string; members: number | string }>`
        with recursive ${membership(workspaceId)},
        d as (
          select t.customer_id, t.amount_minor, ${day} as day from transactions t
          where t.workspace_id = ${workspaceId} and t.currency = ${options.currency} and t.customer_id is not null
        ),
        g as (
          select ${year} as year, m.group_id, sum(d.amount_minor) as revenue, count(distinct d.customer_id) as members
          from d join m on m.customer_id = d.customer_id
          where ${period}
          group by ${options.byYear ? sql`substr(d.day, 1, 4), ` : sql``}m.group_id
        )
        select g.*, c.display_name, c.kind from g join customers c on c.workspace_id = ${workspaceId} and c.id = g.group_id`.execute(db);
      return result.rows.map((r) => ({
        year: r.year === null ? null : Number(r.year), groupId: r.group_id, name: r.display_name, kind: r.kind, revenue: Number(r.revenue), members: Number(r.members),
      }));
    },

    /** The group of one live customer, or undefined for a customer not found (or deleted). */
    async groupOf(workspaceId: string, customerId: string): Promise<{ groupId: string; name: string } | undefined> {
      const result = await sql<{ group_id: string; display_name: string }>`
        with recursive ${membership(workspaceId)}
        select m.group_id, c.display_name from m join customers c on c.workspace_id = ${workspaceId} and c.id = m.group_id
        where m.customer_id = ${customerId}`.execute(db);
      const row = result.rows[0];
      return row && { groupId: row.group_id, name: row.display_name };
    },

    /** The workspace's report settings (JSON shared with other reports), {} when none are saved. */
    async getReportSettings(workspaceId: string): Promise<Record<string, unknown>> {
      const row = await db.selectFrom('report_settings').select('settings').where('workspace_id', '=', workspaceId).executeTakeFirst();
      if (!row) return {};
      const parsed: unknown = JSON.parse(row.settings);
      return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
    },

    /** Sets some keys of the report settings, keeping the others (other reports keep theirs there). */
    async mergeReportSettings(workspaceId: string, values: Record<string, unknown>, updatedAt: string): Promise<void> {
      await db.transaction().execute(async (trx) => {
        const row = await trx.selectFrom('report_settings').select('settings').where('workspace_id', '=', workspaceId).executeTakeFirst();
        const current: unknown = row ? JSON.parse(row.settings) : {};
        const settings = JSON.stringify({ ...(current && typeof current === 'object' && !Array.isArray(current) ? current : {}), ...values });
        await trx.insertInto('report_settings').values({ workspace_id: workspaceId, settings, updated_at: updatedAt })
          .onConflict((oc) => oc.column('workspace_id').doUpdateSet({ settings, updated_at: updatedAt })).execute();
      });
    },
  };
}
