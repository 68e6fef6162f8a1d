import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';

export function createExportsRepository(db: Kysely<DB>) {
  return {
    /** Transactions in (time, id) order after a point, with their customer and line count. */
    async transactionsPage(workspaceId: string, limit: number, after?: { at: string; id: string }) {
      let query = db
        .selectFrom('transactions as t')
        .leftJoin('customers as c', (j) => j.onRef('c.workspace_id', '=', 't.workspace_id').onRef('c.id', '=', 't.customer_id'))
        .select(['t.id', 't.occurred_at', 't.external_id', 't.kind', 't.amount_minor', 't.currency', 't.cost_minor', 't.channel', 't.campaign', 't.source', 'c.external_id as customer_external_id', 'c.display_name as customer_name'])
        .select('t.line_count as lines')
        .where('t.workspace_id', '=', workspaceId)
        .orderBy('t.occurred_at')
        .orderBy('t.id')
        .limit(limit);
      if (after) query = query.where((eb) => eb.or([eb('t.occurred_at', '>', after.at), eb.and([eb('t.occurred_at', '=', after.at), eb('t.id', '>', after.id)])]));
      return query.execute();
    },
  };
}
