import { z } from 'zod';
import { idSchema } from './common.ts';

export const ATTRIBUTE_TYPES = ['text', 'number', 'money', 'date', 'boolean', 'choice', 'multichoice'] as const;
export const attributeTypeSchema = z.enum(ATTRIBUTE_TYPES);
export const attributeAppliesToSchema = z.enum(['person', 'organisation', 'both']);

/**
 * A stored attribute value: text and date as strings (`YYYY-MM-DD`), number as a number,
 * money as integer minor units of the workspace currency, yes/no as a boolean, a choice as
 * its option id, several choices as option ids.
 */
export const attributeValueSchema = z.union([z.string(), z.number(), z.boolean(), z.array(z.string())]).nullable();
export type AttributeValue = z.infer<typeof attributeValueSchema>;

export const attributeOptionSchema = z.object({ id: idSchema, label: z.string() });
export const attributeOptionInputSchema = z.object({ id: idSchema.optional().describe('Keep to rename; omit for a new option'), label: z.string().trim().min(1).max(100) });

export const attributeSchema = z.object({
  id: idSchema,
  key: z.string(),
  label: z.string(),
  type: attributeTypeSchema,
  appliesTo: attributeAppliesToSchema,
  options: z.array(attributeOptionSchema),
  position: z.number().int(),
});
export type Attribute = z.infer<typeof attributeSchema>;
export const attributeListSchema = z.object({ items: z.array(attributeSchema) });

export const attributeKeySchema = z
  .string()
  .trim()
  .min(1)
  .max(60)
  .regex(/^[a-z][a-z0-9_]*$/, { message: 'Lowercase letters, digits and _; start with a letter' });

export const createAttributeSchema = z.object({
  key: attributeKeySchema,
  label: z.string().trim().min(1).max(100),
  type: attributeTypeSchema,
  appliesTo: attributeAppliesToSchema.default('both'),
  options: z.array(attributeOptionInputSchema).max(200).default([]),
});
export const updateAttributeSchema = z.object({
  label: z.string().trim().min(1).max(100).optional(),
  appliesTo: attributeAppliesToSchema.optional(),
  options: z.array(attributeOptionInputSchema).max(200).optional().describe('The full list; options left out are removed'),
  position: z.number().int().min(0).optional(),
});
export const attributeIdParamsSchema = z.object({ attributeId: idSchema });
