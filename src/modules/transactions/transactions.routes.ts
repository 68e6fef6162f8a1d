import { okSchema } from '../../contracts/common.ts';
import { customerIdParamsSchema } from '../../contracts/customers.ts';
import { createTransactionSchema, monthlySpendSchema, transactionIdParamsSchema, transactionListQuerySchema, transactionPageSchema, transactionSchema } from '../../contracts/transactions.ts';
import { actorOf } from '../../server/auth.plugin.ts';
import { errors } from '../../server/responses.ts';
import type { App, AppDeps } from '../../server/types.ts';
import { createTransaction, deleteTransaction, listTransactions, monthlySpend } from './transactions.usecases.ts';

export function transactionsRoutes(app: App, deps: AppDeps): void {
  const base = { db: deps.database.db, clock: deps.clock };

  app.get('/customers/:customerId/transactions', {
    config: { access: 'customers.read' },
    schema: { tags: ['purchases'], summary: "A customer's purchases and refunds, newest first", params: customerIdParamsSchema, querystring: transactionListQuerySchema, response: { 200: transactionPageSchema, ...errors(400, 401, 403, 404) } },
  }, async (request) => listTransactions(base, actorOf(request), request.params.customerId, request.query));

  app.get('/customers/:customerId/spend', {
    config: { access: 'customers.read' },
    schema: { tags: ['purchases'], summary: 'Net spend per month (workspace time zone), refunds subtracted', params: customerIdParamsSchema, response: { 200: monthlySpendSchema, ...errors(401, 403, 404) } },
  }, async (request) => monthlySpend(base, actorOf(request), request.params.customerId));

  app.post('/customers/:customerId/transactions', {
    config: { access: 'customers.write' },
    schema: { tags: ['purchases'], summary: 'Record a sale or a refund', params: customerIdParamsSchema, body: createTransactionSchema, response: { 201: transactionSchema, ...errors(400, 401, 403, 404, 409) } },
  }, async (request, reply) => {
    reply.code(201);
    return createTransaction(base, actorOf(request), request.params.customerId, request.body);
  });

  app.delete('/transactions/:transactionId', {
    config: { access: 'customers.write' },
    schema: { tags: ['purchases'], summary: 'Delete a transaction', params: transactionIdParamsSchema, response: { 200: okSchema, ...errors(401, 403, 404) } },
  }, async (request) => {
    await deleteTransaction(base, actorOf(request), request.params.transactionId);
    return { ok: true as const };
  });
}
