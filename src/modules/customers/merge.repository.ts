import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';

/** The SQL of folding one customer into another, and of finding likely duplicates. */
export function createMergeRepository(db: Kysely<DB>) {
  return {
    async moveActivities(workspaceId: string, fromId: string, toId: string): Promise<void> {
      await db.updateTable('activities').set({ customer_id: toId }).where('workspace_id', '=', workspaceId).where('customer_id', '=', fromId).execute();
    },

    /** Whom the one merged away referred now count as referred by the survivor; their redemptions are the survivor's. */
    async moveReferralsAndRedemptions(workspaceId: string, fromId: string, toId: string): Promise<void> {
      await db.updateTable('customers').set({ referred_by_id: toId }).where('workspace_id', '=', workspaceId).where('referred_by_id', '=', fromId).where('id', '!=', toId).execute();
      await db.updateTable('coupon_redemptions').set({ customer_id: toId }).where('workspace_id', '=', workspaceId).where('customer_id', '=', fromId).execute();
    },

    /** The reasons the one merged away gave are the survivor's (lost stays as the survivor has it). */
    async moveReasons(workspaceId: string, fromId: string, toId: string): Promise<void> {
      await db.updateTable('customer_reasons').set({ customer_id: toId }).where('workspace_id', '=', workspaceId).where('customer_id', '=', fromId).execute();
    },

    /** Thank-yous, owed thanks, survey links and win-back actions follow the survivor; an occasion both were owed for stays once. */
    async moveThanksAndSurveys(workspaceId: string, fromId: string, toId: string): Promise<void> {
      for (const table of ['thank_yous', 'owed_thanks', 'survey_invitations', 'winback_actions'] as const) {
        await db.updateTable(table).set({ customer_id: toId }).where('workspace_id', '=', workspaceId).where('customer_id', '=', fromId).execute();
      }
    },

    async moveHistory(workspaceId: string, fromId: string, toId: string): Promise<void> {
      await db.updateTable('customer_history').set({ customer_id: toId }).where('workspace_id', '=', workspaceId).where('customer_id', '=', fromId).execute();
    },

    async moveTags(workspaceId: string, fromId: string, toId: string): Promise<void> {
      await sql`insert into customer_tags (workspace_id, customer_id, tag_id)
        select workspace_id, ${toId}, tag_id from customer_tags where workspace_id = ${workspaceId} and customer_id = ${fromId}
        on conflict do nothing`.execute(db);
      await db.deleteFrom('customer_tags').where('workspace_id', '=', workspaceId).where('customer_id', '=', fromId).execute();
    },

    /** Employments on either side move to the survivor; ones it already has are dropped. */
    async moveEmployments(workspaceId: string, fromId: string, toId: string): Promise<void> {
      for (const side of ['person_id', 'organisation_id'] as const) {
        const other = side === 'person_id' ? 'organisation_id' : 'person_id';
        await sql`delete from employments where workspace_id = ${workspaceId} and ${sql.ref(side)} = ${fromId}
          and (${sql.ref(other)} = ${toId} or ${sql.ref(other)} in (select ${sql.ref(other)} from employments where workspace_id = ${workspaceId} and ${sql.ref(side)} = ${toId}))`.execute(db);
        await db.updateTable('employments').set({ [side]: toId }).where('workspace_id', '=', workspaceId).where(side, '=', fromId).execute();
      }
    },

    async samePairs(workspaceId: string, kind: 'email' | 'phone', limit: number) {
      return db
        .selectFrom('customer_contacts as a')
        .innerJoin('customer_contacts as b', (j) =>
          j.onRef('b.workspace_id', '=', 'a.workspace_id').onRef('b.kind', '=', 'a.kind').onRef('b.match_key', '=', 'a.match_key').onRef('b.customer_id', '>', 'a.customer_id'),
        )
        .innerJoin('customers as ca', (j) => j.onRef('ca.workspace_id', '=', 'a.workspace_id').onRef('ca.id', '=', 'a.customer_id'))
        .innerJoin('customers as cb', (j) => j.onRef('cb.workspace_id', '=', 'b.workspace_id').onRef('cb.id', '=', 'b.customer_id'))
        .select(['a.customer_id as a', 'b.customer_id as b'])
        .distinct()
        .where('a.workspace_id', '=', workspaceId)
        .where('a.kind', '=', kind)
        .where((eb) => eb.fn('length', ['a.match_key']), '>=', kind === 'phone' ? 7 : 3)
        .where('ca.deleted_at', 'is', null)
        .where('cb.deleted_at', 'is', null)
        .limit(limit)
        .execute();
    },

    /** Two people with the same normalised name at the same organisation. */
    async sameNameInOrganisation(workspaceId: string, limit: number) {
      return db
        .selectFrom('employments as ea')
        .innerJoin('employments as eb', (j) =>
          j.onRef('eb.workspace_id', '=', 'ea.workspace_id').onRef('eb.organisation_id', '=', 'ea.organisation_id').onRef('eb.person_id', '>', 'ea.person_id'),
        )
        .innerJoin('customers as pa', (j) => j.onRef('pa.workspace_id', '=', 'ea.workspace_id').onRef('pa.id', '=', 'ea.person_id'))
        .innerJoin('customers as pb', (j) => j.onRef('pb.workspace_id', '=', 'eb.workspace_id').onRef('pb.id', '=', 'eb.person_id'))
        .select(['ea.person_id as a', 'eb.person_id as b'])
        .distinct()
        .where('ea.workspace_id', '=', workspaceId)
        .whereRef('pa.sort_name', '=', 'pb.sort_name')
        .where('pa.deleted_at', 'is', null)
        .where('pb.deleted_at', 'is', null)
        .limit(limit)
        .execute();
    },

    /** Two organisations with the same normalised name. */
    async sameOrganisationName(workspaceId: string, limit: number) {
      return db
        .selectFrom('customers as a')
        .innerJoin('customers as b', (j) => j.onRef('b.workspace_id', '=', 'a.workspace_id').onRef('b.sort_name', '=', 'a.sort_name').onRef('b.id', '>', 'a.id'))
        .select(['a.id as a', 'b.id as b'])
        .where('a.workspace_id', '=', workspaceId)
        .where('a.kind', '=', 'organisation')
        .where('b.kind', '=', 'organisation')
        .where('a.deleted_at', 'is', null)
        .where('b.deleted_at', 'is', null)
        .limit(limit)
        .execute();
    },
  };
}
