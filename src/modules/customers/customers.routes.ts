import { cursorPageQuerySchema } from '../../contracts/common.ts';
import { createCustomerSchema, customerIdParamsSchema, customerPageSchema, customerSchema } from '../../contracts/customers.ts';
import { actorOf } from '../../server/auth.plugin.ts';
import { errors } from '../../server/responses.ts';
import type { App, AppDeps } from '../../server/types.ts';
import { createCustomer, getCustomer, listCustomers } from './customers.usecases.ts';

export function customersRoutes(app: App, deps: AppDeps): void {
  const base = { db: deps.database.db, clock: deps.clock };

  app.get('/customers', {
    config: { access: 'customers.read' },
    schema: {
      tags: ['customers'],
      summary: 'Customers, by name, a page at a time',
      querystring: cursorPageQuerySchema,
      response: { 200: customerPageSchema, ...errors(400, 401, 403) },
    },
  }, async (request) => listCustomers(base, actorOf(request), request.query));

  app.post('/customers', {
    config: { access: 'customers.write' },
    schema: {
      tags: ['customers'],
      summary: 'Create a person or an organisation',
      body: createCustomerSchema,
      response: { 201: customerSchema, ...errors(400, 401, 403) },
    },
  }, async (request, reply) => {
    reply.code(201);
    return createCustomer(base, actorOf(request), request.body);
  });

  app.get('/customers/:customerId', {
    config: { access: 'customers.read' },
    schema: { tags: ['customers'], summary: 'One customer', params: customerIdParamsSchema, response: { 200: customerSchema, ...errors(401, 403, 404) } },
  }, async (request) => getCustomer(base, actorOf(request), request.params.customerId));
}
