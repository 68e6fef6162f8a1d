import { updateWorkspaceSchema, workspaceSchema } from '../../contracts/auth.ts';
import { actorOf } from '../../server/auth.plugin.ts';
import { errors } from '../../server/responses.ts';
import type { App, AppDeps } from '../../server/types.ts';
import { getWorkspace, updateWorkspace } from './workspaces.usecases.ts';

export function workspacesRoutes(app: App, deps: AppDeps): void {
  const base = { db: deps.database.db, dialect: deps.database.dialect, clock: deps.clock };

  app.get('/workspace', {
    config: { access: 'signed_in' },
    schema: { tags: ['workspace'], summary: 'This workspace and its settings', response: { 200: workspaceSchema, ...errors(401) } },
  }, async (request) => getWorkspace(base, actorOf(request)));

  app.patch('/workspace', {
    config: { access: 'workspace.manage' },
    schema: {
      tags: ['workspace'],
      summary: "Change the workspace's name, base currency, locale or time zone",
      body: updateWorkspaceSchema,
      response: { 200: workspaceSchema, ...errors(400, 401, 403) },
    },
  }, async (request) => updateWorkspace(base, actorOf(request), request.body));
}
