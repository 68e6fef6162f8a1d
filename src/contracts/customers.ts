import { z } from 'zod';
import { followUpSchema } from './followups.ts';
import { lapseStateSchema, rfmSegmentSchema, tierSchema } from './analytics.ts';
import { idSchema, isoTimestampSchema, localeSchema } from './common.ts';
import { attributeValueSchema } from './attributes.ts';
import { tagSchema } from './tags.ts';

export const customerKindSchema = z.enum(['person', 'organisation']);
export type CustomerKind = z.infer<typeof customerKindSchema>;

/** A calendar date, `YYYY-MM-DD`, that exists (31.02 does not). */
export const calendarDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'Use the form YYYY-MM-DD' })
  .refine((value) => {
    const date = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
  }, { message: 'No such date', params: { code: 'invalid_date' } });

const optionalText = (max: number) => z.string().trim().max(max).nullable().optional().transform((v) => (v === '' ? null : v));

export const contactKindSchema = z.enum(['email', 'phone']);

/** Phone numbers: digits with the usual punctuation; 5 to 20 digits. */
export const PHONE_PATTERN = /^\+?[\d\s().\-/]+$/;

export const contactInputSchema = z
  .object({
    kind: contactKindSchema,
    value: z.string().trim().min(1).max(320),
    label: optionalText(60),
  })
  .superRefine((contact, ctx) => {
    if (contact.kind === 'email' && !z.email().safeParse(contact.value).success) {
      ctx.addIssue({ code: 'custom', path: ['value'], message: 'Not a valid email address', params: { code: 'invalid_email' } });
    }
    const digits = contact.value.replace(/\D/g, '').length;
    if (contact.kind === 'phone' && (!PHONE_PATTERN.test(contact.value) || digits < 5 || digits > 20)) {
      ctx.addIssue({ code: 'custom', path: ['value'], message: 'Not a valid phone number', params: { code: 'invalid_phone' } });
    }
  });
export type ContactInput = z.input<typeof contactInputSchema>;

export const contactSchema = z.object({ id: idSchema, kind: contactKindSchema, value: z.string(), label: z.string().nullable() });
export type Contact = z.infer<typeof contactSchema>;

export const addressSchema = z.object({
  line1: z.string().nullable(),
  line2: z.string().nullable(),
  city: z.string().nullable(),
  region: z.string().nullable(),
  postalCode: z.string().nullable(),
  country: z.string().nullable(),
});
export const addressInputSchema = z.object({
  line1: optionalText(200),
  line2: optionalText(200),
  city: optionalText(120),
  region: optionalText(120),
  postalCode: optionalText(20),
  country: optionalText(80),
});

export const consentSchema = z.object({
  given: z.boolean().nullable().describe('null: not asked yet'),
  at: isoTimestampSchema.nullable(),
  source: z.string().nullable().describe('How it was given: form, in person, email…'),
});
export const consentInputSchema = z.object({
  given: z.boolean().nullable(),
  at: isoTimestampSchema.nullable().optional(),
  source: optionalText(120),
});

/** Fields a person or organisation can have; which apply depends on the kind. */
const customerFieldsInput = {
  firstName: optionalText(100),
  lastName: optionalText(100),
  name: optionalText(200).describe("An organisation's name; for a person, used only when first and last name are empty"),
  website: optionalText(300),
  parentId: idSchema.nullable().optional().describe('Parent organisation (organisations only)'),
  address: addressInputSchema.optional(),
  birthday: calendarDateSchema.nullable().optional(),
  preferredLanguage: localeSchema.nullable().optional(),
  consent: consentInputSchema.optional(),
  notes: optionalText(10_000),
  customerSince: calendarDateSchema.nullable().optional(),
  nextFollowUp: calendarDateSchema.nullable().optional(),
  contacts: z.array(contactInputSchema).max(50).optional().describe('Replaces all emails and phones when given'),
  attributes: z.record(z.string(), attributeValueSchema).optional().describe('By attribute key; null clears'),
  tagIds: z.array(idSchema).max(100).optional().describe('Replaces the tags when given'),
};

export const createCustomerSchema = z.object({ kind: customerKindSchema, ...customerFieldsInput });
export type CreateCustomer = z.input<typeof createCustomerSchema>;

export const updateCustomerSchema = z.object({
  ...customerFieldsInput,
  version: z.number().int().positive().describe('The version you read; a stale one gets 409 customers.stale'),
});
export type UpdateCustomer = z.input<typeof updateCustomerSchema>;

export const customerRefSchema = z.object({ id: idSchema, kind: customerKindSchema, displayName: z.string() });
export type CustomerRef = z.infer<typeof customerRefSchema>;

