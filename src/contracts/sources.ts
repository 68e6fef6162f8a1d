import { z } from 'zod';
import { idSchema } from './common.ts';

type Words = { en: string; ru: string };

/**
 * The taxonomy a new workspace starts with: channel → source, in the workspace's language.
 * Editable and mergeable afterwards; a customer with no source stays unknown (never a default).
 */
export const DEFAULT_SOURCES: { channel: Words; sources: Words[] }[] = [
  { channel: { en: 'Referral', ru: 'Рекомендация' }, sources: [
    { en: 'Friend or family', ru: 'Друг или родственник' },
    { en: 'Existing customer', ru: 'Наш клиент' },
    { en: 'Partner', ru: 'Партнёр' },
  ] },
  { channel: { en: 'Online', ru: 'Интернет' }, sources: [
    { en: 'Search engine', ru: 'Поисковик' },
    { en: 'Instagram', ru: 'Instagram' },
    { en: 'Facebook', ru: 'Facebook' },
    { en: 'VK', ru: 'ВКонтакте' },
    { en: 'Our website', ru: 'Наш сайт' },
    { en: 'Email newsletter', ru: 'Рассылка' },
    { en: 'Marketplace', ru: 'Маркетплейс' },
    { en: 'Online ad', ru: 'Реклама в интернете' },
  ] },
  { channel: { en: 'Offline', ru: 'Офлайн' }, sources: [
    { en: 'Street sign', ru: 'Вывеска' },
    { en: 'Walked past', ru: 'Проходил мимо' },
    { en: 'Flyer', ru: 'Листовка' },
    { en: 'Print ad', ru: 'Реклама в прессе' },
    { en: 'Radio', ru: 'Радио' },
  ] },
  { channel: { en: 'Event', ru: 'Мероприятие' }, sources: [
    { en: 'Trade fair', ru: 'Выставка' },
    { en: 'Workshop', ru: 'Мастер-класс' },
  ] },
  { channel: { en: 'Other', ru: 'Другое' }, sources: [{ en: 'Other', ru: 'Другое' }] },
];

const name = z.string().trim().min(1).max(80);

export const sourceSchema = z.object({ id: idSchema, channel: z.string(), name: z.string() });
export type Source = z.infer<typeof sourceSchema>;
export const sourceListSchema = z.object({
  items: z.array(sourceSchema.extend({ customers: z.number().int().describe('Customers acquired through this source') })),
});
export const createSourceSchema = z.object({ channel: name, name });
export const updateSourceSchema = createSourceSchema.partial();
export const sourceIdParamsSchema = z.object({ sourceId: idSchema });
export const deleteSourceQuerySchema = z.object({
  moveTo: idSchema.optional().describe('The source that takes the customers of the deleted one; required when it has any'),
});
export const mergeSourceSchema = z.object({ intoId: idSchema.describe('The source that remains and takes every customer') });

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'A date as YYYY-MM-DD');
export const acquisitionSchema = z.object({
  source: sourceSchema.nullable().describe('How they first found us; null is unknown'),
  acquiredOn: isoDate.nullable(),
  campaign: z.object({ id: idSchema, name: z.string() }).nullable().describe('The campaign that brought them, when known'),
});
export type Acquisition = z.infer<typeof acquisitionSchema>;
export const setAcquisitionSchema = z.object({
  sourceId: idSchema.nullable(),
  acquiredOn: isoDate.nullable().optional(),
  campaignId: idSchema.nullable().optional().describe('Left out: the campaign stays as it is'),
});
export const bulkAcquisitionSchema = z.object({
  customerIds: z.array(idSchema).min(1).max(10_000),
  sourceId: idSchema.nullable(),
  acquiredOn: isoDate.nullable().optional(),
});
