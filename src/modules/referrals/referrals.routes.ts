import { customerIdParamsSchema } from '../../contracts/customers.ts';
import { referralsOfSchema, referralsQuerySchema, setReferrerSchema } from '../../contracts/referrals.ts';
import { z } from 'zod';
import { actorOf } from '../../server/auth.plugin.ts';
import { errors } from '../../server/responses.ts';
import type { App, AppDeps } from '../../server/types.ts';
import { ensureReferralCode, referralsOf, setReferrer } from './referrals.usecases.ts';

export function referralsRoutes(app: App, deps: AppDeps): void {
  const base = { db: deps.database.db, clock: deps.clock };

  app.get('/customers/:customerId/referrals', {
    config: { access: 'customers.read' },
    schema: { tags: ['referrals'], summary: 'Who referred the customer, whom they referred (a tree), and the referral value', params: customerIdParamsSchema, querystring: referralsQuerySchema, response: { 200: referralsOfSchema, ...errors(401, 403, 404) } },
  }, async (request) => referralsOf(base.db, actorOf(request), request.params.customerId, request.query.depth));

  app.put('/customers/:customerId/referrer', {
    config: { access: 'customers.write' },
    schema: { tags: ['referrals'], summary: 'Set who referred the customer: a customer, a referral code, an outside introducer (made a contact), or nobody', params: customerIdParamsSchema, body: setReferrerSchema, response: { 200: referralsOfSchema, ...errors(400, 401, 403, 404) } },
  }, async (request) => setReferrer(base, actorOf(request), request.params.customerId, request.body));

  app.post('/customers/:customerId/referral-code', {
    config: { access: 'customers.write' },
    schema: { tags: ['referrals'], summary: 'Give the customer a referral code to share (returns the one they have, unless renew)', params: customerIdParamsSchema, body: z.object({ renew: z.boolean().default(false).describe('Replace the code they have with a new one') }), response: { 200: z.object({ referralCode: z.string() }), ...errors(401, 403, 404) } },
  }, async (request) => ({ referralCode: await ensureReferralCode(base, actorOf(request), request.params.customerId, request.body.renew) }));
}