/** One row of the customer list. */
export const customerSummarySchema = z.object({
  id: idSchema,
  kind: customerKindSchema,
  displayName: z.string(),
  email: z.string().nullable().describe('The first email'),
  phone: z.string().nullable().describe('The first phone'),
  city: z.string().nullable(),
  country: z.string().nullable(),
  organisation: customerRefSchema.nullable().describe("A person's first organisation, an organisation's parent"),
  tags: z.array(tagSchema),
  attributes: z.record(z.string(), attributeValueSchema),
  completeness: z.number().int().min(0).max(100),
  customerSince: z.string().nullable(),
  firstPurchaseAt: isoTimestampSchema.nullable(),
  lastPurchaseAt: isoTimestampSchema.nullable(),
  nextFollowUp: z.string().nullable(),
  createdAt: isoTimestampSchema,
  updatedAt: isoTimestampSchema,
  deletedAt: isoTimestampSchema.nullable(),
  value: z
    .object({
      revenue365Minor: z.number().int(),
      revenueLifetimeMinor: z.number().int(),
      purchases: z.number().int(),
      daysSinceLastPurchase: z.number().int().nullable(),
      valueRank: z.number().int().nullable(),
      tier: tierSchema.nullable(),
      rfmSegment: rfmSegmentSchema.nullable(),
      lapseState: lapseStateSchema.nullable(),
      pAlive: z.number().nullable(),
      clvMinor: z.number().int().nullable(),
    })
    .nullable()
    .describe('Customer-value metrics in the base currency (see /analytics); null until computed'),
});
export type CustomerSummary = z.infer<typeof customerSummarySchema>;

export const customerPageSchema = z.object({
  items: z.array(customerSummarySchema),
  nextCursor: z.string().nullable().describe('Pass as `cursor` for the next page; null on the last page'),
});

/** Counted apart from the page, so a page never waits for a count over the whole table. */
export const customerCountSchema = z.object({ total: z.number().int().describe('How many customers match the same query') });
export type CustomerPage = z.infer<typeof customerPageSchema>;

export const employmentSchema = z.object({
  id: idSchema,
  person: customerRefSchema,
  organisation: customerRefSchema,
  title: z.string().nullable(),
});
export type Employment = z.infer<typeof employmentSchema>;

/** The seven things to know about a customer; a bit whose feature has not landed is 'unknown'. */
export const BIT_KEYS = ['value', 'tier', 'reasons', 'source', 'referrals', 'thanks', 'risk'] as const;
export const bitSchema = z.object({
  key: z.enum(BIT_KEYS),
  state: z.enum(['known', 'unknown']),
  summary: z.string().nullable().describe('A short value when known'),
  action: z.string().nullable().describe('What would fill it in, as a code the UI translates, e.g. import_sales'),
});

export const completenessSchema = z.object({
  score: z.number().int().min(0).max(100),
  known: z.array(z.string()),
  missing: z.array(z.string()).describe('Field and bit codes still unknown, most useful first'),
});

export const customerProfileSchema = customerSummarySchema.extend({
  firstName: z.string().nullable(),
  lastName: z.string().nullable(),
  website: z.string().nullable(),
  parent: customerRefSchema.nullable(),
  children: z.array(customerRefSchema).describe('Organisations whose parent this is'),
  address: addressSchema,
  birthday: z.string().nullable(),
  preferredLanguage: localeSchema.nullable(),
  consent: consentSchema,
  notes: z.string().nullable(),
  contacts: z.array(contactSchema),
  employments: z.array(employmentSchema).describe('Where a person works, or who works at an organisation'),
  bits: z.array(bitSchema),
  completenessDetail: completenessSchema,
  version: z.number().int(),
  mergedIntoId: idSchema.nullable(),
  upcomingFollowUp: followUpSchema.nullable().optional().describe('The earliest open follow-up (nextFollowUp is the day field kept on the customer)'),
});
export type CustomerProfile = z.infer<typeof customerProfileSchema>;

export const customerIdParamsSchema = z.object({ customerId: idSchema });

export const FILTER_OPS = ['eq', 'neq', 'contains', 'gt', 'gte', 'lt', 'lte', 'empty', 'not_empty', 'in'] as const;
export const filterSchema = z.object({
  field: z
    .string()
    .min(1)
    .max(120)
    .describe('kind, name, email, phone, city, country, tag, organisation, completeness, createdAt, updatedAt, customerSince, nextFollowUp, lastPurchaseAt, a customer-value metric (revenue365, tier, rfmSegment, pAlive, clv, lapseState…), source, campaign or referredBy (ids), channel (its name), acquired (the acquisition day as the Sources report counts it, YYYY-MM-DD), or attr.<key>'),
  op: z.enum(FILTER_OPS),
  value: z.union([z.string(), z.number(), z.boolean(), z.array(z.string())]).nullable().optional(),
});
export type Filter = z.infer<typeof filterSchema>;

