import type { Kysely } from 'kysely';
import type { z } from 'zod';
import {
  attributeAppliesToSchema,
  attributeOptionSchema,
  type Attribute,
  type createAttributeSchema,
  type updateAttributeSchema,
} from '../../contracts/attributes.ts';
import { localeSchema } from '../../contracts/common.ts';
import { isUniqueViolation, toDbTime } from '../../db/dialect.ts';
import type { AttributeDefinitionsTable, DB } from '../../db/schema.ts';
import type { Clock } from '../../shared/clock.ts';
import { AppError, notFound } from '../../shared/errors.ts';
import { newId } from '../../shared/ids.ts';
import type { Actor } from '../auth/permissions.ts';
import { SUGGESTED_ATTRIBUTES } from './attribute-suggestions.ts';
import { createAttributesRepository } from './attributes.repository.ts';

export interface AttributeDeps {
  db: Kysely<DB>;
  clock: Clock;
}

export async function listAttributes(deps: Pick<AttributeDeps, 'db'>, workspaceId: string): Promise<Attribute[]> {
  return (await createAttributesRepository(deps.db).listDefinitions(workspaceId)).map(toAttribute);
}

export async function createAttribute(deps: AttributeDeps, actor: Actor, input: z.output<typeof createAttributeSchema>): Promise<Attribute> {
  const repo = createAttributesRepository(deps.db);
  const existing = await repo.listDefinitions(actor.workspaceId);
  const row: AttributeDefinitionsTable = {
    workspace_id: actor.workspaceId,
    id: newId(),
    key: input.key,
    label: input.label,
    type: input.type,
    applies_to: input.appliesTo,
    options: JSON.stringify(withOptionIds(input.type, input.options)),
    position: existing.length,
    created_at: toDbTime(deps.clock.now()),
  };
  try {
    await repo.insertDefinition(row);
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError('attributes.key_taken', 409, `An attribute with the key "${input.key}" already exists`, {
        fields: [{ path: 'key', code: 'taken', message: 'This key is already used' }],
      });
    }
    throw error;
  }
  return toAttribute(row);
}

export async function updateAttribute(
  deps: AttributeDeps,
  actor: Actor,
  attributeId: string,
  input: z.output<typeof updateAttributeSchema>,
): Promise<Attribute> {
  const repo = createAttributesRepository(deps.db);
  const current = (await repo.listDefinitions(actor.workspaceId)).find((d) => d.id === attributeId);
  if (!current) throw notFound('attribute');
  const patch: Partial<AttributeDefinitionsTable> = {};
  if (input.label !== undefined) patch.label = input.label;
  if (input.appliesTo !== undefined) patch.applies_to = input.appliesTo;
  if (input.position !== undefined) patch.position = input.position;
  if (input.options !== undefined) {
    const options = withOptionIds(current.type, input.options);
    patch.options = JSON.stringify(options);
    // A removed option can no longer be anyone's single choice.
    const kept = new Set(options.map((o) => o.id));
    const removed = toAttribute(current).options.filter((o) => !kept.has(o.id)).map((o) => o.id);
    if (current.type === 'choice') await repo.deleteValuesWithText(actor.workspaceId, attributeId, removed);
  }
  await repo.updateDefinition(actor.workspaceId, attributeId, patch);
  return toAttribute({ ...current, ...patch });
}

export async function deleteAttribute(deps: AttributeDeps, actor: Actor, attributeId: string): Promise<void> {
  const repo = createAttributesRepository(deps.db);
  if (!(await repo.listDefinitions(actor.workspaceId)).some((d) => d.id === attributeId)) throw notFound('attribute');
  await repo.deleteDefinition(actor.workspaceId, attributeId);
}

/** Gives a new workspace the suggested attributes, labelled in its language. */
export async function seedSuggestedAttributes(db: Kysely<DB>, workspaceId: string, locale: string, now: Date): Promise<void> {
  const lang = localeSchema.catch('en').parse(locale);
  const repo = createAttributesRepository(db);
  for (const [position, s] of SUGGESTED_ATTRIBUTES.entries()) {
    await repo.insertDefinition({
      workspace_id: workspaceId,
      id: newId(),
      key: s.key,
      label: s.label[lang],
      type: s.type,
      applies_to: s.appliesTo,
      options: JSON.stringify(s.options.map((o) => ({ id: newId(), label: o[lang] }))),
      position,
      created_at: toDbTime(now),
    });
  }
}

function withOptionIds(type: string, options: { id?: string | undefined; label: string }[]) {
  if (type !== 'choice' && type !== 'multichoice') return [];
  return options.map((o) => ({ id: o.id ?? newId(), label: o.label }));
}

/** Built once: a zod schema made anew on each call is slow to first use (every list request reads every definition). */
const storedOptionsSchema = attributeOptionSchema.array();

export function toAttribute(row: AttributeDefinitionsTable): Attribute {
  let options: Attribute['options'] = [];
  try {
    options = storedOptionsSchema.parse(JSON.parse(row.options));
  } catch {
    options = [];
  }
  return {
    id: row.id,
    key: row.key,
    label: row.label,
    type: row.type,
    appliesTo: attributeAppliesToSchema.parse(row.applies_to),
    options,
    position: row.position,
  };
}
