import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { viewDefinitionSchema, type createViewSchema, type SavedView, type updateViewSchema } from '../../contracts/views.ts';
import { toDbTime } from '../../db/dialect.ts';
import type { DB } from '../../db/schema.ts';
import type { Clock } from '../../shared/clock.ts';
import { forbidden, notFound } from '../../shared/errors.ts';
import { newId } from '../../shared/ids.ts';
import type { Actor } from '../auth/permissions.ts';
import { createViewsRepository } from './views.repository.ts';

export interface ViewDeps {
  db: Kysely<DB>;
  clock: Clock;
}

type ViewRow = Awaited<ReturnType<ReturnType<typeof createViewsRepository>['visibleViews']>>[number];

export async function listViews(deps: ViewDeps, actor: Actor): Promise<SavedView[]> {
  return (await createViewsRepository(deps.db).visibleViews(actor.workspaceId, actor.userId)).map((r) => toView(r, actor));
}

export async function createView(deps: ViewDeps, actor: Actor, input: z.output<typeof createViewSchema>): Promise<SavedView> {
  const now = toDbTime(deps.clock.now());
  const id = newId();
  await createViewsRepository(deps.db).insertView({
    workspace_id: actor.workspaceId,
    id,
    owner_id: actor.userId,
    name: input.name,
    shared: input.shared ? 1 : 0,
    definition: JSON.stringify(input.definition),
    created_at: now,
    updated_at: now,
  });
  return (await listViews(deps, actor)).find((v) => v.id === id)!;
}

/** Only the owner changes or deletes a view, shared or not. */
export async function updateView(deps: ViewDeps, actor: Actor, viewId: string, input: z.output<typeof updateViewSchema>): Promise<SavedView> {
  await ownView(deps, actor, viewId);
  await createViewsRepository(deps.db).updateView(actor.workspaceId, viewId, {
    ...(input.name !== undefined && { name: input.name }),
    ...(input.shared !== undefined && { shared: input.shared ? 1 : 0 }),
    ...(input.definition !== undefined && { definition: JSON.stringify(input.definition) }),
    updated_at: toDbTime(deps.clock.now()),
  });
  return (await listViews(deps, actor)).find((v) => v.id === viewId)!;
}

export async function deleteView(deps: ViewDeps, actor: Actor, viewId: string): Promise<void> {
  await ownView(deps, actor, viewId);
  await createViewsRepository(deps.db).deleteView(actor.workspaceId, viewId);
}

async function ownView(deps: ViewDeps, actor: Actor, viewId: string): Promise<void> {
  const view = (await createViewsRepository(deps.db).visibleViews(actor.workspaceId, actor.userId)).find((v) => v.id === viewId);
  if (!view) throw notFound('view');
  if (view.owner_id !== actor.userId) throw forbidden('views.not_owner', 'Only the person who saved this view can change it');
}

function toView(row: ViewRow, actor: Actor): SavedView {
  let definition = viewDefinitionSchema.parse({ columns: [] });
  try {
    definition = viewDefinitionSchema.parse(JSON.parse(row.definition));
  } catch {
    // an unreadable definition shows as an empty view rather than breaking the list
  }
  return {
    id: row.id,
    name: row.name,
    shared: row.shared === 1,
    mine: row.owner_id === actor.userId,
    owner: { id: row.owner_id, name: row.owner_name ?? '?' },
    definition,
  };
}
