import type { Kysely } from 'kysely';
import type { ChangePassword, CreateUser, UpdateMe, UpdateUser, User } from '../../contracts/users.ts';
import { localeSchema } from '../../contracts/common.ts';
import { isUniqueViolation, toDbTime } from '../../db/dialect.ts';
import type { DB } from '../../db/schema.ts';
import type { Clock } from '../../shared/clock.ts';
import { notFound } from '../../shared/errors.ts';
import { newId } from '../../shared/ids.ts';
import { hashPassword, verifyPassword } from '../auth/password.ts';
import type { Actor } from '../auth/permissions.ts';
import { createSessionsRepository } from '../auth/sessions.repository.ts';
import { createWorkspacesRepository } from '../workspaces/workspaces.repository.ts';
import { emailTaken, lastOwner, ownerOnly, wrongCurrentPassword } from './users.errors.ts';
import { createUsersRepository, type UserPatch, type UserRow } from './users.repository.ts';

export interface UserDeps {
  db: Kysely<DB>;
  clock: Clock;
}

export async function listUsers(deps: UserDeps, actor: Actor): Promise<User[]> {
  return (await createUsersRepository(deps.db).listUsers(actor.workspaceId)).map(toUser);
}

export async function getUser(deps: UserDeps, actor: Actor, userId: string): Promise<User> {
  const row = await createUsersRepository(deps.db).getUser(actor.workspaceId, userId);
  if (!row) throw notFound('user');
  return toUser(row);
}

export async function createUser(deps: UserDeps, actor: Actor, input: CreateUser): Promise<User> {
  if (input.role === 'owner' && actor.role !== 'owner') throw ownerOnly();
  const workspace = await createWorkspacesRepository(deps.db).getWorkspace(actor.workspaceId);
  const now = toDbTime(deps.clock.now());
  const row: UserRow = {
    workspace_id: actor.workspaceId,
    id: newId(),
    email: input.email,
    name: input.name,
    role: input.role,
    password_hash: await hashPassword(input.password),
    locale: input.locale ?? workspace?.locale ?? 'en',
    disabled_at: null,
    created_at: now,
    updated_at: now,
  };
  try {
    await createUsersRepository(deps.db).insertUser(row);
  } catch (error) {
    if (isUniqueViolation(error)) throw emailTaken();
    throw error;
  }
  return toUser(row);
}

export async function updateUser(deps: UserDeps, actor: Actor, userId: string, input: UpdateUser): Promise<User> {
  return deps.db.transaction().execute(async (trx) => {
    const users = createUsersRepository(trx);
    const target = await users.getUser(actor.workspaceId, userId);
    if (!target) throw notFound('user');
    const touchesOwner = target.role === 'owner' || input.role === 'owner';
    if (touchesOwner && actor.role !== 'owner') throw ownerOnly();

    const now = toDbTime(deps.clock.now());
    const patch: UserPatch = { updated_at: now };
    if (input.name !== undefined) patch.name = input.name;
    if (input.role !== undefined) patch.role = input.role;
    if (input.disabled !== undefined) patch.disabled_at = input.disabled ? (target.disabled_at ?? now) : null;

    const losesOwner = target.role === 'owner' && target.disabled_at === null && (patch.role !== undefined && patch.role !== 'owner' || input.disabled === true);
    if (losesOwner && (await users.countActiveOwners(actor.workspaceId)) <= 1) throw lastOwner();

    await users.updateUser(actor.workspaceId, userId, patch);
    if (input.disabled === true) await createSessionsRepository(trx).deleteUserSessions(actor.workspaceId, userId);
    const updated = await users.getUser(actor.workspaceId, userId);
    return toUser(updated!);
  });
}

export async function updateMe(deps: UserDeps, actor: Actor, input: UpdateMe): Promise<User> {
  const patch: UserPatch = { updated_at: toDbTime(deps.clock.now()) };
  if (input.name !== undefined) patch.name = input.name;
  if (input.locale !== undefined) patch.locale = input.locale;
  await createUsersRepository(deps.db).updateUser(actor.workspaceId, actor.userId, patch);
  return getUser(deps, actor, actor.userId);
}

/** Changing the password signs out every other session of the user. */
export async function changePassword(deps: UserDeps, actor: Actor, input: ChangePassword): Promise<void> {
  const users = createUsersRepository(deps.db);
  const me = await users.getUser(actor.workspaceId, actor.userId);
  if (!me) throw notFound('user');
  if (!(await verifyPassword(me.password_hash, input.currentPassword))) throw wrongCurrentPassword();
  await users.updateUser(actor.workspaceId, actor.userId, {
    password_hash: await hashPassword(input.newPassword),
    updated_at: toDbTime(deps.clock.now()),
  });
  await createSessionsRepository(deps.db).deleteUserSessions(actor.workspaceId, actor.userId, actor.sessionId);
}

export function toUser(row: UserRow): User {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    role: row.role,
    locale: localeSchema.catch('en').parse(row.locale),
    disabled: row.disabled_at !== null,
    createdAt: row.created_at,
  };
}
