import { z } from 'zod';
import { idSchema, isoTimestampSchema, nameSchema } from './common.ts';

export const apiKeyScopeSchema = z.enum(['read', 'read_write']);

export const apiKeySchema = z.object({
  id: idSchema,
  name: z.string(),
  prefix: z.string().describe('The first characters of the key, to tell keys apart'),
  scope: apiKeyScopeSchema,
  createdAt: isoTimestampSchema,
  lastUsedAt: isoTimestampSchema.nullable(),
});
export type ApiKey = z.infer<typeof apiKeySchema>;

export const apiKeyListSchema = z.object({ items: z.array(apiKeySchema) });

export const createApiKeySchema = z.object({ name: nameSchema, scope: apiKeyScopeSchema });
export type CreateApiKey = z.input<typeof createApiKeySchema>;

export const createdApiKeySchema = apiKeySchema.extend({
  token: z.string().describe('The secret, shown this once only. Send as `Authorization: Bearer <token>`.'),
});
export type CreatedApiKey = z.infer<typeof createdApiKeySchema>;

export const apiKeyIdParamsSchema = z.object({ apiKeyId: idSchema });
