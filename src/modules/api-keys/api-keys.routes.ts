import { apiKeyIdParamsSchema, apiKeyListSchema, createApiKeySchema, createdApiKeySchema } from '../../contracts/api-keys.ts';
import { okSchema } from '../../contracts/common.ts';
import { actorOf } from '../../server/auth.plugin.ts';
import { errors } from '../../server/responses.ts';
import type { App, AppDeps } from '../../server/types.ts';
import { createApiKey, listApiKeys, revokeApiKey } from './api-keys.usecases.ts';

export function apiKeysRoutes(app: App, deps: AppDeps): void {
  const base = { db: deps.database.db, clock: deps.clock };
  const config = { access: 'api_keys.manage', sessionOnly: true } as const;

  app.get('/api-keys', {
    config,
    schema: { tags: ['api keys'], summary: 'Active API keys (never their secrets)', response: { 200: apiKeyListSchema, ...errors(401, 403) } },
  }, async (request) => ({ items: await listApiKeys(base, actorOf(request)) }));

  app.post('/api-keys', {
    config,
    schema: {
      tags: ['api keys'],
      summary: 'Create an API key; the secret is in this response only',
      body: createApiKeySchema,
      response: { 201: createdApiKeySchema, ...errors(400, 401, 403) },
    },
  }, async (request, reply) => {
    reply.code(201);
    return createApiKey(base, actorOf(request), request.body);
  });

  app.delete('/api-keys/:apiKeyId', {
    config,
    schema: { tags: ['api keys'], summary: 'Revoke an API key', params: apiKeyIdParamsSchema, response: { 200: okSchema, ...errors(401, 403, 404) } },
  }, async (request) => {
    await revokeApiKey(base, actorOf(request), request.params.apiKeyId);
    return { ok: true as const };
  });
}
