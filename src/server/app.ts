import { randomUUID } from 'node:crypto';
import fastifyCookie from '@fastify/cookie';
import Fastify, { type FastifyServerOptions } from 'fastify';
import { validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { serializerCompiler } from './serializer.ts';
import { apiKeysRoutes } from '../modules/api-keys/api-keys.routes.ts';
import { authRoutes } from '../modules/auth/auth.routes.ts';
import { activitiesRoutes } from '../modules/activities/activities.routes.ts';
import { transactionsRoutes } from '../modules/transactions/transactions.routes.ts';
import { importsRoutes } from '../modules/imports/imports.routes.ts';
import { exportsRoutes } from '../modules/exports/exports.routes.ts';
import { analyticsRoutes } from '../modules/analytics/analytics.routes.ts';
import { attributesRoutes } from '../modules/attributes/attributes.routes.ts';
import { customerRelationsRoutes } from '../modules/customers/customer-relations.routes.ts';
import { customersRoutes } from '../modules/customers/customers.routes.ts';
import { tagsRoutes } from '../modules/tags/tags.routes.ts';
import { sourcesRoutes } from '../modules/sources/sources.routes.ts';
import { sourceRulesRoutes } from '../modules/sources/source-rules.routes.ts';
import { viewsRoutes } from '../modules/views/views.routes.ts';
import { usersRoutes } from '../modules/users/users.routes.ts';
import { workspacesRoutes } from '../modules/workspaces/workspaces.routes.ts';
import { registerAuth } from './auth.plugin.ts';
import { registerErrorHandling } from './errors.plugin.ts';
import { healthRoutes } from './health.routes.ts';
import { registerOpenApi } from './openapi.plugin.ts';
import { campaignsRoutes } from '../modules/campaigns/campaigns.routes.ts';
import { referralsRoutes } from '../modules/referrals/referrals.routes.ts';
import { reasonsRoutes } from '../modules/reasons/reasons.routes.ts';
import { acquisitionReportsRoutes } from '../modules/acquisition-reports/acquisition-reports.routes.ts';
import { segmentReportsRoutes } from '../modules/segment-reports/segment-reports.routes.ts';
import { segmentsRoutes } from '../modules/segments/segments.routes.ts';
import { concentrationRoutes } from '../modules/concentration/concentration.routes.ts';
import { emailRoutes } from '../modules/email/email.routes.ts';
import { unsubscribeRoutes } from '../modules/email/unsubscribe.routes.ts';
import { thanksRoutes } from '../modules/thanks/thanks.routes.ts';
import { followUpsRoutes } from '../modules/followups/followups.routes.ts';
import { surveysRoutes } from '../modules/surveys/surveys.routes.ts';
import { winbackRoutes } from '../modules/winback/winback.routes.ts';
import { todayRoutes } from '../modules/today/today.routes.ts';
import { surveyPageRoutes } from '../modules/surveys/survey-page.routes.ts';
import { calendarFeedRoutes, remindersRoutes } from '../modules/reminders/reminders.routes.ts';
import type { App, AppDeps } from './types.ts';
import { registerWebApp } from './web.plugin.ts';

/** Every domain's routes, mounted under /api/v1. A new module adds one line here. */
const API_V1_MODULES = [
  authRoutes,
  usersRoutes,
  workspacesRoutes,
  apiKeysRoutes,
  customersRoutes,
  customerRelationsRoutes,
  activitiesRoutes,
  transactionsRoutes,
  importsRoutes,
  exportsRoutes,
  analyticsRoutes,
  attributesRoutes,
  tagsRoutes,
  sourcesRoutes,
  sourceRulesRoutes,
  campaignsRoutes,
  referralsRoutes,
  reasonsRoutes,
  acquisitionReportsRoutes,
  concentrationRoutes,
  segmentsRoutes,
  segmentReportsRoutes,
  emailRoutes,
  thanksRoutes,
  followUpsRoutes,
  surveysRoutes,
  winbackRoutes,
  todayRoutes,
  viewsRoutes,
  remindersRoutes,
];

/** Every route the app answers, as registered (method and URL pattern). */
export interface RouteEntry {
  method: string;
  url: string;
  access: string | undefined;
}

declare module 'fastify' {
  interface FastifyInstance {
    routeTable: RouteEntry[];
  }
}

export interface BuildAppOptions extends AppDeps {
  logger?: FastifyServerOptions['logger'];
}

export async function buildApp(options: BuildAppOptions): Promise<App> {
  const { logger = false, ...deps } = options;
  const app = Fastify({
    logger,
    trustProxy: deps.config.trustProxy,
    bodyLimit: 1024 * 1024,
    requestIdHeader: 'x-request-id',
    genReqId: () => randomUUID(),
    routerOptions: { ignoreTrailingSlash: true },
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'same-origin');
    reply.header('x-frame-options', 'DENY');
  });

  registerErrorHandling(app);
  await app.register(fastifyCookie);
  registerAuth(app, deps);
  // After registerAuth's onRoute hook, so each entry shows the access the route ended up with.
  const routeTable: RouteEntry[] = [];
  app.decorate('routeTable', routeTable);
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) routeTable.push({ method, url: route.url, access: route.config?.access });
  });
  await registerOpenApi(app);

  healthRoutes(app, deps);
  // Public, tokenized pages linked from emails (on the route guard's allow-list).
  await app.register(async (pub) => unsubscribeRoutes(pub as App, deps));
  await app.register(async (pub) => surveyPageRoutes(pub as App, deps));
  await app.register(async (pub) => calendarFeedRoutes(pub as App, deps));
  await app.register(
    async (api) => {
      for (const routes of API_V1_MODULES) routes(api as App, deps);
    },
    { prefix: '/api/v1' },
  );
  await registerWebApp(app, deps.config.webDistDir);
  await app.ready();
  return app;
}
