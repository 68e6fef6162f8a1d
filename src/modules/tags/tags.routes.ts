import { okSchema } from '../../contracts/common.ts';
import { createTagSchema, tagIdParamsSchema, tagListQuerySchema, tagListSchema, tagSchema, updateTagSchema } from '../../contracts/tags.ts';
import { actorOf } from '../../server/auth.plugin.ts';
import { errors } from '../../server/responses.ts';
import type { App, AppDeps } from '../../server/types.ts';
import { createTag, deleteTag, listTags, updateTag } from './tags.usecases.ts';

export function tagsRoutes(app: App, deps: AppDeps): void {
  const base = { db: deps.database.db, clock: deps.clock };

  app.get('/tags', {
    config: { access: 'customers.read' },
    schema: { tags: ['tags'], summary: 'Tags; with counts=true, how many customers carry each', querystring: tagListQuerySchema, response: { 200: tagListSchema, ...errors(400, 401, 403) } },
  }, async (request) => ({ items: await listTags(base, actorOf(request), { counts: request.query.counts === 'true' }) }));

  app.post('/tags', {
    config: { access: 'customers.write' },
    schema: { tags: ['tags'], summary: 'Create a tag', body: createTagSchema, response: { 201: tagSchema, ...errors(400, 401, 403, 409) } },
  }, async (request, reply) => {
    reply.code(201);
    return createTag(base, actorOf(request), request.body);
  });

  app.patch('/tags/:tagId', {
    config: { access: 'customers.write' },
    schema: { tags: ['tags'], summary: 'Rename or recolour a tag', params: tagIdParamsSchema, body: updateTagSchema, response: { 200: tagSchema, ...errors(400, 401, 403, 404, 409) } },
  }, async (request) => updateTag(base, actorOf(request), request.params.tagId, request.body));

  app.delete('/tags/:tagId', {
    config: { access: 'customers.write' },
    schema: { tags: ['tags'], summary: 'Delete a tag (removes it from every customer)', params: tagIdParamsSchema, response: { 200: okSchema, ...errors(401, 403, 404) } },
  }, async (request) => {
    await deleteTag(base, actorOf(request), request.params.tagId);
    return { ok: true as const };
  });
}
