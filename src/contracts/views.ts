import { z } from 'zod';
import { idSchema } from './common.ts';
import { customerKindSchema, filterSchema } from './customers.ts';

export const viewDefinitionSchema = z.object({
  columns: z.array(z.string().max(120)).max(60).describe('Column keys in order: name, kind, email, phone, city, country, organisation, tags, completeness, createdAt, … or attr.<key>'),
  filters: z.array(filterSchema).max(50).default([]),
  filter: z.string().max(4000).optional().describe('A filter-language text (docs/filters.md), besides the chips'),
  sort: z.string().max(120).default('name'),
  order: z.enum(['asc', 'desc']).default('asc'),
  q: z.string().max(200).optional(),
  kind: customerKindSchema.optional(),
  tagId: idSchema.optional(),
});
export type ViewDefinition = z.infer<typeof viewDefinitionSchema>;

export const savedViewSchema = z.object({
  id: idSchema,
  name: z.string(),
  shared: z.boolean().describe('Visible to everyone in the workspace'),
  mine: z.boolean(),
  owner: z.object({ id: idSchema, name: z.string() }).nullable(),
  definition: viewDefinitionSchema,
});
export type SavedView = z.infer<typeof savedViewSchema>;
export const savedViewListSchema = z.object({ items: z.array(savedViewSchema) });

export const createViewSchema = z.object({ name: z.string().trim().min(1).max(100), shared: z.boolean().default(false), definition: viewDefinitionSchema });
export const updateViewSchema = createViewSchema.partial();
export const viewIdParamsSchema = z.object({ viewId: idSchema });
