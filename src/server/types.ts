import type { FastifyBaseLogger, FastifyInstance, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppConfig } from '../config.ts';
import type { Database } from '../db/connection.ts';
import type { Clock } from '../shared/clock.ts';
import type { Access, Actor } from '../modules/auth/permissions.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Required on every route: 'public' or the permission it needs (see auth.plugin.ts). */
    access?: Access;
    /** Refuse API keys: only a signed-in person may do this. */
    sessionOnly?: boolean;
  }
  interface FastifyRequest {
    actor: Actor | null;
  }
}

export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

/** What route adapters pass to use-cases. */
export interface AppDeps {
  database: Database;
  clock: Clock;
  config: AppConfig;
}
