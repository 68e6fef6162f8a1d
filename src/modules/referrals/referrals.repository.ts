import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';

/** Live customers only: the deleted and the merged away refer nobody. */
const live = sql`c.deleted_at is null and c.merged_into_id is null`;

export function createReferralsRepository(db: Kysely<DB>) {
  return {
    /**
     * The chain above a customer: who referred them, who referred that one, … (nearest first).
     * Stops at 100 levels, which no real chain reaches (and a cycle, which cannot be stored, would).
     */
    async ancestorsOf(workspaceId: string, customerId: string): Promise<{ id: string; name: string; depth: number }[]> {
      const result = await sql<{ id: string; name: string; depth: number | string }>`
        with recursive up(id, depth) as (
          select c.referred_by_id, 1 from customers c where c.workspace_id = ${workspaceId} and c.id = ${customerId} and c.referred_by_id is not null
          union all
          select c.referred_by_id, up.depth + 1 from up join customers c on c.workspace_id = ${workspaceId} and c.id = up.id
          where c.referred_by_id is not null and up.depth < 100
        )
        select up.id, c.display_name as name, up.depth from up join customers c on c.workspace_id = ${workspaceId} and c.id = up.id order by up.depth`.execute(db);
      return result.rows.map((r) => ({ id: r.id, name: r.name, depth: Number(r.depth) }));
    },

    /** Everyone below a customer to the given depth, with their parent and lifetime net revenue in the currency. */
    async descendantsOf(workspaceId: string, customerId: string, depth: number, currency: string) {
      const result = await sql<{ id: string; parent: string; name: string; depth: number | string; revenue: number | string | null; sales: number | string }>`
        with recursive down(id, parent, depth) as (
          select c.id, c.referred_by_id, 1 from customers c where c.workspace_id = ${workspaceId} and c.referred_by_id = ${customerId} and ${live}
          union all
          select c.id, c.referred_by_id, down.depth + 1 from down join customers c on c.workspace_id = ${workspaceId} and c.referred_by_id = down.id
          where ${live} and down.depth < ${depth}
        )
        select down.id, down.parent, c.display_name as name, down.depth,
          (select sum(t.amount_minor) from transactions t where t.workspace_id = ${workspaceId} and t.customer_id = down.id and t.currency = ${currency}) as revenue,
          (select count(*) from transactions t where t.workspace_id = ${workspaceId} and t.customer_id = down.id and t.kind = 'sale') as sales
        from down join customers c on c.workspace_id = ${workspaceId} and c.id = down.id
        order by down.depth, c.sort_name, down.id`.execute(db);
      return result.rows.map((r) => ({ id: r.id, parent: r.parent, name: r.name, depth: Number(r.depth), revenue: Number(r.revenue ?? 0), bought: Number(r.sales) > 0 }));
    },

    /** How many live customers a customer referred. */
    async referredCount(workspaceId: string, customerId: string): Promise<number> {
      const row = await db.selectFrom('customers as c').select((eb) => eb.fn.countAll<number | string>().as('n'))
        .where('c.workspace_id', '=', workspaceId).where('c.referred_by_id', '=', customerId).where('c.deleted_at', 'is', null).where('c.merged_into_id', 'is', null)
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },

    async referrerOf(workspaceId: string, customerId: string) {
      return db
        .selectFrom('customers as c')
        .leftJoin('customers as r', (j) => j.onRef('r.workspace_id', '=', 'c.workspace_id').onRef('r.id', '=', 'c.referred_by_id'))
        .select(['c.id', 'c.display_name', 'c.referred_by_id', 'c.referral_code', 'r.display_name as referrer_name'])
        .where('c.workspace_id', '=', workspaceId)
        .where('c.id', '=', customerId)
        .where('c.deleted_at', 'is', null)
        .executeTakeFirst();
    },

    async setReferrer(workspaceId: string, customerIds: string[], referrerId: string | null, now: string): Promise<void> {
      if (!customerIds.length) return;
      await db.updateTable('customers').set((eb) => ({ referred_by_id: referrerId, updated_at: now, version: eb('version', '+', 1) }))
        .where('workspace_id', '=', workspaceId).where('id', 'in', customerIds).execute();
    },

    async setReferralCode(workspaceId: string, customerId: string, code: string | null): Promise<void> {
      await db.updateTable('customers').set({ referral_code: code }).where('workspace_id', '=', workspaceId).where('id', '=', customerId).execute();
    },

    /** Live customers by the referral code they share (codes are stored upper-case). */
    async byReferralCodes(workspaceId: string, codes: string[]): Promise<{ id: string; referral_code: string; display_name: string }[]> {
      if (!codes.length) return [];
      const rows = await db.selectFrom('customers').select(['id', 'referral_code', 'display_name']).where('workspace_id', '=', workspaceId)
        .where('referral_code', 'in', codes).where('deleted_at', 'is', null).where('merged_into_id', 'is', null).execute();
      return rows.map((r) => ({ id: r.id, referral_code: r.referral_code!, display_name: r.display_name }));
    },
  };
}
