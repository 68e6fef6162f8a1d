import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';

export interface Period { from?: string; to?: string }

/** Thank-yous of the customer row m given in the period. */
const inPeriod = (period: Period) => sql.join([
  sql`t.workspace_id = m.workspace_id`,
  ...(period.from ? [sql`t.given_on >= ${period.from}`] : []),
  ...(period.to ? [sql`t.given_on <= ${period.to}`] : []),
], sql` and `);

/** The SQL of the thank-yous report. */
export function createThanksReportRepository(db: Kysely<DB>) {
  return {
    /** Count and cost (in the base currency; costs in another currency are counted, not summed) per month and kind. */
    async byMonthAndKind(workspaceId: string, currency: string, period: Period) {
      let query = db
        .selectFrom('thank_yous as t')
        .innerJoin('customers as c', (j) => j.onRef('c.workspace_id', '=', 't.workspace_id').onRef('c.id', '=', 't.customer_id'))
        .select([sql<string>`substr(t.given_on, 1, 7)`.as('month'), 't.kind'])
        .select((eb) => [eb.fn.countAll<number | string>().as('count'), sql<number | string | null>`sum(case when t.currency = ${currency} then t.cost_minor else 0 end)`.as('cost')])
        .where('t.workspace_id', '=', workspaceId)
        .where('c.deleted_at', 'is', null);
      if (period.from) query = query.where('t.given_on', '>=', period.from);
      if (period.to) query = query.where('t.given_on', '<=', period.to);
      return query.groupBy([sql`substr(t.given_on, 1, 7)`, 't.kind']).orderBy(sql`substr(t.given_on, 1, 7)`).orderBy('t.kind').execute();
    },

    /** Customers who have bought, split by whether they were thanked in the period: count and average value. */
    async thankedVsNot(workspaceId: string, period: Period) {
      const thanked = sql<number>`case when exists (select 1 from thank_yous t where t.customer_id = m.customer_id and ${inPeriod(period)}) then 1 else 0 end`;
      return db
        .selectFrom('customer_metrics as m')
        .innerJoin('customers as c', (j) => j.onRef('c.workspace_id', '=', 'm.workspace_id').onRef('c.id', '=', 'm.customer_id'))
        .select(thanked.as('thanked'))
        .select((eb) => [
          eb.fn.countAll<number | string>().as('customers'),
          sql<number | string | null>`avg(m.revenue_365)`.as('revenue_365'),
          sql<number | string | null>`avg(m.revenue_lifetime)`.as('lifetime'),
          sql<number | string | null>`avg(m.clv)`.as('clv'),
        ])
        .where('m.workspace_id', '=', workspaceId)
        .where('c.deleted_at', 'is', null)
        .where('c.merged_into_id', 'is', null)
        .groupBy(sql.ref('thanked'))
        .execute();
    },
  };
}