/** Customer-value metrics that filter and sort like columns (docs/analytics.md). */
export const METRIC_FIELDS = [
  'revenue30', 'revenue90', 'revenue365', 'revenueLifetime', 'profit365', 'profitLifetime', 'purchases', 'averageOrder', 'averageGapDays',
  'daysSinceLastPurchase', 'valueRank', 'valuePercentile', 'tier', 'rfmSegment', 'rfmR', 'rfmF', 'rfmM', 'pAlive', 'expected30', 'expected90', 'expected365',
  'expectedSpend', 'clv', 'lapseState', 'firstPurchaseAt',
] as const;
export const SORT_FIELDS = ['name', 'createdAt', 'updatedAt', 'completeness', 'city', 'country', 'customerSince', 'nextFollowUp', 'lastPurchaseAt', ...METRIC_FIELDS] as const;

export const listCustomersQuerySchema = z.object({
  q: z.string().trim().max(200).optional().describe('Search: any part of name, email, phone, organisation or notes'),
  kind: customerKindSchema.optional(),
  tagId: idSchema.optional(),
  organisationId: idSchema.optional().describe('People working at, and organisations under, this organisation'),
  filters: z
    .string()
    .max(8000)
    .optional()
    .describe('JSON array of {field, op, value}; all must hold'),
  filter: z.string().max(4000).optional().describe('A filter in the filter language (docs/filters.md), e.g. tier = gold and last_purchase < 90 days ago; with `filters`, both must hold'),
  lang: z.enum(['en', 'ru']).optional().describe("The filter's error messages' language"),
  sort: z.string().max(120).default('name').describe(`${SORT_FIELDS.join(', ')} or attr.<key>`),
  order: z.enum(['asc', 'desc']).default('asc'),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().max(1000).optional(),
});
export type ListCustomersQuery = z.input<typeof listCustomersQuerySchema>;

export const quickSearchQuerySchema = z.object({
  q: z.string().trim().min(1).max(200),
  limit: z.coerce.number().int().min(1).max(50).default(10),
});
export const quickSearchResultSchema = z.object({
  items: z.array(customerSummarySchema.extend({ matched: z.enum(['name', 'email', 'phone', 'organisation', 'notes', 'other']) })),
});

export const bulkActionSchema = z.object({
  ids: z.array(idSchema).min(1).max(10_000),
  action: z.enum(['add_tags', 'remove_tags', 'delete']),
  tagIds: z.array(idSchema).max(100).optional(),
});
export const bulkResultSchema = z.object({ affected: z.number().int() });

export const employmentInputSchema = z.object({
  organisationId: idSchema,
  title: optionalText(120),
});
export const employmentIdParamsSchema = z.object({ customerId: idSchema, employmentId: idSchema });

export const historyEntrySchema = z.object({
  id: idSchema,
  at: isoTimestampSchema,
  actor: z.object({ id: idSchema, name: z.string() }).nullable(),
  action: z.enum(['created', 'updated', 'deleted', 'restored', 'merged', 'merged_away']),
  field: z.string().nullable(),
  oldValue: z.string().nullable(),
  newValue: z.string().nullable(),
});
export type HistoryEntry = z.infer<typeof historyEntrySchema>;
export const historyPageSchema = z.object({ items: z.array(historyEntrySchema) });

export const MERGE_FIELDS = [
  'name',
  'website',
  'parentId',
  'address',
  'birthday',
  'preferredLanguage',
  'consent',
  'notes',
  'customerSince',
  'nextFollowUp',
  'acquisition',
  'referredBy',
] as const;
export const mergeRequestSchema = z.object({
  otherId: idSchema.describe('The duplicate; it is folded into this customer and then deleted'),
  version: z.number().int().positive(),
  otherVersion: z.number().int().positive(),
  take: z
    .record(z.string(), z.enum(['survivor', 'other']))
    .default({})
    .describe(`Per field (${MERGE_FIELDS.join(', ')}, campaign or attr.<key>): whose value to keep; default the survivor's, or the other's when the survivor has none`),
});
export type MergeRequest = z.input<typeof mergeRequestSchema>;

export const duplicatePairSchema = z.object({
  a: customerSummarySchema,
  b: customerSummarySchema,
  reasons: z.array(z.enum(['same_email', 'same_phone', 'same_name_in_organisation', 'same_name'])),
});
export const duplicateListSchema = z.object({ items: z.array(duplicatePairSchema) });
