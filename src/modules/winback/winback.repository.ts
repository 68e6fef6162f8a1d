import { sql, type Kysely } from 'kysely';
import type { DB, WinbackActionsTable } from '../../db/schema.ts';

/** The SQL of the win-back queue. */
export function createWinbackRepository(db: Kysely<DB>) {
  return {
    /** Gold and silver customers at risk or lapsed, not marked lost, with their latest win-back action. */
    async queue(workspaceId: string, filter: { tier?: 'gold' | 'silver'; state?: 'at_risk' | 'lapsed' }) {
      let query = db
        .selectFrom('customer_metrics as m')
        .innerJoin('customers as c', (j) => j.onRef('c.workspace_id', '=', 'm.workspace_id').onRef('c.id', '=', 'm.customer_id'))
        .select([
          'c.id', 'c.display_name', 'c.consent_given', 'm.tier', 'm.lapse_state', 'm.lapse_gap_days', 'm.lapse_gap_source', 'm.last_purchase_at', 'm.days_since_last',
          'm.p_alive', 'm.clv', 'm.tier_value', 'm.revenue_365',
        ])
        .select((eb) => [
          eb.selectFrom('customer_contacts as k').select('k.value').whereRef('k.workspace_id', '=', 'c.workspace_id').whereRef('k.customer_id', '=', 'c.id').where('k.kind', '=', 'email').orderBy('k.position').limit(1).as('email'),
          eb.selectFrom('customer_contacts as k').select('k.value').whereRef('k.workspace_id', '=', 'c.workspace_id').whereRef('k.customer_id', '=', 'c.id').where('k.kind', '=', 'phone').orderBy('k.position').limit(1).as('phone'),
        ])
        .where('m.workspace_id', '=', workspaceId)
        .where('m.tier', 'in', filter.tier ? [filter.tier] : ['gold', 'silver'])
        .where('m.lapse_state', 'in', filter.state ? [filter.state] : ['at_risk', 'lapsed'])
        .where('c.deleted_at', 'is', null)
        .where('c.merged_into_id', 'is', null)
        .where('c.lost_at', 'is', null);
      return query.execute();
    },

    /** The latest action per customer among these. */
    async lastActions(workspaceId: string, customerIds: string[]) {
      if (customerIds.length === 0) return [];
      const out = [];
      for (let i = 0; i < customerIds.length; i += 500) {
        out.push(...(await db
          .selectFrom('winback_actions as a')
          .leftJoin('users as u', 'u.id', 'a.taken_by')
          .select(['a.customer_id', 'a.action', 'a.at', 'u.name as by'])
          .where('a.workspace_id', '=', workspaceId)
          .where('a.customer_id', 'in', customerIds.slice(i, i + 500))
          .where(sql<boolean>`a.at = (select max(b.at) from winback_actions b where b.workspace_id = a.workspace_id and b.customer_id = a.customer_id)`)
          .execute()));
      }
      return out;
    },

    async insertAction(row: WinbackActionsTable): Promise<void> {
      await db.insertInto('winback_actions').values(row).execute();
    },

    async campaignByName(workspaceId: string, nameKey: string) {
      return db.selectFrom('campaigns').select('id').where('workspace_id', '=', workspaceId).where('name_key', '=', nameKey).executeTakeFirst();
    },
  };
}
