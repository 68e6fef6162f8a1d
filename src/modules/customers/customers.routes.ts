import { okSchema } from '../../contracts/common.ts';
import {
  createCustomerSchema,
  customerCountSchema,
  customerIdParamsSchema,
  customerPageSchema,
  customerProfileSchema,
  historyPageSchema,
  listCustomersQuerySchema,
  updateCustomerSchema,
} from '../../contracts/customers.ts';
import { actorOf } from '../../server/auth.plugin.ts';
import { errors } from '../../server/responses.ts';
import type { App, AppDeps } from '../../server/types.ts';
import { customerHistory, deleteCustomer, getCustomerProfile, restoreCustomer } from './customer-lifecycle.usecases.ts';
import { countCustomers, listCustomers } from './customer-list.usecases.ts';
import { createCustomer, updateCustomer } from './customer-writes.usecases.ts';

export function customersRoutes(app: App, deps: AppDeps): void {
  const base = { db: deps.database.db, clock: deps.clock };
  const params = customerIdParamsSchema;

  app.get('/customers', {
    config: { access: 'customers.read' },
    schema: {
      tags: ['customers'],
      summary: 'Customers, filtered, searched and sorted, a page at a time',
      querystring: listCustomersQuerySchema,
      response: { 200: customerPageSchema, ...errors(400, 401, 403) },
    },
  }, async (request) => listCustomers(base, actorOf(request), request.query));

  app.get('/customers/count', {
    config: { access: 'customers.read' },
    schema: {
      tags: ['customers'],
      summary: 'How many customers a list query matches (same parameters as the list; ask for it alongside the first page)',
      querystring: listCustomersQuerySchema,
      response: { 200: customerCountSchema, ...errors(400, 401, 403) },
    },
  }, async (request) => ({ total: await countCustomers(base, actorOf(request), request.query) }));

  app.get('/customers/deleted', {
    config: { access: 'customers.read' },
    schema: {
      tags: ['customers'],
      summary: 'Recently deleted customers, newest first (restorable)',
      querystring: listCustomersQuerySchema.pick({ limit: true, cursor: true, q: true }),
      response: { 200: customerPageSchema, ...errors(400, 401, 403) },
    },
  }, async (request) => listCustomers(base, actorOf(request), { ...request.query, sort: 'name', order: 'desc' }, { deleted: true }));

  app.post('/customers', {
    config: { access: 'customers.write' },
    schema: { tags: ['customers'], summary: 'Create a person or an organisation', body: createCustomerSchema, response: { 201: customerProfileSchema, ...errors(400, 401, 403, 404, 409) } },
  }, async (request, reply) => {
    reply.code(201);
    return createCustomer(base, actorOf(request), request.body);
  });

  app.get('/customers/:customerId', {
    config: { access: 'customers.read' },
    schema: { tags: ['customers'], summary: 'A customer’s whole profile', params, response: { 200: customerProfileSchema, ...errors(401, 403, 404) } },
  }, async (request) => getCustomerProfile(base, actorOf(request), request.params.customerId));

  app.patch('/customers/:customerId', {
    config: { access: 'customers.write' },
    schema: {
      tags: ['customers'],
      summary: 'Change a customer; send the version you read (409 customers.stale when someone changed it since)',
      params,
      body: updateCustomerSchema,
      response: { 200: customerProfileSchema, ...errors(400, 401, 403, 404, 409) },
    },
  }, async (request) => updateCustomer(base, actorOf(request), request.params.customerId, request.body));

  app.delete('/customers/:customerId', {
    config: { access: 'customers.write' },
    schema: { tags: ['customers'], summary: 'Delete a customer (restorable)', params, response: { 200: okSchema, ...errors(401, 403, 404, 409) } },
  }, async (request) => {
    await deleteCustomer(base, actorOf(request), request.params.customerId);
    return { ok: true as const };
  });

  app.post('/customers/:customerId/restore', {
    config: { access: 'customers.write' },
    schema: { tags: ['customers'], summary: 'Restore a deleted customer', params, response: { 200: customerProfileSchema, ...errors(401, 403, 404, 409) } },
  }, async (request) => restoreCustomer(base, actorOf(request), request.params.customerId));

  app.get('/customers/:customerId/history', {
    config: { access: 'customers.read' },
    schema: { tags: ['customers'], summary: 'Every change to the customer: who, when, field, old → new', params, response: { 200: historyPageSchema, ...errors(401, 403, 404) } },
  }, async (request) => ({ items: await customerHistory(base, actorOf(request), request.params.customerId) }));
}
