import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import { VERSION } from '../version.ts';
import type { App } from './types.ts';

/** The OpenAPI 3 document, generated from the same zod schemas that validate requests. */
export async function registerOpenApi(app: App): Promise<void> {
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Rapport API',
        version: VERSION,
        description:
          'Customer-intelligence CRM. Authenticate with the session cookie (and the x-csrf-token header on writes) ' +
          'or with an API key: `Authorization: Bearer rpk_…`. Errors are `{ "error": { "code", "message", "details" } }`.',
      },
      components: {
        securitySchemes: {
          apiKey: { type: 'http', scheme: 'bearer', description: 'An API key created in Settings → API keys' },
          session: { type: 'apiKey', in: 'cookie', name: 'rapport_session' },
        },
      },
      security: [{ apiKey: [] }, { session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () => app.swagger());
}
