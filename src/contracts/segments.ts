import { z } from 'zod';
import { idSchema, isoTimestampSchema } from './common.ts';
import { FILTER_LIMITS } from './filter-syntax.ts';

export const filterTextSchema = z.string().max(FILTER_LIMITS.length).describe('A filter in the filter language (docs/filters.md), e.g. tier = gold and last_purchase < 90 days ago');

export const segmentKindSchema = z.enum(['dynamic', 'snapshot']);

export const segmentSchema = z.object({
  id: idSchema,
  name: z.string(),
  description: z.string().nullable(),
  filter: z.string(),
  kind: segmentKindSchema.describe('dynamic: re-evaluated whenever it is read; snapshot: the members when it was frozen'),
  frozenAt: isoTimestampSchema.nullable(),
  customers: z.number().int().describe('Members now (live customers)'),
  holdout: z.number().int().describe('Snapshot members kept back as a holdout group'),
  revenue365: z.number().int().describe("Members' revenue over the trailing 365 days, minor units"),
  revenueShare: z.number().describe("That revenue's share of every customer's (0–1)"),
  change: z
    .object({ since: z.string(), customers: z.number().int(), revenueShare: z.number() })
    .nullable()
    .describe('Against the measurement at least 28 days old (else the oldest before today): differences in members and revenue share'),
  createdAt: isoTimestampSchema,
  updatedAt: isoTimestampSchema,
});
export type Segment = z.infer<typeof segmentSchema>;
export const segmentListSchema = z.object({ items: z.array(segmentSchema), currency: z.string() });

export const createSegmentSchema = z.object({
  name: z.string().trim().min(1).max(120),
  description: z.string().trim().max(1000).nullable().optional(),
  filter: filterTextSchema,
  kind: segmentKindSchema.default('dynamic'),
  holdoutShare: z.number().min(0).max(0.5).optional().describe('Snapshot only: the share of members kept back as a holdout group (drawn at random)'),
});
export const updateSegmentSchema = z.object({
  name: z.string().trim().min(1).max(120).optional(),
  description: z.string().trim().max(1000).nullable().optional(),
  filter: filterTextSchema.optional().describe('Dynamic segments only: a snapshot keeps the filter it was frozen with'),
});
export const segmentIdParamsSchema = z.object({ segmentId: idSchema });

export const checkFilterSchema = z.object({ filter: filterTextSchema, lang: z.enum(['en', 'ru']).optional() });
export const checkFilterResultSchema = z.object({
  count: z.number().int().describe('Live customers the filter matches'),
  text: z.string().describe('The filter written back in its plain form'),
});

export const filterFieldSchema = z.object({
  name: z.string(),
  kind: z.enum(['text', 'number', 'money', 'date', 'instant', 'choice', 'boolean', 'relation', 'attribute']),
  choices: z.array(z.string()).optional(),
});
export const filterFieldListSchema = z.object({ items: z.array(filterFieldSchema), functions: z.array(z.object({ name: z.string(), args: z.array(z.string()) })) });
