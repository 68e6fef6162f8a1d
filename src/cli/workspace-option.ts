import type { Database } from '../db/connection.ts';
import type { Actor } from '../modules/auth/permissions.ts';
import { badRequest } from '../shared/errors.ts';
import { createWorkspacesRepository } from '../modules/workspaces/workspaces.repository.ts';

/** Who a CLI command acts as: the workspace's owner, by the operator's hand. */
export function cliActor(workspaceId: string): Actor {
  return { workspaceId, userId: 'cli', role: 'owner', via: 'session', scope: 'read_write' };
}

/** The workspace a CLI command acts on: the one named, or the only one there is. */
export async function pickWorkspace(database: Database, idOrName: string | undefined): Promise<string> {
  const workspaces = await createWorkspacesRepository(database.db).listWorkspaces();
  if (idOrName) {
    const found = workspaces.find((w) => w.id === idOrName || w.name === idOrName);
    if (!found) throw badRequest('cli.workspace_unknown', `No workspace with id or name "${idOrName}"`);
    return found.id;
  }
  if (workspaces.length === 1) return workspaces[0]!.id;
  if (workspaces.length === 0) throw badRequest('cli.no_workspace', 'There is no workspace yet: open the app to set one up, or run `rapport workspace create`');
  throw badRequest('cli.workspace_required', `There are ${workspaces.length} workspaces: choose one with --workspace <id or name>`);
}
