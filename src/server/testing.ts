import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { loadConfig, type AppConfig } from '../config.ts';
import type { Database } from '../db/connection.ts';
import { fixedClock, type Clock } from '../shared/clock.ts';
import type { SetupRequest } from '../contracts/auth.ts';
import { buildApp } from './app.ts';
import { SESSION_COOKIE } from './auth.plugin.ts';
import type { App } from './types.ts';

export const TEST_PASSWORD = 'correct horse battery';

let testDataDir: string | undefined;

/** Uploads and other files of a test run go to a temporary directory, not the checkout's data/. */
export function testConfig(overrides: Partial<AppConfig> = {}): AppConfig {
  testDataDir ??= fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-test-data-'));
  return { ...loadConfig({}), dataDir: testDataDir, webDistDir: '/nonexistent', logLevel: 'silent', ...overrides };
}

export async function createTestApp(database: Database, options: { clock?: Clock; config?: Partial<AppConfig> } = {}): Promise<App> {
  return buildApp({
    database,
    clock: options.clock ?? fixedClock(new Date('2026-01-15T10:00:00Z')),
    config: testConfig(options.config),
  });
}

/** A signed-in browser: the session cookie and the CSRF token, as the web app holds them. */
export interface Browser {
  cookie: string;
  csrf: string;
  userId: string;
  workspaceId: string;
}

export function setupBody(overrides: Partial<SetupRequest> = {}): SetupRequest {
  return {
    workspaceName: 'Acme Flowers',
    baseCurrency: 'EUR',
    locale: 'en',
    timeZone: 'Europe/Berlin',
    ownerName: 'Ann Owner',
    email: `owner-${Math.random().toString(36).slice(2, 10)}@example.com`,
    password: TEST_PASSWORD,
    ...overrides,
  };
}

export function browserFrom(response: LightMyRequestResponse): Browser {
  const cookie = response.cookies.find((c) => c.name === SESSION_COOKIE);
  if (!cookie) throw new Error(`no session cookie in response ${response.statusCode}: ${response.body}`);
  const body = response.json() as { csrfToken: string; user: { id: string }; workspace: { id: string } };
  return { cookie: `${SESSION_COOKIE}=${cookie.value}`, csrf: body.csrfToken, userId: body.user.id, workspaceId: body.workspace.id };
}

export async function signIn(app: App, email: string, password = TEST_PASSWORD): Promise<Browser> {
  const response = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });
  return browserFrom(response);
}

/** Headers for a request made by a signed-in browser (cookie + CSRF token). */
export function as(browser: Browser): Record<string, string> {
  return { cookie: browser.cookie, 'x-csrf-token': browser.csrf };
}

/** A further workspace with its owner signed in (setup works only once per installation). */
export async function newWorkspace(app: App, database: Database, overrides: Partial<SetupRequest> = {}): Promise<Browser & { email: string }> {
  const { createWorkspace } = await import('../modules/workspaces/workspaces.usecases.ts');
  const { setupRequestSchema } = await import('../contracts/auth.ts');
  const input = setupRequestSchema.parse(setupBody(overrides));
  await createWorkspace({ db: database.db, dialect: database.dialect, clock: fixedClock(new Date('2026-01-15T10:00:00Z')) }, input);
  return { ...(await signIn(app, input.email)), email: input.email };
}

/** Creates a user in the browser's workspace and signs them in. */
export async function addUser(app: App, owner: Browser, role: 'owner' | 'admin' | 'member' | 'viewer'): Promise<Browser & { email: string }> {
  const email = `${role}-${Math.random().toString(36).slice(2, 10)}@example.com`;
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/users',
    headers: as(owner),
    payload: { name: `A ${role}`, email, role, password: TEST_PASSWORD },
  });
  if (response.statusCode !== 201) throw new Error(`could not add user: ${response.body}`);
  return { ...(await signIn(app, email)), email };
}

/**
 * For a suite: an app on the suite's database, set up with a workspace whose owner is
 * signed in. Read `t.app` and `t.owner` inside tests and hooks.
 */
export function useSetUpApp(db: () => Database, overrides: Partial<SetupRequest> = {}): { app: App; owner: Browser } {
  const t = {} as { app: App; owner: Browser };
  beforeAll(async () => {
    t.app = await createTestApp(db());
    t.owner = browserFrom(await t.app.inject({ method: 'POST', url: '/api/v1/setup', payload: setupBody(overrides) }));
  });
  afterAll(async () => {
    await t.app?.close();
  });
  return t;
}
