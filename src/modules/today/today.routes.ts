import { okSchema } from '../../contracts/common.ts';
import { todayDoneSchema, todayQuerySchema, todayQueueSchema } from '../../contracts/today.ts';
import { actorOf } from '../../server/auth.plugin.ts';
import { errors } from '../../server/responses.ts';
import type { App, AppDeps } from '../../server/types.ts';
import { markDone, todayQueue } from './today.usecases.ts';

export function todayRoutes(app: App, deps: AppDeps): void {
  const base = { db: deps.database.db, clock: deps.clock };
  const tags = ['today'];
  app.get('/today', { config: { access: 'customers.read' }, schema: { tags, summary: 'The Today queue: follow-ups due, thanks owed, gold drifting, lapsed to ask, key dates and new customers, with this week against last', querystring: todayQuerySchema, response: { 200: todayQueueSchema, ...errors(400, 401, 403) } } },
    async (request) => todayQueue(base, actorOf(request), request.query));
  app.post('/today/done', { config: { access: 'customers.write' }, schema: { tags, summary: 'Mark a queue item done (drifting, lapsed, key date, new customer): it leaves the queue at once', body: todayDoneSchema, response: { 200: okSchema, ...errors(400, 401, 403, 404) } } },
    async (request) => {
      await markDone(base, actorOf(request), request.body);
      return { ok: true as const };
    });
}
