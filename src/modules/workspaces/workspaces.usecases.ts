import type { Kysely } from 'kysely';
import type { SetupRequest, UpdateWorkspace, Workspace } from '../../contracts/auth.ts';
import { localeSchema } from '../../contracts/common.ts';
import { isUniqueViolation, toDbTime, type DialectName } from '../../db/dialect.ts';
import type { DB, WorkspacesTable } from '../../db/schema.ts';
import type { Clock } from '../../shared/clock.ts';
import { conflict, notFound } from '../../shared/errors.ts';
import { newId } from '../../shared/ids.ts';
import { seedSuggestedAttributes } from '../attributes/attributes.usecases.ts';
import { seedDefaultSources } from '../sources/sources.usecases.ts';
import { seedDefaultReasons } from '../reasons/reasons.usecases.ts';
import { hashPassword } from '../auth/password.ts';
import type { Actor } from '../auth/permissions.ts';
import { createUsersRepository } from '../users/users.repository.ts';
import { emailTaken } from '../users/users.errors.ts';
import { createWorkspacesRepository } from './workspaces.repository.ts';

export interface WorkspaceDeps {
  db: Kysely<DB>;
  dialect: DialectName;
  clock: Clock;
}

export async function needsSetup(deps: Pick<WorkspaceDeps, 'db'>): Promise<boolean> {
  return (await createWorkspacesRepository(deps.db).countWorkspaces()) === 0;
}

export interface CreatedWorkspace {
  workspaceId: string;
  ownerId: string;
}

/**
 * First-run setup: the installation's first workspace and its owner. Refused (409) once
 * any workspace exists, so the public setup endpoint cannot be used to take over.
 */
export async function setupFirstWorkspace(deps: WorkspaceDeps, input: Required<SetupRequest>): Promise<CreatedWorkspace> {
  const passwordHash = await hashPassword(input.password);
  return deps.db.transaction().execute(async (trx) => {
    const workspaces = createWorkspacesRepository(trx);
    await workspaces.lockForSetup(deps.dialect);
    if ((await workspaces.countWorkspaces()) > 0) {
      throw conflict('setup.already_done', 'This Rapport is already set up; sign in instead');
    }
    return insertWorkspaceWithOwner({ ...deps, db: trx }, input, passwordHash);
  });
}

/** Another workspace on the same installation (CLI, tests): no first-run check. */
export async function createWorkspace(deps: WorkspaceDeps, input: Required<SetupRequest>): Promise<CreatedWorkspace> {
  const passwordHash = await hashPassword(input.password);
  return deps.db.transaction().execute((trx) => insertWorkspaceWithOwner({ ...deps, db: trx }, input, passwordHash));
}

async function insertWorkspaceWithOwner(
  deps: WorkspaceDeps,
  input: Required<SetupRequest>,
  passwordHash: string,
): Promise<CreatedWorkspace> {
  const now = toDbTime(deps.clock.now());
  const workspaceId = newId();
  const ownerId = newId();
  await createWorkspacesRepository(deps.db).insertWorkspace({
    id: workspaceId,
    name: input.workspaceName,
    base_currency: input.baseCurrency,
    locale: input.locale,
    time_zone: input.timeZone,
    created_at: now,
    updated_at: now,
  });
  try {
    await createUsersRepository(deps.db).insertUser({
      workspace_id: workspaceId,
      id: ownerId,
      email: input.email,
      name: input.ownerName,
      role: 'owner',
      password_hash: passwordHash,
      locale: input.locale,
      disabled_at: null,
      created_at: now,
      updated_at: now,
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw emailTaken();
    throw error;
  }
  await seedSuggestedAttributes(deps.db, workspaceId, input.locale, deps.clock.now());
  await seedDefaultSources(deps.db, workspaceId, input.locale, deps.clock.now());
  await seedDefaultReasons(deps.db, workspaceId, input.locale, deps.clock.now());
  return { workspaceId, ownerId };
}

export async function getWorkspace(deps: Pick<WorkspaceDeps, 'db'>, actor: Actor): Promise<Workspace> {
  const row = await createWorkspacesRepository(deps.db).getWorkspace(actor.workspaceId);
  if (!row) throw notFound('workspace');
  return toWorkspace(row);
}

export async function updateWorkspace(deps: WorkspaceDeps, actor: Actor, patch: UpdateWorkspace): Promise<Workspace> {
  const repo = createWorkspacesRepository(deps.db);
  await repo.updateWorkspace(actor.workspaceId, {
    ...(patch.name !== undefined && { name: patch.name }),
    ...(patch.baseCurrency !== undefined && { base_currency: patch.baseCurrency }),
    ...(patch.locale !== undefined && { locale: patch.locale }),
    ...(patch.timeZone !== undefined && { time_zone: patch.timeZone }),
    updated_at: toDbTime(deps.clock.now()),
  });
  return getWorkspace(deps, actor);
}

export function toWorkspace(row: WorkspacesTable): Workspace {
  return {
    id: row.id,
    name: row.name,
    baseCurrency: row.base_currency,
    locale: localeSchema.catch('en').parse(row.locale),
    timeZone: row.time_zone,
  };
}
