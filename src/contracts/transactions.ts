import { z } from 'zod';
import { currencySchema, cursorPageQuerySchema, idSchema, isoTimestampSchema } from './common.ts';

/** Money is exact: integer minor units (cents, kopecks) with its currency. A refund's amount is negative. */
export const TRANSACTION_KINDS = ['sale', 'refund'] as const;
export const transactionKindSchema = z.enum(TRANSACTION_KINDS);

export const transactionLineSchema = z.object({
  productCode: z.string().nullable(),
  description: z.string().nullable(),
  quantity: z.number().nullable(),
  unitPrice: z.string().nullable().describe('Exact decimal, may be finer than a minor unit'),
  amountMinor: z.number().int(),
});

export const transactionSchema = z.object({
  id: idSchema,
  customerId: idSchema.nullable().describe('Null: the unknown-customer bucket'),
  kind: transactionKindSchema,
  occurredAt: isoTimestampSchema,
  amountMinor: z.number().int().describe('Signed: refunds are negative'),
  currency: z.string(),
  costMinor: z.number().int().nullable(),
  channel: z.string().nullable(),
  campaign: z.string().nullable(),
  externalId: z.string().nullable(),
  note: z.string().nullable(),
  source: z.enum(['manual', 'import', 'api']),
  importId: idSchema.nullable(),
  lines: z.array(transactionLineSchema),
  createdAt: isoTimestampSchema,
});
export type Transaction = z.infer<typeof transactionSchema>;

export const transactionPageSchema = z.object({ items: z.array(transactionSchema), nextCursor: z.string().nullable() });
export const transactionListQuerySchema = cursorPageQuerySchema;

const text = (max: number) => z.string().trim().max(max).nullable().optional();
export const createTransactionSchema = z
  .object({
    kind: transactionKindSchema.default('sale'),
    occurredAt: isoTimestampSchema.pipe(z.iso.datetime({ offset: true })).describe('When it happened'),
    amountMinor: z.number().int().min(-1e13).max(1e13).describe('Minor units; a refund may be given positive or negative, it is stored negative'),
    currency: currencySchema.optional().describe("Default: the workspace's"),
    costMinor: z.number().int().min(-1e13).max(1e13).nullable().optional(),
    channel: text(100),
    campaign: text(100).describe('Campaign or coupon code'),
    externalId: text(200).describe('Your own id for it (an order number); unique in the workspace'),
    note: text(2000),
    lines: z
      .array(
        z.object({
          productCode: text(100),
          description: text(500),
          quantity: z.number().min(-1e9).max(1e9).nullable().optional(),
          unitPrice: z.string().regex(/^-?\d+(\.\d+)?$/, 'A decimal number, like 12.50').nullable().optional(),
          amountMinor: z.number().int().min(-1e13).max(1e13),
        }),
      )
      .max(1000)
      .optional(),
  })
  .refine((t) => !t.lines?.length || t.lines.reduce((s, l) => s + l.amountMinor, 0) === t.amountMinor || (t.kind === 'refund' && t.lines.reduce((s, l) => s + l.amountMinor, 0) === -t.amountMinor), {
    message: 'The lines must add up to the amount',
    path: ['lines'],
    params: { code: 'lines_total_mismatch' },
  });

export const transactionIdParamsSchema = z.object({ transactionId: idSchema });

export const monthlySpendSchema = z.object({
  items: z.array(z.object({ month: z.string().describe('YYYY-MM'), currency: z.string(), amountMinor: z.number().int(), purchases: z.number().int() })),
});
