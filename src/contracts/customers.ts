import { z } from 'zod';
import { idSchema, isoTimestampSchema, nameSchema } from './common.ts';

export const customerKindSchema = z.enum(['person', 'organisation']);

export const customerSchema = z.object({
  id: idSchema,
  kind: customerKindSchema,
  displayName: z.string(),
  version: z.number().int(),
  createdAt: isoTimestampSchema,
  updatedAt: isoTimestampSchema,
});
export type Customer = z.infer<typeof customerSchema>;

export const customerPageSchema = z.object({
  items: z.array(customerSchema),
  nextCursor: z.string().nullable().describe('Pass as `cursor` for the next page; null on the last page'),
});
export type CustomerPage = z.infer<typeof customerPageSchema>;

export const createCustomerSchema = z.object({ kind: customerKindSchema, displayName: nameSchema });
export type CreateCustomer = z.input<typeof createCustomerSchema>;

export const customerIdParamsSchema = z.object({ customerId: idSchema });
