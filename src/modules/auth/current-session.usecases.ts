import type { Kysely } from 'kysely';
import type { Session } from '../../contracts/auth.ts';
import type { DB } from '../../db/schema.ts';
import { unauthenticated } from '../../shared/errors.ts';
import { createUsersRepository } from '../users/users.repository.ts';
import { toUser } from '../users/users.usecases.ts';
import { createWorkspacesRepository } from '../workspaces/workspaces.repository.ts';
import { toWorkspace } from '../workspaces/workspaces.usecases.ts';

/** What the web app needs after sign-in: who I am, where, and the CSRF token for writes. */
export async function describeSession(
  deps: { db: Kysely<DB> },
  ids: { workspaceId: string; userId: string; csrfToken?: string | undefined },
): Promise<Session> {
  const [user, workspace] = await Promise.all([
    createUsersRepository(deps.db).getUser(ids.workspaceId, ids.userId),
    createWorkspacesRepository(deps.db).getWorkspace(ids.workspaceId),
  ]);
  if (!user || !workspace) throw unauthenticated();
  const { id, name, email, role, locale } = toUser(user);
  return { user: { id, name, email, role, locale }, workspace: toWorkspace(workspace), csrfToken: ids.csrfToken ?? '' };
}
