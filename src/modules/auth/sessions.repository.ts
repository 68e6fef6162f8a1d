import type { Kysely } from 'kysely';
import type { DB, SessionsTable } from '../../db/schema.ts';

export function createSessionsRepository(db: Kysely<DB>) {
  return {
    async insertSession(row: SessionsTable): Promise<void> {
      await db.insertInto('sessions').values(row).execute();
    },

    /** Looked up by the hash of the cookie secret, which identifies the workspace. */
    async findSessionWithUser(sessionId: string) {
      return db
        .selectFrom('sessions')
        .innerJoin('users', (join) =>
          join.onRef('users.workspace_id', '=', 'sessions.workspace_id').onRef('users.id', '=', 'sessions.user_id'),
        )
        .select([
          'sessions.id',
          'sessions.workspace_id',
          'sessions.user_id',
          'sessions.csrf_token',
          'sessions.last_seen_at',
          'sessions.expires_at',
          'users.role',
          'users.disabled_at',
        ])
        .where('sessions.id', '=', sessionId)
        .executeTakeFirst();
    },

    async extendSession(workspaceId: string, sessionId: string, lastSeenAt: string, expiresAt: string): Promise<void> {
      await db
        .updateTable('sessions')
        .set({ last_seen_at: lastSeenAt, expires_at: expiresAt })
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', sessionId)
        .execute();
    },

    async deleteSession(workspaceId: string, sessionId: string): Promise<void> {
      await db.deleteFrom('sessions').where('workspace_id', '=', workspaceId).where('id', '=', sessionId).execute();
    },

    /** Ends every session of a user, except optionally the one making the change. */
    async deleteUserSessions(workspaceId: string, userId: string, exceptSessionId?: string): Promise<void> {
      let query = db.deleteFrom('sessions').where('workspace_id', '=', workspaceId).where('user_id', '=', userId);
      if (exceptSessionId) query = query.where('id', '!=', exceptSessionId);
      await query.execute();
    },

    async deleteExpiredSessions(now: string): Promise<void> {
      await db.deleteFrom('sessions').where('expires_at', '<', now).execute();
    },
  };
}
export type SessionsRepository = ReturnType<typeof createSessionsRepository>;
