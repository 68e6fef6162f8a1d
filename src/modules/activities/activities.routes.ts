import { activityIdParamsSchema, activityListSchema, activitySchema, complaintStatusSchema, createActivitySchema, updateActivitySchema } from '../../contracts/activities.ts';
import { okSchema } from '../../contracts/common.ts';
import { customerIdParamsSchema } from '../../contracts/customers.ts';
import { actorOf } from '../../server/auth.plugin.ts';
import { errors } from '../../server/responses.ts';
import type { App, AppDeps } from '../../server/types.ts';
import { createActivity, deleteActivity, listActivities, setComplaintStatus, updateActivity } from './activities.usecases.ts';

export function activitiesRoutes(app: App, deps: AppDeps): void {
  const base = { db: deps.database.db, clock: deps.clock };

  app.get('/customers/:customerId/activities', {
    config: { access: 'customers.read' },
    schema: { tags: ['timeline'], summary: "A customer's timeline, newest first", params: customerIdParamsSchema, response: { 200: activityListSchema, ...errors(401, 403, 404) } },
  }, async (request) => ({ items: await listActivities(base, actorOf(request), request.params.customerId) }));

  app.post('/customers/:customerId/activities', {
    config: { access: 'customers.write' },
    schema: {
      tags: ['timeline'],
      summary: 'Add a note, call, email, meeting, complaint (opens as open) or other activity',
      params: customerIdParamsSchema,
      body: createActivitySchema,
      response: { 201: activitySchema, ...errors(400, 401, 403, 404) },
    },
  }, async (request, reply) => {
    reply.code(201);
    return createActivity(base, actorOf(request), request.params.customerId, request.body);
  });

  app.patch('/activities/:activityId', {
    config: { access: 'customers.write' },
    schema: { tags: ['timeline'], summary: 'Edit your own activity', params: activityIdParamsSchema, body: updateActivitySchema, response: { 200: activitySchema, ...errors(400, 401, 403, 404) } },
  }, async (request) => updateActivity(base, actorOf(request), request.params.activityId, request.body));

  app.put('/activities/:activityId/complaint', {
    config: { access: 'customers.write' },
    schema: { tags: ['timeline'], summary: 'Resolve a complaint (with the resolution) or reopen it', params: activityIdParamsSchema, body: complaintStatusSchema, response: { 200: activitySchema, ...errors(400, 401, 403, 404) } },
  }, async (request) => setComplaintStatus(base, actorOf(request), request.params.activityId, request.body));

  app.delete('/activities/:activityId', {
    config: { access: 'customers.write' },
    schema: { tags: ['timeline'], summary: 'Delete your own activity', params: activityIdParamsSchema, response: { 200: okSchema, ...errors(401, 403, 404) } },
  }, async (request) => {
    await deleteActivity(base, actorOf(request), request.params.activityId);
    return { ok: true as const };
  });
}
