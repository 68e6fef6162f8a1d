import { okSchema } from '../../contracts/common.ts';
import {
  customerFollowUpParamsSchema, followUpBulkInputSchema, followUpBulkResultSchema, followUpDoneSchema, followUpInputSchema, followUpListSchema, followUpParamsSchema,
  followUpQuerySchema, followUpRulesSchema, followUpSchema, followUpSkipSchema, followUpSnoozeSchema, followUpUpdateSchema,
} from '../../contracts/followups.ts';
import { actorOf } from '../../server/auth.plugin.ts';
import { errors } from '../../server/responses.ts';
import type { App, AppDeps } from '../../server/types.ts';
import {
  completeFollowUp, createFollowUp, createFollowUps, deleteFollowUp, getRules, listCustomerFollowUps, listFollowUps, saveRules, skipFollowUp, snoozeFollowUp, updateFollowUp,
} from './followups.usecases.ts';

export function followUpsRoutes(app: App, deps: AppDeps): void {
  const base = { db: deps.database.db, clock: deps.clock };
  const tags = ['follow-ups'];

  app.get('/customers/:customerId/follow-ups', { config: { access: 'customers.read' }, schema: { tags, summary: "The customer's follow-ups: open ones by due day, then closed ones newest first", params: customerFollowUpParamsSchema, response: { 200: followUpListSchema, ...errors(401, 403, 404) } } },
    async (request) => ({ items: await listCustomerFollowUps(base, actorOf(request), request.params.customerId) }));
  app.post('/customers/:customerId/follow-ups', { config: { access: 'customers.write' }, schema: { tags, summary: 'Plan a follow-up (a past day is allowed: it is then overdue)', params: customerFollowUpParamsSchema, body: followUpInputSchema, response: { 201: followUpSchema, ...errors(400, 401, 403, 404) } } },
    async (request, reply) => {
      reply.code(201);
      return createFollowUp(base, actorOf(request), request.params.customerId, request.body);
    });
  app.post('/follow-ups/bulk', { config: { access: 'customers.write' }, schema: { tags, summary: 'The same follow-up for many customers (deleted or unknown ones are skipped)', body: followUpBulkInputSchema, response: { 200: followUpBulkResultSchema, ...errors(400, 401, 403) } } },
    async (request) => createFollowUps(base, actorOf(request), request.body));
  app.get('/follow-ups', { config: { access: 'customers.read' }, schema: { tags, summary: "The workspace's follow-ups by due day", querystring: followUpQuerySchema, response: { 200: followUpListSchema, ...errors(400, 401, 403) } } },
    async (request) => ({ items: await listFollowUps(base, actorOf(request), request.query) }));

  app.get('/follow-ups/rules', { config: { access: 'customers.read' }, schema: { tags, summary: 'The rules that raise follow-ups by themselves', response: { 200: followUpRulesSchema, ...errors(401, 403) } } },
    async (request) => getRules(base, actorOf(request)));
  app.put('/follow-ups/rules', { config: { access: 'workspace.manage' }, schema: { tags, summary: 'Switch and tune the rules (they are applied at once)', body: followUpRulesSchema, response: { 200: followUpRulesSchema, ...errors(400, 401, 403) } } },
    async (request) => saveRules(base, actorOf(request), request.body));

  app.patch('/follow-ups/:followUpId', { config: { access: 'customers.write' }, schema: { tags, summary: 'Change the due day, kind, assignee or note', params: followUpParamsSchema, body: followUpUpdateSchema, response: { 200: followUpSchema, ...errors(400, 401, 403, 404) } } },
    async (request) => updateFollowUp(base, actorOf(request), request.params.followUpId, request.body));
  app.post('/follow-ups/:followUpId/done', { config: { access: 'customers.write' }, schema: { tags, summary: 'Mark it done; a note is written to the timeline', params: followUpParamsSchema, body: followUpDoneSchema, response: { 200: followUpSchema, ...errors(400, 401, 403, 404, 409) } } },
    async (request) => completeFollowUp(base, actorOf(request), request.params.followUpId, request.body.note));
  app.post('/follow-ups/:followUpId/skip', { config: { access: 'customers.write' }, schema: { tags, summary: 'Skip it, saying why', params: followUpParamsSchema, body: followUpSkipSchema, response: { 200: followUpSchema, ...errors(400, 401, 403, 404, 409) } } },
    async (request) => skipFollowUp(base, actorOf(request), request.params.followUpId, request.body.reason));
  app.post('/follow-ups/:followUpId/snooze', { config: { access: 'customers.write' }, schema: { tags, summary: 'A day or a week later', params: followUpParamsSchema, body: followUpSnoozeSchema, response: { 200: followUpSchema, ...errors(400, 401, 403, 404, 409) } } },
    async (request) => snoozeFollowUp(base, actorOf(request), request.params.followUpId, request.body.days));
  app.delete('/follow-ups/:followUpId', { config: { access: 'customers.write' }, schema: { tags, summary: 'Delete a follow-up', params: followUpParamsSchema, response: { 200: okSchema, ...errors(401, 403, 404) } } },
    async (request) => {
      await deleteFollowUp(base, actorOf(request), request.params.followUpId);
      return { ok: true as const };
    });
}
