import { timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { resolveApiKey } from '../modules/api-keys/api-keys.usecases.ts';
import { csrfRejected, readOnlyKey, sessionOnly } from '../modules/auth/auth.errors.ts';
import { roleAllows, type Actor } from '../modules/auth/permissions.ts';
import { resolveSession, type NewSession } from '../modules/auth/sessions.usecases.ts';
import { forbidden, unauthenticated } from '../shared/errors.ts';
import type { App, AppDeps } from './types.ts';

export const SESSION_COOKIE = 'rapport_session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Routes added by plugins we do not write ourselves, and what they need. */
const PLUGIN_PUBLIC_PREFIXES = ['/api/docs'];

/**
 * Deny by default. Every route must say who may call it (`config.access`); a route that
 * does not is refused at start-up, so no route can be added without a decision.
 * Non-public routes need a session cookie or an API key, and the role's permission;
 * writes with a cookie also need the session's CSRF token.
 */
export function registerAuth(app: App, deps: AppDeps): void {
  app.decorateRequest('actor', null);

  app.addHook('onRoute', (route) => {
    if (route.config?.access) return;
    if (PLUGIN_PUBLIC_PREFIXES.some((prefix) => route.url.startsWith(prefix))) {
      route.config = { ...route.config, access: 'public' };
      return;
    }
    throw new Error(`Route ${String(route.method)} ${route.url} has no config.access: say who may call it`);
  });

  app.addHook('onRequest', async (request) => {
    const access = request.routeOptions.config.access;
    if (access === undefined || access === 'public') return; // unknown route (404) or public
    const actor = await authenticate(request, deps);
    if (!actor) throw unauthenticated();
    if (request.routeOptions.config.sessionOnly && actor.via !== 'session') throw sessionOnly();
    if (!SAFE_METHODS.has(request.method)) {
      if (actor.via === 'api_key' && actor.scope === 'read') throw readOnlyKey();
      if (actor.via === 'session' && !csrfMatches(request.headers['x-csrf-token'], actor.csrfToken)) throw csrfRejected();
    }
    if (!roleAllows(actor.role, access)) throw forbidden();
    request.actor = actor;
  });
}

async function authenticate(request: FastifyRequest, deps: AppDeps): Promise<Actor | null> {
  const authDeps = { db: deps.database.db, clock: deps.clock };
  const header = request.headers.authorization;
  if (header) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    return match ? resolveApiKey(authDeps, match[1]!) : null;
  }
  const token = request.cookies[SESSION_COOKIE];
  return token ? resolveSession(authDeps, token) : null;
}

function csrfMatches(sent: string | string[] | undefined, expected: string | undefined): boolean {
  if (typeof sent !== 'string' || !expected) return false;
  const a = Buffer.from(sent);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The authenticated actor of a non-public route (set by the onRequest hook). */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw unauthenticated();
  return request.actor;
}

export function setSessionCookie(reply: FastifyReply, request: FastifyRequest, deps: AppDeps, session: NewSession): void {
  reply.setCookie(SESSION_COOKIE, session.token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: deps.config.cookieSecure || request.protocol === 'https',
    expires: session.expiresAt,
  });
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}
