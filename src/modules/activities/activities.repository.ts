import type { Kysely } from 'kysely';
import type { ActivitiesTable, DB } from '../../db/schema.ts';

export function createActivitiesRepository(db: Kysely<DB>) {
  return {
    async insertActivity(row: ActivitiesTable): Promise<void> {
      await db.insertInto('activities').values(row).execute();
    },

    async activitiesOf(workspaceId: string, customerId: string, limit: number) {
      return db
        .selectFrom('activities as a')
        .leftJoin('users as u', (j) => j.onRef('u.workspace_id', '=', 'a.workspace_id').onRef('u.id', '=', 'a.author_id'))
        .leftJoin('email_messages as m', (j) => j.onRef('m.workspace_id', '=', 'a.workspace_id').onRef('m.activity_id', '=', 'a.id'))
        .leftJoin('users as rv', (j) => j.onRef('rv.workspace_id', '=', 'a.workspace_id').onRef('rv.id', '=', 'a.resolved_by'))
        .selectAll('a')
        .select(['rv.name as resolver_name', 'u.name as author_name', 'm.id as email_id', 'm.status as email_status', 'm.last_error as email_error', 'm.to_address as email_to'])
        .where('a.workspace_id', '=', workspaceId)
        .where('a.customer_id', '=', customerId)
        .orderBy('a.occurred_at', 'desc')
        .orderBy('a.id', 'desc')
        .limit(limit)
        .execute();
    },

    async getActivity(workspaceId: string, activityId: string) {
      return db
        .selectFrom('activities as a')
        .innerJoin('customers as c', (j) => j.onRef('c.workspace_id', '=', 'a.workspace_id').onRef('c.id', '=', 'a.customer_id'))
        .leftJoin('users as u', (j) => j.onRef('u.workspace_id', '=', 'a.workspace_id').onRef('u.id', '=', 'a.author_id'))
        .leftJoin('email_messages as m', (j) => j.onRef('m.workspace_id', '=', 'a.workspace_id').onRef('m.activity_id', '=', 'a.id'))
        .leftJoin('users as rv', (j) => j.onRef('rv.workspace_id', '=', 'a.workspace_id').onRef('rv.id', '=', 'a.resolved_by'))
        .selectAll('a')
        .select(['rv.name as resolver_name', 'u.name as author_name', 'm.id as email_id', 'm.status as email_status', 'm.last_error as email_error', 'm.to_address as email_to'])
        .where('a.workspace_id', '=', workspaceId)
        .where('a.id', '=', activityId)
        .where('c.deleted_at', 'is', null)
        .executeTakeFirst();
    },

    async updateActivity(workspaceId: string, activityId: string, patch: Partial<Pick<ActivitiesTable, 'kind' | 'occurred_at' | 'body' | 'updated_at' | 'status' | 'resolution' | 'resolved_at' | 'resolved_by'>>): Promise<void> {
      await db.updateTable('activities').set(patch).where('workspace_id', '=', workspaceId).where('id', '=', activityId).execute();
    },

    async deleteActivity(workspaceId: string, activityId: string): Promise<void> {
      await db.deleteFrom('activities').where('workspace_id', '=', workspaceId).where('id', '=', activityId).execute();
    },
  };
}
