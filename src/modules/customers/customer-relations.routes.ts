import { okSchema } from '../../contracts/common.ts';
import {
  bulkActionSchema,
  bulkResultSchema,
  customerIdParamsSchema,
  customerProfileSchema,
  duplicateListSchema,
  employmentIdParamsSchema,
  employmentInputSchema,
  employmentSchema,
  mergeRequestSchema,
  quickSearchQuerySchema,
  quickSearchResultSchema,
} from '../../contracts/customers.ts';
import { actorOf } from '../../server/auth.plugin.ts';
import { errors } from '../../server/responses.ts';
import type { App, AppDeps } from '../../server/types.ts';
import { bulkAction } from './bulk.usecases.ts';
import { addEmployment, removeEmployment } from './customer-lifecycle.usecases.ts';
import { quickSearch } from './customer-list.usecases.ts';
import { findDuplicates } from './duplicates.usecases.ts';
import { mergeCustomers } from './merge.usecases.ts';

/** Search, employments, duplicates, merge and bulk actions: everything between customers. */
export function customerRelationsRoutes(app: App, deps: AppDeps): void {
  const base = { db: deps.database.db, clock: deps.clock };

  app.get('/search', {
    config: { access: 'customers.read' },
    schema: {
      tags: ['customers'],
      summary: 'Quick search by any part of name, email, phone (any formatting), organisation or notes',
      querystring: quickSearchQuerySchema,
      response: { 200: quickSearchResultSchema, ...errors(400, 401, 403) },
    },
  }, async (request) => ({ items: await quickSearch(base, actorOf(request), request.query) }));

  app.post('/customers/:customerId/employments', {
    config: { access: 'customers.write' },
    schema: {
      tags: ['customers'],
      summary: 'Record that a person works at an organisation',
      params: customerIdParamsSchema,
      body: employmentInputSchema,
      response: { 201: employmentSchema, ...errors(400, 401, 403, 404, 409) },
    },
  }, async (request, reply) => {
    reply.code(201);
    return addEmployment(base, actorOf(request), request.params.customerId, request.body);
  });

  app.delete('/customers/:customerId/employments/:employmentId', {
    config: { access: 'customers.write' },
    schema: { tags: ['customers'], summary: 'Remove an employment', params: employmentIdParamsSchema, response: { 200: okSchema, ...errors(401, 403, 404) } },
  }, async (request) => {
    await removeEmployment(base, actorOf(request), request.params.customerId, request.params.employmentId);
    return { ok: true as const };
  });

  app.get('/duplicates', {
    config: { access: 'customers.read' },
    schema: { tags: ['customers'], summary: 'Likely duplicates: same email, same phone, same name at the same organisation', response: { 200: duplicateListSchema, ...errors(401, 403) } },
  }, async (request) => ({ items: await findDuplicates(base, actorOf(request)) }));

  app.post('/customers/:customerId/merge', {
    config: { access: 'customers.write' },
    schema: {
      tags: ['customers'],
      summary: 'Merge another customer into this one, choosing per field which value survives',
      params: customerIdParamsSchema,
      body: mergeRequestSchema,
      response: { 200: customerProfileSchema, ...errors(400, 401, 403, 404, 409) },
    },
  }, async (request) => mergeCustomers(base, actorOf(request), request.params.customerId, request.body));

  app.post('/customers/bulk', {
    config: { access: 'customers.write' },
    schema: { tags: ['customers'], summary: 'Add or remove tags on, or delete, many customers', body: bulkActionSchema, response: { 200: bulkResultSchema, ...errors(400, 401, 403) } },
  }, async (request) => bulkAction(base, actorOf(request), request.body));
}
