import { customerIdParamsSchema } from '../../contracts/customers.ts';
import {
  acquisitionSchema,
  bulkAcquisitionSchema,
  createSourceSchema,
  deleteSourceQuerySchema,
  mergeSourceSchema,
  setAcquisitionSchema,
  sourceIdParamsSchema,
  sourceListSchema,
  sourceSchema,
  updateSourceSchema,
} from '../../contracts/sources.ts';
import { z } from 'zod';
import { actorOf } from '../../server/auth.plugin.ts';
import { errors } from '../../server/responses.ts';
import type { App, AppDeps } from '../../server/types.ts';
import { acquisitionOf, createSource, deleteSource, listSources, setAcquisition, updateSource } from './sources.usecases.ts';

const movedSchema = z.object({ moved: z.number().int().describe('Customers moved to the other source') });
const updatedSchema = z.object({ updated: z.number().int().describe('Customers whose source or date changed') });

export function sourcesRoutes(app: App, deps: AppDeps): void {
  const base = { db: deps.database.db, clock: deps.clock };

  app.get('/sources', {
    config: { access: 'customers.read' },
    schema: { tags: ['sources'], summary: 'Acquisition sources (channel → source) with the customers each brought', response: { 200: sourceListSchema, ...errors(401, 403) } },
  }, async (request) => ({ items: await listSources(base, actorOf(request)) }));

  app.post('/sources', {
    config: { access: 'customers.write' },
    schema: { tags: ['sources'], summary: 'Add a source to a channel (a new channel name makes a new channel)', body: createSourceSchema, response: { 201: sourceSchema, ...errors(400, 401, 403, 409) } },
  }, async (request, reply) => {
    reply.code(201);
    return createSource(base, actorOf(request), request.body);
  });

  app.patch('/sources/:sourceId', {
    config: { access: 'customers.write' },
    schema: { tags: ['sources'], summary: 'Rename a source or move it to another channel', params: sourceIdParamsSchema, body: updateSourceSchema, response: { 200: sourceSchema, ...errors(400, 401, 403, 404, 409) } },
  }, async (request) => updateSource(base, actorOf(request), request.params.sourceId, request.body));

  app.delete('/sources/:sourceId', {
    config: { access: 'customers.write' },
    schema: { tags: ['sources'], summary: 'Delete a source; one in use needs moveTo, the source that takes its customers', params: sourceIdParamsSchema, querystring: deleteSourceQuerySchema, response: { 200: movedSchema, ...errors(400, 401, 403, 404, 409) } },
  }, async (request) => deleteSource(base, actorOf(request), request.params.sourceId, request.query.moveTo));

  app.post('/sources/:sourceId/merge', {
    config: { access: 'customers.write' },
    schema: { tags: ['sources'], summary: 'Merge a source into another: its customers move there and it is deleted', params: sourceIdParamsSchema, body: mergeSourceSchema, response: { 200: movedSchema, ...errors(400, 401, 403, 404) } },
  }, async (request) => deleteSource(base, actorOf(request), request.params.sourceId, request.body.intoId));

  app.get('/customers/:customerId/acquisition', {
    config: { access: 'customers.read' },
    schema: { tags: ['sources'], summary: 'How a customer first found us', params: customerIdParamsSchema, response: { 200: acquisitionSchema, ...errors(401, 403, 404) } },
  }, async (request) => acquisitionOf(base.db, actorOf(request), request.params.customerId));

  app.put('/customers/:customerId/acquisition', {
    config: { access: 'customers.write' },
    schema: { tags: ['sources'], summary: 'Set how a customer first found us (sourceId null: unknown)', params: customerIdParamsSchema, body: setAcquisitionSchema, response: { 200: acquisitionSchema, ...errors(400, 401, 403, 404) } },
  }, async (request) => {
    const actor = actorOf(request);
    await setAcquisition(base, actor, [request.params.customerId], request.body);
    return acquisitionOf(base.db, actor, request.params.customerId);
  });

  app.post('/customers/bulk/acquisition', {
    config: { access: 'customers.write' },
    schema: { tags: ['sources'], summary: 'Set the source (and optionally the date) of many customers at once', body: bulkAcquisitionSchema, response: { 200: updatedSchema, ...errors(400, 401, 403, 404) } },
  }, async (request) => {
    const { customerIds, ...input } = request.body;
    return setAcquisition(base, actorOf(request), customerIds, input);
  });
}
