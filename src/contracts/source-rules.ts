import { z } from 'zod';
import { idSchema } from './common.ts';

/**
 * The rules a workspace starts with: utm values → a default source (named by its English
 * channel and name, found in the workspace's own language). First match wins, so the specific
 * rules (google + cpc) come before the general ones (any cpc). Editable afterwards.
 */
export const DEFAULT_SOURCE_RULES: { utmSource?: string; utmMedium?: string; utmCampaign?: string; source: { channel: string; name: string } }[] = [
  { utmSource: 'google', utmMedium: 'cpc', source: { channel: 'Online', name: 'Online ad' } },
  { utmSource: 'yandex', utmMedium: 'cpc', source: { channel: 'Online', name: 'Online ad' } },
  { utmSource: 'bing', utmMedium: 'cpc', source: { channel: 'Online', name: 'Online ad' } },
  { utmSource: 'google', utmMedium: 'organic', source: { channel: 'Online', name: 'Search engine' } },
  { utmSource: 'yandex', utmMedium: 'organic', source: { channel: 'Online', name: 'Search engine' } },
  { utmSource: 'instagram', source: { channel: 'Online', name: 'Instagram' } },
  { utmSource: 'ig', source: { channel: 'Online', name: 'Instagram' } },
  { utmSource: 'facebook', source: { channel: 'Online', name: 'Facebook' } },
  { utmSource: 'fb', source: { channel: 'Online', name: 'Facebook' } },
  { utmSource: 'vk', source: { channel: 'Online', name: 'VK' } },
  { utmSource: 'vkontakte', source: { channel: 'Online', name: 'VK' } },
  { utmMedium: 'email', source: { channel: 'Online', name: 'Email newsletter' } },
  { utmMedium: 'newsletter', source: { channel: 'Online', name: 'Email newsletter' } },
  { utmSource: 'newsletter', source: { channel: 'Online', name: 'Email newsletter' } },
  { utmMedium: 'cpc', source: { channel: 'Online', name: 'Online ad' } },
  { utmMedium: 'ppc', source: { channel: 'Online', name: 'Online ad' } },
  { utmMedium: 'display', source: { channel: 'Online', name: 'Online ad' } },
  { utmMedium: 'organic', source: { channel: 'Online', name: 'Search engine' } },
];

const condition = z.string().trim().min(1).max(200).nullable().optional();

export const sourceRuleSchema = z.object({
  utmSource: z.string().nullable(),
  utmMedium: z.string().nullable(),
  utmCampaign: z.string().nullable(),
  sourceId: idSchema,
  source: z.object({ channel: z.string(), name: z.string() }),
});
export type SourceRule = z.infer<typeof sourceRuleSchema>;
export const sourceRuleListSchema = z.object({
  items: z.array(sourceRuleSchema).describe('In order: the first rule whose every condition equals the row’s value (any case) gives the source'),
});

export const sourceRuleInputSchema = z
  .object({
    utmSource: condition.describe('utm_source equals this (any case); left out: any'),
    utmMedium: condition,
    utmCampaign: condition,
    sourceId: idSchema.describe('The source the matching customers came from'),
  })
  .refine((r) => Boolean(r.utmSource || r.utmMedium || r.utmCampaign), { message: 'A rule needs at least one of utmSource, utmMedium, utmCampaign' });
export const replaceSourceRulesSchema = z.object({ items: z.array(sourceRuleInputSchema).max(500) });
