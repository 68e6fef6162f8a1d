import { replaceSourceRulesSchema, sourceRuleListSchema } from '../../contracts/source-rules.ts';
import { actorOf } from '../../server/auth.plugin.ts';
import { errors } from '../../server/responses.ts';
import type { App, AppDeps } from '../../server/types.ts';
import { listSourceRules, replaceSourceRules } from './source-rules.usecases.ts';

export function sourceRulesRoutes(app: App, deps: AppDeps): void {
  const base = { db: deps.database.db, clock: deps.clock };

  app.get('/source-rules', {
    config: { access: 'customers.read' },
    schema: { tags: ['sources'], summary: 'The rules that map utm values to a source in imports, in order (the first that matches wins)', response: { 200: sourceRuleListSchema, ...errors(401, 403) } },
  }, async (request) => ({ items: await listSourceRules(base, actorOf(request).workspaceId) }));

  app.put('/source-rules', {
    config: { access: 'customers.write' },
    schema: { tags: ['sources'], summary: 'Replace the ordered list of utm rules (every source must exist)', body: replaceSourceRulesSchema, response: { 200: sourceRuleListSchema, ...errors(400, 401, 403) } },
  }, async (request) => ({ items: await replaceSourceRules(base, actorOf(request), request.body) }));
}
