import type { CompiledQuery, Kysely } from 'kysely';
import type { DB, SessionsTable } from '../../db/schema.ts';

function buildSessionLookup(db: Kysely<DB>, sessionId: string) {
  return db
    .selectFrom('sessions')
    .innerJoin('users', (join) => join.onRef('users.workspace_id', '=', 'sessions.workspace_id').onRef('users.id', '=', 'sessions.user_id'))
    .select(['sessions.id', 'sessions.workspace_id', 'sessions.user_id', 'sessions.csrf_token', 'sessions.last_seen_at', 'sessions.expires_at', 'users.role', 'users.disabled_at'])
    .where('sessions.id', '=', sessionId)
    .compile();
}

type SessionLookup = ReturnType<typeof buildSessionLookup>;
type SessionWithUser = SessionLookup extends CompiledQuery<infer Row> ? Row : never;

const sessionLookups = new WeakMap<Kysely<DB>, SessionLookup>();

/**
 * Every request looks its session up; Kysely's builder cost more than the lookup itself, so the
 * statement is compiled once per database and run with each session id as its one parameter.
 */
function sessionLookup(db: Kysely<DB>): SessionLookup {
  let query = sessionLookups.get(db);
  if (!query) {
    query = buildSessionLookup(db, '');
    if (query.parameters.length !== 1) throw new Error('the session lookup must take the session id alone');
    sessionLookups.set(db, query);
  }
  return query;
}

export function createSessionsRepository(db: Kysely<DB>) {
  return {
    async insertSession(row: SessionsTable): Promise<void> {
      await db.insertInto('sessions').values(row).execute();
    },

    /** Looked up by the hash of the cookie secret, which identifies the workspace. */
    async findSessionWithUser(sessionId: string): Promise<SessionWithUser | undefined> {
      const query = sessionLookup(db);
      return (await db.executeQuery<SessionWithUser>({ ...query, parameters: [sessionId] })).rows[0];
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
