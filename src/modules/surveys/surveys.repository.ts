import type { Kysely } from 'kysely';
import type { DB, SurveyInvitationsTable } from '../../db/schema.ts';

export function createSurveysRepository(db: Kysely<DB>) {
  return {
    async insertInvitations(rows: SurveyInvitationsTable[]): Promise<void> {
      if (rows.length) await db.insertInto('survey_invitations').values(rows).execute();
    },

    /** The invitation a token's hash names, with its customer and workspace (the workspace comes from the row, never the caller). */
    async byTokenHash(tokenHash: string) {
      return db
        .selectFrom('survey_invitations as s')
        .innerJoin('customers as c', (j) => j.onRef('c.workspace_id', '=', 's.workspace_id').onRef('c.id', '=', 's.customer_id'))
        .innerJoin('workspaces as w', 'w.id', 's.workspace_id')
        .selectAll('s')
        .select(['w.name as workspace_name', 'c.deleted_at', 'c.display_name'])
        .where('s.token_hash', '=', tokenHash)
        .executeTakeFirst();
    },

    /** Marks the invitation used; false when it already was (so two answers cannot both record). */
    async markUsed(workspaceId: string, id: string, at: string): Promise<boolean> {
      const result = await db.updateTable('survey_invitations').set({ used_at: at }).where('workspace_id', '=', workspaceId).where('id', '=', id).where('used_at', 'is', null).executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },
  };
}
