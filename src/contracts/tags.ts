import { z } from 'zod';
import { idSchema } from './common.ts';

export const TAG_COLORS = ['gray', 'red', 'pink', 'grape', 'violet', 'indigo', 'blue', 'cyan', 'teal', 'green', 'lime', 'yellow', 'orange'] as const;
export const tagColorSchema = z.enum(TAG_COLORS);

export const tagSchema = z.object({ id: idSchema, name: z.string(), color: tagColorSchema });
export type Tag = z.infer<typeof tagSchema>;
export const tagListSchema = z.object({
  items: z.array(tagSchema.extend({ customers: z.number().int().nullable().describe('Customers carrying the tag; null unless counts=true') })),
});
/** Counting reads every tagged customer (≈0.2 s at 100,000): only the settings page asks for it. */
export const tagListQuerySchema = z.object({ counts: z.enum(['true', 'false']).default('false') });

export const createTagSchema = z.object({ name: z.string().trim().min(1).max(60), color: tagColorSchema.default('gray') });
export const updateTagSchema = createTagSchema.partial();
export const tagIdParamsSchema = z.object({ tagId: idSchema });
