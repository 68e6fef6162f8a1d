import type { Kysely } from 'kysely';
import type { CreateApiKey, ApiKey, CreatedApiKey } from '../../contracts/api-keys.ts';
import type { ApiKeysTable, DB } from '../../db/schema.ts';
import { toDbTime } from '../../db/dialect.ts';
import type { Clock } from '../../shared/clock.ts';
import { notFound } from '../../shared/errors.ts';
import { newId, randomToken, sha256 } from '../../shared/ids.ts';
import type { Actor } from '../auth/permissions.ts';
import { createApiKeysRepository } from './api-keys.repository.ts';

export interface ApiKeyDeps {
  db: Kysely<DB>;
  clock: Clock;
}

/** Keys look like `rpk_<secret>`; the prefix makes them easy to spot in logs and secret scanners. */
const KEY_PREFIX = 'rpk_';
const LAST_USED_RESOLUTION_MS = 60_000;

export async function createApiKey(deps: ApiKeyDeps, actor: Actor, input: CreateApiKey): Promise<CreatedApiKey> {
  const token = `${KEY_PREFIX}${randomToken()}`;
  const now = toDbTime(deps.clock.now());
  const row: ApiKeysTable = {
    workspace_id: actor.workspaceId,
    id: newId(),
    created_by: actor.userId,
    name: input.name,
    prefix: token.slice(0, KEY_PREFIX.length + 6),
    token_hash: sha256(token),
    scope: input.scope,
    created_at: now,
    last_used_at: null,
    revoked_at: null,
  };
  await createApiKeysRepository(deps.db).insertApiKey(row);
  return { ...toApiKey(row), token };
}

export async function listApiKeys(deps: ApiKeyDeps, actor: Actor): Promise<ApiKey[]> {
  return (await createApiKeysRepository(deps.db).listApiKeys(actor.workspaceId)).map(toApiKey);
}

export async function revokeApiKey(deps: ApiKeyDeps, actor: Actor, apiKeyId: string): Promise<void> {
  const repo = createApiKeysRepository(deps.db);
  if (!(await repo.getApiKey(actor.workspaceId, apiKeyId))) throw notFound('api_key');
  await repo.revokeApiKey(actor.workspaceId, apiKeyId, toDbTime(deps.clock.now()));
}

/** The actor behind a bearer token, or null for an unknown, revoked or orphaned key. */
export async function resolveApiKey(deps: ApiKeyDeps, token: string): Promise<Actor | null> {
  if (!token.startsWith(KEY_PREFIX)) return null;
  const repo = createApiKeysRepository(deps.db);
  const key = await repo.findActiveKeyWithUser(sha256(token));
  if (!key || key.disabled_at !== null) return null;
  const now = deps.clock.now();
  if (!key.last_used_at || now.getTime() - Date.parse(key.last_used_at) > LAST_USED_RESOLUTION_MS) {
    await repo.touchApiKey(key.workspace_id, key.id, toDbTime(now));
  }
  return { workspaceId: key.workspace_id, userId: key.created_by, role: key.role, via: 'api_key', scope: key.scope };
}

function toApiKey(row: ApiKeysTable): ApiKey {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    scope: row.scope,
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
  };
}
