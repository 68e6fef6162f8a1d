import { PassThrough } from 'node:stream';
import { z } from 'zod';
import { localeSchema, okSchema } from '../../contracts/common.ts';
import { customerIdParamsSchema } from '../../contracts/customers.ts';
import {
  dismissOwedSchema, owedListSchema, owedParamsSchema, owedQuerySchema, owedThanksSchema, thankRulesSchema, thanksReportQuerySchema, thanksReportSchema,
  thankYouInputSchema, thankYouListSchema, thankYouParamsSchema, thankYouSchema,
} from '../../contracts/thanks.ts';
import { actorOf } from '../../server/auth.plugin.ts';
import { errors } from '../../server/responses.ts';
import type { App, AppDeps } from '../../server/types.ts';
import { createWorkspacesRepository } from '../workspaces/workspaces.repository.ts';
import { writeThanksSheet } from './thanks-report.sheets.ts';
import { thanksReport } from './thanks-report.usecases.ts';
import { deleteThankYou, dismissOwed, getRules, listOwed, listThankYous, logThankYou, saveRules } from './thanks.usecases.ts';

const CONTENT_TYPES = { csv: 'text/csv; charset=utf-8', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } as const;

export function thanksRoutes(app: App, deps: AppDeps): void {
  const base = { db: deps.database.db, clock: deps.clock };
  const tags = ['thanks'];

  app.get('/customers/:customerId/thank-yous', { config: { access: 'customers.read' }, schema: { tags, summary: "The customer's thank-you log, newest first", params: customerIdParamsSchema, response: { 200: thankYouListSchema, ...errors(401, 403, 404) } } },
    async (request) => ({ items: await listThankYous(base, actorOf(request), request.params.customerId) }));
  app.post('/customers/:customerId/thank-yous', { config: { access: 'customers.write' }, schema: { tags, summary: 'Log a thank-you (kind, what for, cost, day); with owedId it settles that owed thank-you', params: customerIdParamsSchema, body: thankYouInputSchema, response: { 201: thankYouSchema, ...errors(400, 401, 403, 404, 409) } } },
    async (request, reply) => {
      reply.code(201);
      return logThankYou(base, actorOf(request), request.params.customerId, request.body);
    });
  app.delete('/customers/:customerId/thank-yous/:thankYouId', { config: { access: 'customers.write' }, schema: { tags, summary: 'Remove a logged thank-you (what it settled is owed again)', params: thankYouParamsSchema, response: { 200: okSchema, ...errors(401, 403, 404) } } },
    async (request) => {
      await deleteThankYou(base, actorOf(request), request.params.customerId, request.params.thankYouId);
      return { ok: true as const };
    });

  app.get('/thanks/rules', { config: { access: 'customers.read' }, schema: { tags, summary: 'The rules that say who is owed thanks', response: { 200: thankRulesSchema, ...errors(401, 403) } } },
    async (request) => getRules(base.db, actorOf(request).workspaceId));
  app.put('/thanks/rules', { config: { access: 'workspace.manage' }, schema: { tags, summary: 'Switch and tune the rules', body: thankRulesSchema, response: { 200: thankRulesSchema, ...errors(400, 401, 403) } } },
    async (request) => saveRules(base, actorOf(request), request.body));

  app.get('/thanks/owed', { config: { access: 'customers.read' }, schema: { tags, summary: 'Thanks owed (or done, or dismissed): each occasion once, newest first; the rules are checked first', querystring: owedQuerySchema, response: { 200: owedListSchema, ...errors(400, 401, 403) } } },
    async (request) => ({ items: await listOwed(base, actorOf(request), request.query) }));
  app.post('/thanks/owed/:owedId/dismiss', { config: { access: 'customers.write' }, schema: { tags, summary: 'Dismiss an owed thank-you, with a reason', params: owedParamsSchema, body: dismissOwedSchema, response: { 200: owedThanksSchema, ...errors(400, 401, 403, 404, 409) } } },
    async (request) => dismissOwed(base, actorOf(request), request.params.owedId, request.body.reason));

  app.get('/reports/thank-yous', { config: { access: 'customers.read' }, schema: { tags: ['reports'], summary: 'Thank-yous by kind and cost per month, and the value of customers thanked vs not (not causal)', querystring: thanksReportQuerySchema.omit({ format: true }), response: { 200: thanksReportSchema, ...errors(400, 401, 403) } } },
    async (request) => thanksReport(base.db, actorOf(request).workspaceId, request.query));
  app.get('/reports/thank-yous/export', {
    config: { access: 'customers.read' },
    schema: { tags: ['reports'], summary: 'The thank-yous report as CSV or XLSX', querystring: thanksReportQuerySchema.omit({ format: true }).extend({ format: z.enum(['csv', 'xlsx']).default('xlsx'), lang: localeSchema.optional() }), response: { 200: z.string().describe('The file'), ...errors(400, 401, 403) } },
  }, async (request, reply) => {
    const { format, lang, ...period } = request.query;
    const workspaceId = actorOf(request).workspaceId;
    const report = await thanksReport(base.db, workspaceId, period);
    const locale = lang ?? (await createWorkspacesRepository(base.db).getWorkspace(workspaceId))!.locale;
    const out = new PassThrough();
    reply.type(CONTENT_TYPES[format]).header('content-disposition', `attachment; filename="thank-yous-${deps.clock.now().toISOString().slice(0, 10)}.${format}"`);
    writeThanksSheet(report, format, locale, out).catch((error: unknown) => out.destroy(error as Error));
    return reply.send(out as unknown as string);
  });
}
