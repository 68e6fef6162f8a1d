import type { Kysely } from 'kysely';
import type { DB, SavedViewsTable } from '../../db/schema.ts';

export function createViewsRepository(db: Kysely<DB>) {
  return {
    /** The user's own views and everyone's shared ones. */
    async visibleViews(workspaceId: string, userId: string) {
      return db
        .selectFrom('saved_views as v')
        .leftJoin('users as u', (j) => j.onRef('u.workspace_id', '=', 'v.workspace_id').onRef('u.id', '=', 'v.owner_id'))
        .selectAll('v')
        .select('u.name as owner_name')
        .where('v.workspace_id', '=', workspaceId)
        .where((eb) => eb.or([eb('v.owner_id', '=', userId), eb('v.shared', '=', 1)]))
        .orderBy('v.name')
        .execute();
    },

    async insertView(row: SavedViewsTable): Promise<void> {
      await db.insertInto('saved_views').values(row).execute();
    },

    async updateView(workspaceId: string, viewId: string, patch: Partial<Pick<SavedViewsTable, 'name' | 'shared' | 'definition' | 'updated_at'>>): Promise<void> {
      await db.updateTable('saved_views').set(patch).where('workspace_id', '=', workspaceId).where('id', '=', viewId).execute();
    },

    async deleteView(workspaceId: string, viewId: string): Promise<void> {
      await db.deleteFrom('saved_views').where('workspace_id', '=', workspaceId).where('id', '=', viewId).execute();
    },
  };
}
