import { loginRequestSchema, sessionSchema, setupRequestSchema, setupStatusSchema } from '../../contracts/auth.ts';
import { okSchema } from '../../contracts/common.ts';
import { actorOf, clearSessionCookie, setSessionCookie } from '../../server/auth.plugin.ts';
import { errors } from '../../server/responses.ts';
import type { App, AppDeps } from '../../server/types.ts';
import { needsSetup, setupFirstWorkspace } from '../workspaces/workspaces.usecases.ts';
import { describeSession } from './current-session.usecases.ts';
import { endSession, startSession } from './sessions.usecases.ts';
import { signIn } from './sign-in.usecases.ts';

export function authRoutes(app: App, deps: AppDeps): void {
  const base = { db: deps.database.db, dialect: deps.database.dialect, clock: deps.clock };

  app.get('/setup', {
    config: { access: 'public' },
    schema: { tags: ['auth'], summary: 'Whether first-run setup is still needed', response: { 200: setupStatusSchema } },
  }, async () => ({ needsSetup: await needsSetup(base) }));

  app.post('/setup', {
    config: { access: 'public' },
    schema: {
      tags: ['auth'],
      summary: 'Create the first workspace and its owner, and sign the owner in',
      body: setupRequestSchema,
      response: { 201: sessionSchema, ...errors(400, 409) },
    },
  }, async (request, reply) => {
    const created = await setupFirstWorkspace(base, request.body);
    const session = await startSession(base, {
      workspaceId: created.workspaceId,
      userId: created.ownerId,
      ip: request.ip,
      userAgent: request.headers['user-agent'],
    });
    setSessionCookie(reply, request, deps, session);
    reply.code(201);
    return describeSession(base, { ...created, userId: created.ownerId, csrfToken: session.csrfToken });
  });

  app.post('/auth/login', {
    config: { access: 'public' },
    schema: {
      tags: ['auth'],
      summary: 'Sign in with email and password (sets the session cookie)',
      body: loginRequestSchema,
      response: { 200: sessionSchema, ...errors(400, 401, 429) },
    },
  }, async (request, reply) => {
    const signedIn = await signIn(base, {
      email: request.body.email,
      password: request.body.password,
      ip: request.ip,
      userAgent: request.headers['user-agent'],
    });
    setSessionCookie(reply, request, deps, signedIn);
    return describeSession(base, { ...signedIn, csrfToken: signedIn.csrfToken });
  });

  app.post('/auth/logout', {
    config: { access: 'signed_in', sessionOnly: true },
    schema: { tags: ['auth'], summary: 'Sign out (ends this session)', response: { 200: okSchema, ...errors(401, 403) } },
  }, async (request, reply) => {
    await endSession(base, actorOf(request));
    clearSessionCookie(reply);
    return { ok: true as const };
  });

  app.get('/auth/session', {
    config: { access: 'signed_in' },
    schema: { tags: ['auth'], summary: 'The signed-in user, their workspace and the CSRF token', response: { 200: sessionSchema, ...errors(401) } },
  }, async (request) => {
    const actor = actorOf(request);
    return describeSession(base, actor);
  });
}
