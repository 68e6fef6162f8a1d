import { customerIdParamsSchema } from '../../contracts/customers.ts';
import {
  addCustomerReasonSchema,
  createReasonSchema,
  customerReasonParamsSchema,
  customerReasonsSchema,
  deleteReasonQuerySchema,
  markLostSchema,
  mergeReasonSchema,
  movedSchema,
  reasonIdParamsSchema,
  reasonListQuerySchema,
  reasonListSchema,
  reasonSchema,
  updateReasonSchema,
} from '../../contracts/reasons.ts';
import { actorOf } from '../../server/auth.plugin.ts';
import { errors } from '../../server/responses.ts';
import type { App, AppDeps } from '../../server/types.ts';
import { reasonsReportRoutes } from './reasons-report.routes.ts';
import { addCustomerReason, clearLost, createReason, deleteReason, listReasons, markLost, reasonsOf, removeCustomerReason, updateReason } from './reasons.usecases.ts';

export function reasonsRoutes(app: App, deps: AppDeps): void {
  const base = { db: deps.database.db, clock: deps.clock };

  app.get('/reasons', {
    config: { access: 'customers.read' },
    schema: { tags: ['reasons'], summary: 'Why customers choose us and why they leave: the reasons of each kind, with the customers who gave each', querystring: reasonListQuerySchema, response: { 200: reasonListSchema, ...errors(400, 401, 403) } },
  }, async (request) => ({ items: await listReasons(base, actorOf(request), request.query.kind) }));

  app.post('/reasons', {
    config: { access: 'customers.write' },
    schema: { tags: ['reasons'], summary: 'Add a reason (choose or exit)', body: createReasonSchema, response: { 201: reasonSchema, ...errors(400, 401, 403, 409) } },
  }, async (request, reply) => {
    reply.code(201);
    return createReason(base, actorOf(request), request.body);
  });

  app.patch('/reasons/:reasonId', {
    config: { access: 'customers.write' },
    schema: { tags: ['reasons'], summary: 'Rename a reason or move it in its list', params: reasonIdParamsSchema, body: updateReasonSchema, response: { 200: reasonSchema, ...errors(400, 401, 403, 404, 409) } },
  }, async (request) => updateReason(base, actorOf(request), request.params.reasonId, request.body));

  app.delete('/reasons/:reasonId', {
    config: { access: 'customers.write' },
    schema: { tags: ['reasons'], summary: 'Delete a reason; one in use needs moveTo, the reason of the same kind that takes its entries', params: reasonIdParamsSchema, querystring: deleteReasonQuerySchema, response: { 200: movedSchema, ...errors(400, 401, 403, 404, 409) } },
  }, async (request) => deleteReason(base, actorOf(request), request.params.reasonId, request.query.moveTo));

  app.post('/reasons/:reasonId/merge', {
    config: { access: 'customers.write' },
    schema: { tags: ['reasons'], summary: 'Merge a reason into another of its kind: its entries move there and it is deleted', params: reasonIdParamsSchema, body: mergeReasonSchema, response: { 200: movedSchema, ...errors(400, 401, 403, 404) } },
  }, async (request) => deleteReason(base, actorOf(request), request.params.reasonId, request.body.intoId));

  app.get('/customers/:customerId/reasons', {
    config: { access: 'customers.read' },
    schema: { tags: ['reasons'], summary: "The reasons a customer gave (why they choose us, why they left) and whether they are marked lost", params: customerIdParamsSchema, response: { 200: customerReasonsSchema, ...errors(401, 403, 404) } },
  }, async (request) => reasonsOf(base.db, actorOf(request), request.params.customerId));

  app.post('/customers/:customerId/reasons', {
    config: { access: 'customers.write' },
    schema: { tags: ['reasons'], summary: 'Record a reason the customer gave, on a day, in their own words', params: customerIdParamsSchema, body: addCustomerReasonSchema, response: { 201: customerReasonsSchema, ...errors(400, 401, 403, 404) } },
  }, async (request, reply) => {
    reply.code(201);
    return addCustomerReason(base, actorOf(request), request.params.customerId, request.body);
  });

  app.delete('/customers/:customerId/reasons/:entryId', {
    config: { access: 'customers.write' },
    schema: { tags: ['reasons'], summary: 'Remove a recorded reason', params: customerReasonParamsSchema, response: { 200: customerReasonsSchema, ...errors(401, 403, 404) } },
  }, async (request) => removeCustomerReason(base, actorOf(request), request.params.customerId, request.params.entryId));

  app.put('/customers/:customerId/lost', {
    config: { access: 'customers.write' },
    schema: { tags: ['reasons'], summary: 'Mark the customer lost, with an exit reason and a note (not the computed lapse state)', params: customerIdParamsSchema, body: markLostSchema, response: { 200: customerReasonsSchema, ...errors(400, 401, 403, 404) } },
  }, async (request) => markLost(base, actorOf(request), request.params.customerId, request.body));

  app.delete('/customers/:customerId/lost', {
    config: { access: 'customers.write' },
    schema: { tags: ['reasons'], summary: 'No longer lost: clear the mark (the exit reasons they gave stay)', params: customerIdParamsSchema, response: { 200: customerReasonsSchema, ...errors(401, 403, 404) } },
  }, async (request) => clearLost(base, actorOf(request), request.params.customerId));

  reasonsReportRoutes(app, deps);
}
