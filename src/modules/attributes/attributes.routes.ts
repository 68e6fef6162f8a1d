import { attributeIdParamsSchema, attributeListSchema, attributeSchema, createAttributeSchema, updateAttributeSchema } from '../../contracts/attributes.ts';
import { okSchema } from '../../contracts/common.ts';
import { actorOf } from '../../server/auth.plugin.ts';
import { errors } from '../../server/responses.ts';
import type { App, AppDeps } from '../../server/types.ts';
import { createAttribute, deleteAttribute, listAttributes, updateAttribute } from './attributes.usecases.ts';

export function attributesRoutes(app: App, deps: AppDeps): void {
  const base = { db: deps.database.db, clock: deps.clock };

  app.get('/attributes', {
    config: { access: 'customers.read' },
    schema: { tags: ['attributes'], summary: 'Custom attributes of people and organisations', response: { 200: attributeListSchema, ...errors(401, 403) } },
  }, async (request) => ({ items: await listAttributes(base, actorOf(request).workspaceId) }));

  app.post('/attributes', {
    config: { access: 'workspace.manage' },
    schema: { tags: ['attributes'], summary: 'Define a typed attribute', body: createAttributeSchema, response: { 201: attributeSchema, ...errors(400, 401, 403, 409) } },
  }, async (request, reply) => {
    reply.code(201);
    return createAttribute(base, actorOf(request), request.body);
  });

  app.patch('/attributes/:attributeId', {
    config: { access: 'workspace.manage' },
    schema: {
      tags: ['attributes'],
      summary: "Rename an attribute, change whom it applies to, or edit its options",
      params: attributeIdParamsSchema,
      body: updateAttributeSchema,
      response: { 200: attributeSchema, ...errors(400, 401, 403, 404) },
    },
  }, async (request) => updateAttribute(base, actorOf(request), request.params.attributeId, request.body));

  app.delete('/attributes/:attributeId', {
    config: { access: 'workspace.manage' },
    schema: { tags: ['attributes'], summary: 'Delete an attribute and all its values', params: attributeIdParamsSchema, response: { 200: okSchema, ...errors(401, 403, 404) } },
  }, async (request) => {
    await deleteAttribute(base, actorOf(request), request.params.attributeId);
    return { ok: true as const };
  });
}
