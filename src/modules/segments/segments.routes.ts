import { z } from 'zod';
import { okSchema } from '../../contracts/common.ts';
import { checkFilterResultSchema, checkFilterSchema, createSegmentSchema, filterFieldListSchema, segmentIdParamsSchema, segmentListSchema, segmentSchema, updateSegmentSchema } from '../../contracts/segments.ts';
import { actorOf } from '../../server/auth.plugin.ts';
import { errors } from '../../server/responses.ts';
import type { App, AppDeps } from '../../server/types.ts';
import { filterFields } from '../filters/filter-help.ts';
import { checkFilter, createSegment, deleteSegment, getSegment, listSegments, updateSegment } from './segments.usecases.ts';

const langSchema = z.object({ lang: z.enum(['en', 'ru']).optional().describe("Errors' language") });

export function segmentsRoutes(app: App, deps: AppDeps): void {
  const base = { db: deps.database.db, clock: deps.clock };

  app.get('/segments', {
    config: { access: 'customers.read' },
    schema: { tags: ['segments'], summary: 'Saved segments with their size, revenue share and change', querystring: langSchema, response: { 200: segmentListSchema, ...errors(400, 401, 403) } },
  }, async (request) => listSegments(base, actorOf(request), request.query.lang));

  app.post('/segments', {
    config: { access: 'customers.write' },
    schema: { tags: ['segments'], summary: 'Save a filter as a segment (a snapshot freezes its members now)', querystring: langSchema, body: createSegmentSchema, response: { 201: segmentSchema, ...errors(400, 401, 403, 409) } },
  }, async (request, reply) => {
    reply.code(201);
    return createSegment(base, actorOf(request), request.body, request.query.lang);
  });

  app.get('/segments/:segmentId', {
    config: { access: 'customers.read' },
    schema: { tags: ['segments'], summary: 'One segment', params: segmentIdParamsSchema, querystring: langSchema, response: { 200: segmentSchema, ...errors(400, 401, 403, 404) } },
  }, async (request) => getSegment(base, actorOf(request), request.params.segmentId, request.query.lang));

  app.patch('/segments/:segmentId', {
    config: { access: 'customers.write' },
    schema: { tags: ['segments'], summary: 'Rename a segment, or change a dynamic one’s filter', params: segmentIdParamsSchema, querystring: langSchema, body: updateSegmentSchema, response: { 200: segmentSchema, ...errors(400, 401, 403, 404, 409) } },
  }, async (request) => updateSegment(base, actorOf(request), request.params.segmentId, request.body, request.query.lang));

  app.delete('/segments/:segmentId', {
    config: { access: 'customers.write' },
    schema: { tags: ['segments'], summary: 'Delete a segment (campaigns targeting it keep no target); 409 while another segment’s filter names it', params: segmentIdParamsSchema, response: { 200: okSchema, ...errors(401, 403, 404, 409) } },
  }, async (request) => {
    await deleteSegment(base, actorOf(request), request.params.segmentId);
    return { ok: true as const };
  });

  app.post('/filters/check', {
    config: { access: 'customers.read' },
    schema: { tags: ['segments'], summary: 'Check a filter: how many customers it matches, or where it is wrong', body: checkFilterSchema, response: { 200: checkFilterResultSchema, ...errors(400, 401, 403) } },
  }, async (request) => checkFilter(base, actorOf(request), request.body.filter, request.body.lang));

  app.get('/filters/fields', {
    config: { access: 'customers.read' },
    schema: { tags: ['segments'], summary: 'The names a filter can use: fields, the workspace’s attributes, functions', response: { 200: filterFieldListSchema, ...errors(401, 403) } },
  }, async (request) => filterFields(base.db, actorOf(request).workspaceId));
}
