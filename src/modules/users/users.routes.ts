import { okSchema } from '../../contracts/common.ts';
import {
  changePasswordSchema,
  createUserSchema,
  updateMeSchema,
  updateUserSchema,
  userIdParamsSchema,
  userListSchema,
  userSchema,
} from '../../contracts/users.ts';
import { actorOf } from '../../server/auth.plugin.ts';
import { errors } from '../../server/responses.ts';
import type { App, AppDeps } from '../../server/types.ts';
import { changePassword, createUser, getUser, listUsers, updateMe, updateUser } from './users.usecases.ts';

export function usersRoutes(app: App, deps: AppDeps): void {
  const base = { db: deps.database.db, clock: deps.clock };

  app.get('/users', {
    config: { access: 'users.manage', sessionOnly: true },
    schema: { tags: ['users'], summary: 'Users of this workspace', response: { 200: userListSchema, ...errors(401, 403) } },
  }, async (request) => ({ items: await listUsers(base, actorOf(request)) }));

  app.post('/users', {
    config: { access: 'users.manage', sessionOnly: true },
    schema: {
      tags: ['users'],
      summary: 'Create a user with a role and an initial password',
      body: createUserSchema,
      response: { 201: userSchema, ...errors(400, 401, 403, 409) },
    },
  }, async (request, reply) => {
    reply.code(201);
    return createUser(base, actorOf(request), request.body);
  });

  app.get('/users/:userId', {
    config: { access: 'users.manage', sessionOnly: true },
    schema: { tags: ['users'], summary: 'One user', params: userIdParamsSchema, response: { 200: userSchema, ...errors(401, 403, 404) } },
  }, async (request) => getUser(base, actorOf(request), request.params.userId));

  app.patch('/users/:userId', {
    config: { access: 'users.manage', sessionOnly: true },
    schema: {
      tags: ['users'],
      summary: "Change a user's name or role, or disable them (ends their sessions)",
      params: userIdParamsSchema,
      body: updateUserSchema,
      response: { 200: userSchema, ...errors(400, 401, 403, 404, 409) },
    },
  }, async (request) => updateUser(base, actorOf(request), request.params.userId, request.body));

  app.get('/me', {
    config: { access: 'signed_in' },
    schema: { tags: ['me'], summary: 'The signed-in user', response: { 200: userSchema, ...errors(401) } },
  }, async (request) => {
    const actor = actorOf(request);
    return getUser(base, actor, actor.userId);
  });

  app.patch('/me', {
    config: { access: 'signed_in', sessionOnly: true },
    schema: { tags: ['me'], summary: 'Change my name or language', body: updateMeSchema, response: { 200: userSchema, ...errors(400, 401, 403) } },
  }, async (request) => updateMe(base, actorOf(request), request.body));

  app.post('/me/password', {
    config: { access: 'signed_in', sessionOnly: true },
    schema: {
      tags: ['me'],
      summary: 'Change my password (signs out my other sessions)',
      body: changePasswordSchema,
      response: { 200: okSchema, ...errors(400, 401, 403) },
    },
  }, async (request) => {
    await changePassword(base, actorOf(request), request.body);
    return { ok: true as const };
  });
}
