import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { toDbTime } from '../../db/dialect.ts';
import type { Clock } from '../../shared/clock.ts';
import { randomToken, sha256 } from '../../shared/ids.ts';
import type { Actor } from './permissions.ts';
import { createSessionsRepository } from './sessions.repository.ts';

export const SESSION_TTL_MS = 30 * 24 * 60 * 60 * 1000;
/** A session's expiry slides forward at most once per this interval, to spare writes. */
const EXTEND_EVERY_MS = 60 * 60 * 1000;

export interface SessionDeps {
  db: Kysely<DB>;
  clock: Clock;
}

export interface NewSession {
  /** The secret for the cookie; only its hash is stored. */
  token: string;
  csrfToken: string;
  expiresAt: Date;
}

export async function startSession(
  deps: SessionDeps,
  input: { workspaceId: string; userId: string; ip?: string | undefined; userAgent?: string | undefined },
): Promise<NewSession> {
  const now = deps.clock.now();
  const token = randomToken();
  const csrfToken = randomToken(24);
  const expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
  await createSessionsRepository(deps.db).insertSession({
    id: sha256(token),
    workspace_id: input.workspaceId,
    user_id: input.userId,
    csrf_token: csrfToken,
    ip: input.ip ?? null,
    user_agent: input.userAgent?.slice(0, 500) ?? null,
    created_at: toDbTime(now),
    last_seen_at: toDbTime(now),
    expires_at: toDbTime(expiresAt),
  });
  return { token, csrfToken, expiresAt };
}

/** The actor behind a session cookie, or null when it is unknown, expired or its user disabled. */
export async function resolveSession(deps: SessionDeps, token: string): Promise<Actor | null> {
  const repo = createSessionsRepository(deps.db);
  const session = await repo.findSessionWithUser(sha256(token));
  const now = deps.clock.now();
  if (!session || session.disabled_at !== null || Date.parse(session.expires_at) <= now.getTime()) return null;
  if (now.getTime() - Date.parse(session.last_seen_at) > EXTEND_EVERY_MS) {
    await repo.extendSession(session.workspace_id, session.id, toDbTime(now), toDbTime(new Date(now.getTime() + SESSION_TTL_MS)));
  }
  return {
    workspaceId: session.workspace_id,
    userId: session.user_id,
    role: session.role,
    via: 'session',
    scope: 'read_write',
    sessionId: session.id,
    csrfToken: session.csrf_token,
  };
}

export async function endSession(deps: SessionDeps, actor: Actor): Promise<void> {
  if (actor.sessionId) await createSessionsRepository(deps.db).deleteSession(actor.workspaceId, actor.sessionId);
}
