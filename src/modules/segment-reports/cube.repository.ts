import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DB } from '../../db/schema.ts';

/** One aggregation of the cube: group by the row dimension, the column dimension and/or the period. */
export interface CubePart {
  rows: boolean;
  columns: boolean;
  byPeriod: boolean;
  /** Leave out period 0 (the one before the range, kept for the first period's change). */
  skipFirst: boolean;
}

export interface CubeQuery {
  workspaceId: string;
  currency: string;
  /** Period i spans [ends[i-1], ends[i]); period 0 starts at `start`. */
  start: string;
  ends: string[];
  /** (customer_id, grp) of every customer in the report (the filter's), and of the row and column dimensions. */
  everyone: RawBuilder<unknown>;
  rows: RawBuilder<unknown> | null;
  columns: RawBuilder<unknown> | null;
  parts: CubePart[];
}

export interface CubeRow {
  part: number;
  r: string;
  c: string;
  p: number;
  revenue: number;
  salesAmount: number;
  orders: number;
  profit: number | null;
  costedSales: number;
  active: number;
}

/**
 * The index of the first end after t.occurred_at, for a transaction in range: a binary search
 * over the ends (about log2(n) comparisons a row, where a flat CASE tried each end in turn).
 */
function periodOf(ends: string[], lo: number, hi: number): RawBuilder<unknown> {
  if (lo === hi) return sql`${sql.lit(lo)}`;
  const mid = Math.floor((lo + hi) / 2);
  return sql`case when t.occurred_at < ${ends[mid]!} then ${periodOf(ends, lo, mid)} else ${periodOf(ends, mid + 1, hi)} end`;
}

/**
 * The report figures in one statement: the ledger in range is first summed per customer and
 * period (cp), then each part sums cp over its groups. Period keys are worked out from the
 * period boundaries as instants, so no time-zone function runs per transaction.
 */
export async function runCube(db: Kysely<DB>, q: CubeQuery): Promise<CubeRow[]> {
  const period = periodOf(q.ends, 0, q.ends.length - 1);
  const ctes = [
    sql`cp as materialized (select t.customer_id, ${period} as p, sum(t.amount_minor) as rev,
      sum(case when t.kind = 'sale' then t.amount_minor else 0 end) as sales_amount,
      sum(case when t.kind = 'sale' then 1 else 0 end) as orders,
      sum(case when t.cost_minor is not null then t.amount_minor - t.cost_minor end) as profit,
      sum(case when t.kind = 'sale' and t.cost_minor is not null then t.amount_minor else 0 end) as costed_sales
      from transactions t
      where t.workspace_id = ${q.workspaceId} and t.customer_id is not null and t.currency = ${q.currency} and t.occurred_at >= ${q.start} and t.occurred_at < ${q.ends.at(-1)!}
      group by 1, 2)`,
    sql`g0 as materialized (${q.everyone})`,
  ];
  if (q.rows) ctes.push(sql`g1 as materialized (${q.rows})`);
  if (q.columns) ctes.push(sql`g2 as materialized (${q.columns})`);
  const selects = q.parts.map((part, i) => {
    const rowsTable = part.rows && q.rows ? sql`g1` : sql`g0`;
    const groups = [...(part.rows ? [sql`gr.grp`] : []), ...(part.columns ? [sql`gc.grp`] : []), ...(part.byPeriod ? [sql`cp.p`] : [])];
    return sql`select ${sql.lit(i)} as part, ${part.rows ? sql`gr.grp` : sql`'*'`} as r, ${part.columns ? sql`gc.grp` : sql`'*'`} as c, ${part.byPeriod ? sql`cp.p` : sql`-1`} as p,
      sum(cp.rev) as revenue, sum(cp.sales_amount) as sales_amount, sum(cp.orders) as orders, sum(cp.profit) as profit, sum(cp.costed_sales) as costed_sales,
      count(distinct case when cp.orders > 0 then cp.customer_id end) as active
      from cp join ${rowsTable} gr on gr.customer_id = cp.customer_id${part.columns && q.columns ? sql` join g2 gc on gc.customer_id = cp.customer_id` : sql``}
      ${part.skipFirst ? sql`where cp.p > 0` : sql``}
      ${groups.length ? sql`group by ${sql.join(groups)}` : sql``}`;
  });
  const result = await sql<Record<string, unknown>>`with ${sql.join(ctes)} ${sql.join(selects, sql` union all `)}`.execute(db);
  return result.rows.map((row) => ({
    part: Number(row.part),
    r: String(row.r),
    c: String(row.c),
    p: Number(row.p),
    revenue: Number(row.revenue ?? 0),
    salesAmount: Number(row.sales_amount ?? 0),
    orders: Number(row.orders ?? 0),
    profit: row.profit === null || row.profit === undefined ? null : Number(row.profit),
    costedSales: Number(row.costed_sales ?? 0),
    active: Number(row.active ?? 0),
  }));
}
