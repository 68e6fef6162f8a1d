import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { filterFieldListSchema } from '../../contracts/segments.ts';
import type { DB } from '../../db/schema.ts';
import { listAttributes } from '../attributes/attributes.usecases.ts';
import { FUNCTIONS, RELATION_FIELDS, SCALAR_FIELDS } from './filter-fields.ts';

type FieldList = z.infer<typeof filterFieldListSchema>;

/** The names a filter can use in this workspace, for the editor's completions and help. */
export async function filterFields(db: Kysely<DB>, workspaceId: string): Promise<FieldList> {
  const attributes = await listAttributes({ db }, workspaceId);
  const items: FieldList['items'] = [
    ...Object.entries(SCALAR_FIELDS).map(([name, def]) => ({ name, kind: def.kind, ...(def.kind === 'choice' ? { choices: [...def.choices] } : {}) })),
    ...RELATION_FIELDS.map((name) => ({ name, kind: 'relation' as const })),
    ...attributes.map((a) => ({ name: a.key, kind: 'attribute' as const, ...(a.options.length ? { choices: a.options.map((o) => o.label) } : {}) })),
  ];
  return { items, functions: Object.entries(FUNCTIONS).map(([name, f]) => ({ name, args: Object.keys(f.args) })) };
}
