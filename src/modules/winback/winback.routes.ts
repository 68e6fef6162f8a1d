import { customerIdParamsSchema } from '../../contracts/customers.ts';
import { winbackActionInputSchema, winbackActionResultSchema, winbackListSchema, winbackQuerySchema } from '../../contracts/winback.ts';
import { actorOf } from '../../server/auth.plugin.ts';
import { errors } from '../../server/responses.ts';
import type { App, AppDeps } from '../../server/types.ts';
import { emailDepsOf } from '../email/email.routes.ts';
import { takeWinbackAction, winbackQueue } from './winback.usecases.ts';

export function winbackRoutes(app: App, deps: AppDeps): void {
  const base = emailDepsOf(deps);
  const tags = ['winback'];
  app.get('/winback', { config: { access: 'customers.read' }, schema: { tags, summary: 'The win-back queue: gold and silver customers at risk or lapsed, most value at stake first', querystring: winbackQuerySchema, response: { 200: winbackListSchema, ...errors(400, 401, 403) } } },
    async (request) => winbackQueue(base, actorOf(request), request.query));
  app.post('/customers/:customerId/winback', { config: { access: 'customers.write' }, schema: { tags, summary: 'A one-click win-back action: log a call, send the ask-why email (with its survey link), or send a single-use win-back code', params: customerIdParamsSchema, body: winbackActionInputSchema, response: { 201: winbackActionResultSchema, ...errors(400, 401, 403, 404, 409) } } },
    async (request, reply) => {
      reply.code(201);
      return takeWinbackAction(base, actorOf(request), request.params.customerId, request.body);
    });
}
