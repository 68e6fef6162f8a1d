import { z } from 'zod';
import { okSchema } from '../../contracts/common.ts';
import {
  campaignDetailSchema, campaignIdParamsSchema, campaignInputSchema, campaignListSchema, campaignPatchSchema, codeBatchInputSchema, codeIdParamsSchema,
  costIdParamsSchema, costLineInputSchema, couponCodeInputSchema, redemptionListSchema,
} from '../../contracts/campaigns.ts';
import { actorOf } from '../../server/auth.plugin.ts';
import { errors } from '../../server/responses.ts';
import type { App, AppDeps } from '../../server/types.ts';
import { addCodes, addCostLine, campaignRedemptions, createCampaign, deleteCampaign, deleteCode, deleteCostLine, getCampaign, listCampaigns, updateCampaign } from './campaigns.usecases.ts';

const codeOutcomeSchema = z.object({
  added: z.array(z.string()),
  linked: z.object({
    redeemed: z.number().int(), overLimit: z.number().int(), expired: z.number().int(), notYetValid: z.number().int(), byCampaignName: z.number().int(), referred: z.number().int(),
    unknown: z.array(z.object({ code: z.string(), purchases: z.number().int() })),
  }).describe('Purchases already carrying these codes, linked now'),
});

export function campaignsRoutes(app: App, deps: AppDeps): void {
  const base = { db: deps.database.db, clock: deps.clock };
  const tags = ['campaigns'];

  app.get('/campaigns', {
    config: { access: 'customers.read' },
    schema: { tags, summary: 'Campaigns with their cost, customers brought and redemptions', response: { 200: campaignListSchema, ...errors(401, 403) } },
  }, async (request) => ({ items: await listCampaigns(base, actorOf(request)) }));

  app.post('/campaigns', {
    config: { access: 'customers.write' },
    schema: { tags, summary: 'Create a campaign, with cost lines and coupon codes', body: campaignInputSchema, response: { 201: campaignDetailSchema, ...errors(400, 401, 403, 409) } },
  }, async (request, reply) => {
    reply.code(201);
    return createCampaign(base, actorOf(request), request.body);
  });

  app.get('/campaigns/:campaignId', {
    config: { access: 'customers.read' },
    schema: { tags, summary: 'A campaign with its cost lines and codes', params: campaignIdParamsSchema, response: { 200: campaignDetailSchema, ...errors(401, 403, 404) } },
  }, async (request) => getCampaign(base, actorOf(request), request.params.campaignId));

  app.patch('/campaigns/:campaignId', {
    config: { access: 'customers.write' },
    schema: { tags, summary: 'Change a campaign', params: campaignIdParamsSchema, body: campaignPatchSchema, response: { 200: campaignDetailSchema, ...errors(400, 401, 403, 404, 409) } },
  }, async (request) => updateCampaign(base, actorOf(request), request.params.campaignId, request.body));

  app.delete('/campaigns/:campaignId', {
    config: { access: 'customers.write' },
    schema: { tags, summary: 'Delete a campaign with its costs and codes (its customers and purchases stay)', params: campaignIdParamsSchema, response: { 200: okSchema, ...errors(401, 403, 404) } },
  }, async (request) => {
    await deleteCampaign(base, actorOf(request), request.params.campaignId);
    return { ok: true as const };
  });

  app.post('/campaigns/:campaignId/costs', {
    config: { access: 'customers.write' },
    schema: { tags, summary: 'Add a cost line (ad spend, print, gifts…)', params: campaignIdParamsSchema, body: costLineInputSchema, response: { 201: campaignDetailSchema, ...errors(400, 401, 403, 404) } },
  }, async (request, reply) => {
    reply.code(201);
    return addCostLine(base, actorOf(request), request.params.campaignId, request.body);
  });

  app.delete('/campaigns/:campaignId/costs/:costId', {
    config: { access: 'customers.write' },
    schema: { tags, summary: 'Remove a cost line', params: costIdParamsSchema, response: { 200: campaignDetailSchema, ...errors(401, 403, 404) } },
  }, async (request) => deleteCostLine(base, actorOf(request), request.params.campaignId, request.params.costId));

  app.post('/campaigns/:campaignId/codes', {
    config: { access: 'customers.write' },
    schema: { tags, summary: 'Add a single coupon code', params: campaignIdParamsSchema, body: couponCodeInputSchema, response: { 201: codeOutcomeSchema, ...errors(400, 401, 403, 404, 409) } },
  }, async (request, reply) => {
    reply.code(201);
    return addCodes(base, actorOf(request), request.params.campaignId, request.body);
  });

  app.post('/campaigns/:campaignId/code-batches', {
    config: { access: 'customers.write' },
    schema: { tags, summary: 'Add a batch of unique codes: generated (count, prefix) or a list', params: campaignIdParamsSchema, body: codeBatchInputSchema, response: { 201: codeOutcomeSchema, ...errors(400, 401, 403, 404, 409) } },
  }, async (request, reply) => {
    reply.code(201);
    return addCodes(base, actorOf(request), request.params.campaignId, request.body);
  });

  app.delete('/campaigns/:campaignId/codes/:codeId', {
    config: { access: 'customers.write' },
    schema: { tags, summary: 'Delete a code and its redemptions', params: codeIdParamsSchema, response: { 200: okSchema, ...errors(401, 403, 404) } },
  }, async (request) => {
    await deleteCode(base, actorOf(request), request.params.campaignId, request.params.codeId);
    return { ok: true as const };
  });

  app.get('/campaigns/:campaignId/redemptions', {
    config: { access: 'customers.read' },
    schema: { tags, summary: 'Purchases that carried the campaign’s codes (the latest 1,000), flagged when past a limit or dates', params: campaignIdParamsSchema, response: { 200: redemptionListSchema, ...errors(401, 403, 404) } },
  }, async (request) => ({ items: await campaignRedemptions(base, actorOf(request), request.params.campaignId) }));
}
