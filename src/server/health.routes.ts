import { z } from 'zod';
import { pingDatabase } from '../db/connection.ts';
import { VERSION } from '../version.ts';
import type { App, AppDeps } from './types.ts';

const healthSchema = z.object({
  status: z.enum(['ok', 'error']),
  version: z.string(),
  database: z.object({ dialect: z.enum(['sqlite', 'postgres']), ok: z.boolean(), latencyMs: z.number().nullable() }),
});

export function healthRoutes(app: App, deps: AppDeps): void {
  app.get('/healthz', {
    config: { access: 'public' },
    schema: { tags: ['health'], summary: 'Liveness and database status', response: { 200: healthSchema, 503: healthSchema } },
  }, async (request, reply) => {
    const dialect = deps.database.dialect;
    try {
      const latencyMs = await pingDatabase(deps.database);
      return { status: 'ok' as const, version: VERSION, database: { dialect, ok: true, latencyMs } };
    } catch (error) {
      request.log.error({ err: error }, 'database health check failed');
      reply.code(503);
      return { status: 'error' as const, version: VERSION, database: { dialect, ok: false, latencyMs: null } };
    }
  });
}
