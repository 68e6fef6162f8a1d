import { z } from 'zod';
import { idSchema, isoTimestampSchema, localeSchema } from './common.ts';
import { followUpSchema } from './followups.ts';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'A date as YYYY-MM-DD');

export const TODAY_SECTIONS = ['followUpsDue', 'thanksOwed', 'goldDrifting', 'lapsedToAsk', 'keyDates', 'newCustomers'] as const;
export const todaySectionSchema = z.enum(TODAY_SECTIONS);
export type TodaySection = z.infer<typeof todaySectionSchema>;
/** Sections without a state of their own, whose items are marked done in queue_done. */
export const ACKNOWLEDGED_SECTIONS = ['goldDrifting', 'lapsedToAsk', 'keyDates', 'newCustomers'] as const;

/** One item of the queue: who, why (one sentence), and what the one-click actions need. */
export const todayItemSchema = z.object({
  section: todaySectionSchema,
  /** Stable within the section; the key "done" is recorded under. */
  key: z.string(),
  customerId: idSchema,
  customerName: z.string(),
  reason: z.string().describe('Why it is here, one sentence in the reader’s language'),
  tier: z.enum(['gold', 'silver', 'other']).nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  valueAtStakeMinor: z.number().int().nullable().describe('goldDrifting/lapsedToAsk: predicted CLV, else trailing revenue'),
  /** followUpsDue: the follow-up. */
  followUp: followUpSchema.optional(),
  /** thanksOwed: the owed item's id and rule. */
  owedId: idSchema.optional(),
  rule: z.string().optional(),
  /** keyDates: which date it is. */
  keyDate: z.object({ kind: z.enum(['birthday', 'anniversary', 'attribute']), label: z.string(), date: isoDate, years: z.number().int().nullable() }).optional(),
  day: isoDate.describe('The day the item is about (due day, occasion, last purchase, date, day added)'),
});
export type TodayItem = z.infer<typeof todayItemSchema>;

const sectionSchema = z.object({ count: z.number().int().describe('All items in the section, even beyond the ones listed'), items: z.array(todayItemSchema) });

export const weekFiguresSchema = z.object({
  revenueMinor: z.number().int(),
  newCustomers: z.number().int(),
  returningCustomers: z.number().int().describe('Customers who bought this week and had bought before it'),
});
export const todayQueueSchema = z.object({
  today: isoDate,
  timeZone: z.string(),
  currency: z.string(),
  scope: z.enum(['mine', 'everyone']),
  sections: z.object({
    followUpsDue: sectionSchema,
    thanksOwed: sectionSchema,
    goldDrifting: sectionSchema,
    lapsedToAsk: sectionSchema,
    keyDates: sectionSchema,
    newCustomers: sectionSchema,
  }),
  week: z.object({
    from: isoDate.describe('Monday of this week'),
    thisWeek: weekFiguresSchema.describe('Monday to today'),
    lastWeek: weekFiguresSchema.describe('The same days of last week'),
  }),
  generatedAt: isoTimestampSchema,
});
export type TodayQueue = z.infer<typeof todayQueueSchema>;
export const todayQuerySchema = z.object({
  scope: z.enum(['mine', 'everyone']).default('everyone'),
  limit: z.coerce.number().int().min(1).max(200).default(50).describe('Items listed per section'),
  lang: localeSchema.optional().describe('Language of the sentences (default: the reader’s, else the workspace’s)'),
});
export const todayDoneSchema = z.object({ section: z.enum(ACKNOWLEDGED_SECTIONS), key: z.string().min(1).max(200), customerId: idSchema });

export const reminderSettingsSchema = z.object({
  digestEnabled: z.boolean(),
  digestHour: z.number().int().min(0).max(23).describe('In the time zone below'),
  timeZone: z.string().nullable().describe('Null: the workspace’s'),
  effectiveTimeZone: z.string(),
  calendarFeed: z.boolean().describe('A calendar feed URL exists (it is shown only when made)'),
});
export const reminderSettingsInputSchema = z.object({
  digestEnabled: z.boolean().optional(),
  digestHour: z.number().int().min(0).max(23).optional(),
  timeZone: z.string().max(64).nullable().optional(),
});
export const calendarFeedSchema = z.object({ url: z.string().describe('Secret: anyone with it reads your follow-ups. Resetting makes a new one and the old one answers 404') });
