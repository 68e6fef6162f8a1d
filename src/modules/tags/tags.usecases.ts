import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { createTagSchema, Tag, updateTagSchema } from '../../contracts/tags.ts';
import { isUniqueViolation, toDbTime } from '../../db/dialect.ts';
import type { DB } from '../../db/schema.ts';
import type { Clock } from '../../shared/clock.ts';
import { AppError, badRequest, notFound } from '../../shared/errors.ts';
import { newId } from '../../shared/ids.ts';
import { normalizeText } from '../../shared/text.ts';
import type { Actor } from '../auth/permissions.ts';
import { tagColor } from './tag-color.ts';
import { createTagsRepository } from './tags.repository.ts';

export interface TagDeps {
  db: Kysely<DB>;
  clock: Clock;
}

const nameTaken = (name: string) =>
  new AppError('tags.name_taken', 409, `A tag named "${name}" already exists`, {
    fields: [{ path: 'name', code: 'taken', message: 'A tag with this name already exists' }],
  });

export async function listTags(deps: TagDeps, actor: Actor, options: { counts: boolean }) {
  const repo = createTagsRepository(deps.db);
  const rows: { id: string; name: string; color: string; customers?: number | string }[] = options.counts
    ? await repo.listTagsWithCounts(actor.workspaceId)
    : await repo.listTags(actor.workspaceId);
  return rows.map((r) => ({ id: r.id, name: r.name, color: tagColor(r.color), customers: r.customers === undefined ? null : Number(r.customers) }));
}

export async function createTag(deps: TagDeps, actor: Actor, input: z.output<typeof createTagSchema>): Promise<Tag> {
  const row = { workspace_id: actor.workspaceId, id: newId(), name: input.name, name_key: normalizeText(input.name), color: input.color, created_at: toDbTime(deps.clock.now()) };
  try {
    await createTagsRepository(deps.db).insertTag(row);
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken(input.name);
    throw error;
  }
  return { id: row.id, name: row.name, color: input.color };
}

export async function updateTag(deps: TagDeps, actor: Actor, tagId: string, input: z.output<typeof updateTagSchema>): Promise<Tag> {
  const repo = createTagsRepository(deps.db);
  const [existing] = await repo.getTags(actor.workspaceId, [tagId]);
  if (!existing) throw notFound('tag');
  try {
    await repo.updateTag(actor.workspaceId, tagId, {
      ...(input.name !== undefined && { name: input.name, name_key: normalizeText(input.name) }),
      ...(input.color !== undefined && { color: input.color }),
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken(input.name ?? existing.name);
    throw error;
  }
  return { id: tagId, name: input.name ?? existing.name, color: input.color ?? tagColor(existing.color) };
}

export async function deleteTag(deps: TagDeps, actor: Actor, tagId: string): Promise<void> {
  const repo = createTagsRepository(deps.db);
  if ((await repo.getTags(actor.workspaceId, [tagId])).length === 0) throw notFound('tag');
  await repo.deleteTag(actor.workspaceId, tagId);
}

/** Refuses tag ids that are not this workspace's, naming them. */
export async function assertTagsExist(db: Kysely<DB>, workspaceId: string, tagIds: string[]): Promise<void> {
  const unique = [...new Set(tagIds)];
  const found = new Set((await createTagsRepository(db).getTags(workspaceId, unique)).map((t) => t.id));
  const missing = unique.filter((id) => !found.has(id));
  if (missing.length) throw badRequest('tags.unknown', `Unknown tag: ${missing.join(', ')}`, { tagIds: missing });
}
