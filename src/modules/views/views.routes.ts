import { okSchema } from '../../contracts/common.ts';
import { createViewSchema, savedViewListSchema, savedViewSchema, updateViewSchema, viewIdParamsSchema } from '../../contracts/views.ts';
import { actorOf } from '../../server/auth.plugin.ts';
import { errors } from '../../server/responses.ts';
import type { App, AppDeps } from '../../server/types.ts';
import { createView, deleteView, listViews, updateView } from './views.usecases.ts';

export function viewsRoutes(app: App, deps: AppDeps): void {
  const base = { db: deps.database.db, clock: deps.clock };

  app.get('/views', {
    config: { access: 'customers.read' },
    schema: { tags: ['views'], summary: 'Saved list views: mine and the shared ones', response: { 200: savedViewListSchema, ...errors(401, 403) } },
  }, async (request) => ({ items: await listViews(base, actorOf(request)) }));

  app.post('/views', {
    config: { access: 'customers.read' },
    schema: { tags: ['views'], summary: 'Save columns, filters and sort as a named view', body: createViewSchema, response: { 201: savedViewSchema, ...errors(400, 401, 403) } },
  }, async (request, reply) => {
    reply.code(201);
    return createView(base, actorOf(request), request.body);
  });

  app.patch('/views/:viewId', {
    config: { access: 'customers.read' },
    schema: { tags: ['views'], summary: 'Change your saved view', params: viewIdParamsSchema, body: updateViewSchema, response: { 200: savedViewSchema, ...errors(400, 401, 403, 404) } },
  }, async (request) => updateView(base, actorOf(request), request.params.viewId, request.body));

  app.delete('/views/:viewId', {
    config: { access: 'customers.read' },
    schema: { tags: ['views'], summary: 'Delete your saved view', params: viewIdParamsSchema, response: { 200: okSchema, ...errors(401, 403, 404) } },
  }, async (request) => {
    await deleteView(base, actorOf(request), request.params.viewId);
    return { ok: true as const };
  });
}
