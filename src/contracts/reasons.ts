import { z } from 'zod';
import { idSchema, isoTimestampSchema } from './common.ts';

type Words = { en: string; ru: string };

export const REASON_KINDS = ['choose', 'exit'] as const;
export const reasonKindSchema = z.enum(REASON_KINDS).describe("choose: why they choose us; exit: why they left");
export type ReasonKind = z.infer<typeof reasonKindSchema>;
export const REASON_VIA = ['staff', 'survey', 'import'] as const;

/** The taxonomy a new workspace starts with, in its language; editable and mergeable afterwards. */
export const DEFAULT_REASONS: Record<ReasonKind, Words[]> = {
  choose: [
    { en: 'Quality', ru: 'Качество' },
    { en: 'Price', ru: 'Цена' },
    { en: 'Service', ru: 'Обслуживание' },
    { en: 'Location', ru: 'Расположение' },
    { en: 'Range', ru: 'Ассортимент' },
    { en: 'Speed', ru: 'Скорость' },
    { en: 'A person on our staff', ru: 'Конкретный сотрудник' },
    { en: 'Recommendation', ru: 'Рекомендация' },
    { en: 'Trust and reputation', ru: 'Доверие и репутация' },
    { en: 'Other', ru: 'Другое' },
  ],
  exit: [
    { en: 'Price', ru: 'Цена' },
    { en: 'Quality problem', ru: 'Проблема с качеством' },
    { en: 'Bad service', ru: 'Плохое обслуживание' },
    { en: 'Moved away', ru: 'Переехал' },
    { en: 'No longer needs it', ru: 'Больше не нужно' },
    { en: 'Went to a competitor', ru: 'Ушёл к конкуренту' },
    { en: 'Complaint unresolved', ru: 'Жалоба не решена' },
    { en: 'Other', ru: 'Другое' },
  ],
};

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'A date as YYYY-MM-DD');
const name = z.string().trim().min(1).max(80);
/** The customer's own words: plain text, never rendered as HTML. */
const words = z.string().trim().max(2000, 'At most 2000 characters');

export const reasonSchema = z.object({ id: idSchema, kind: reasonKindSchema, name: z.string(), position: z.number().int() });
export type Reason = z.infer<typeof reasonSchema>;
export const reasonListSchema = z.object({
  items: z.array(reasonSchema.extend({ customers: z.number().int().describe('Customers with this reason recorded (or marked lost with it)') })),
});
export const reasonListQuerySchema = z.object({ kind: reasonKindSchema.optional() });
export const createReasonSchema = z.object({ kind: reasonKindSchema, name });
export const updateReasonSchema = z.object({ name: name.optional(), position: z.number().int().min(0).max(10_000).optional() });
export const reasonIdParamsSchema = z.object({ reasonId: idSchema });
export const deleteReasonQuerySchema = z.object({
  moveTo: idSchema.optional().describe('The reason (of the same kind) that takes the entries of the deleted one; required when it has any'),
});
export const mergeReasonSchema = z.object({ intoId: idSchema.describe('The reason that remains and takes every entry') });
export const movedSchema = z.object({ moved: z.number().int().describe('Entries moved to the other reason') });

export const customerReasonSchema = z.object({
  id: idSchema,
  kind: reasonKindSchema,
  reason: z.object({ id: idSchema, name: z.string() }),
  notedOn: isoDate,
  recordedBy: z.object({ id: idSchema, name: z.string() }).nullable().describe('null: the customer answered a survey, or an import'),
  via: z.enum(REASON_VIA),
  words: z.string().nullable().describe("The customer's own words, as plain text"),
  createdAt: isoTimestampSchema,
});
export type CustomerReason = z.infer<typeof customerReasonSchema>;
export const lostSchema = z.object({
  at: isoTimestampSchema,
  reason: z.object({ id: idSchema, name: z.string() }).nullable(),
  note: z.string().nullable(),
});
export const customerReasonsSchema = z.object({
  items: z.array(customerReasonSchema).describe('Newest first'),
  lost: lostSchema.nullable().describe('Set when a person marked the customer lost'),
});
export type CustomerReasons = z.infer<typeof customerReasonsSchema>;
export const addCustomerReasonSchema = z.object({
  reasonId: idSchema,
  kind: reasonKindSchema.default('choose').describe('What the reason answers; it must be a reason of this kind'),
  notedOn: isoDate.optional().describe('The day they said it; today by default'),
  words: words.optional(),
  via: z.enum(REASON_VIA).default('staff'),
});
export const customerReasonParamsSchema = z.object({ customerId: idSchema, entryId: idSchema });
export const markLostSchema = z.object({ reasonId: idSchema.describe('An exit reason'), note: words.optional() });

const period = {
  from: isoDate.optional().describe('First day noted (inclusive)'),
  to: isoDate.optional().describe('Last day noted (inclusive)'),
};
export const reasonsReportQuerySchema = z.object(period);

const count = z.number().int();
const share = z.number().describe('0–1 of the customers in the group who gave any reason of this kind');
export const reasonsReportRowSchema = z.object({
  reasonId: idSchema,
  reason: z.string(),
  customers: count.describe('Distinct customers who gave this reason in the period'),
  share,
  byTier: z.object({ gold: count, silver: count, other: count }),
  tierShare: z.object({ gold: share, silver: share, other: share }),
  bySegment: z.record(z.string(), count).describe('RFM segment → customers; "none" without metrics'),
  byMonth: z.record(z.string(), count).describe('YYYY-MM → customers'),
});
export const reasonsReportSchema = z.object({
  from: isoDate.nullable(),
  to: isoDate.nullable(),
  customers: count.describe('Distinct customers who gave any reason'),
  tierCustomers: z.object({ gold: count, silver: count, other: count }),
  months: z.array(z.string()),
  segments: z.array(z.string()),
  rows: z.array(reasonsReportRowSchema).describe('Most given first'),
  headline: z.object({
    gold: z.object({ reason: z.string(), share }).nullable().describe("Gold customers' most given reason"),
    rest: z.object({ reason: z.string(), share }).nullable().describe("Everyone else's most given reason"),
  }),
});
export type ReasonsReport = z.infer<typeof reasonsReportSchema>;

const money = z.number().int().describe('Minor units of the workspace currency');
export const exitReportRowSchema = z.object({
  reasonId: idSchema,
  reason: z.string(),
  customers: count.describe('Distinct customers who left for this reason in the period'),
  share,
  lost: count.describe('Of those, marked lost now'),
  byTier: z.object({ gold: count, silver: count, other: count }),
  byMonth: z.record(z.string(), count),
  valueLost365: money.describe('Their revenue over the trailing 365 days, as last computed (customer_metrics.revenue_365)'),
  valueLostLifetime: money.describe('Their lifetime revenue'),
});
export const exitReportSchema = z.object({
  from: isoDate.nullable(),
  to: isoDate.nullable(),
  currency: z.string(),
  customers: count,
  months: z.array(z.string()),
  rows: z.array(exitReportRowSchema).describe('Most value lost first'),
  valueLost365: money,
  valueLostLifetime: money,
});
export type ExitReport = z.infer<typeof exitReportSchema>;
