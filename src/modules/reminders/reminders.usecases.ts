import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { timeZoneSchema } from '../../contracts/common.ts';
import type { reminderSettingsInputSchema, reminderSettingsSchema } from '../../contracts/today.ts';
import { toDbTime } from '../../db/dialect.ts';
import type { DB, UserRemindersTable } from '../../db/schema.ts';
import type { Clock } from '../../shared/clock.ts';
import { fieldError } from '../../shared/errors.ts';
import type { Actor } from '../auth/permissions.ts';
import { hashToken } from '../surveys/survey-tokens.ts';
import { serializeCalendar } from './ics.ts';
import { createRemindersRepository } from './reminders.repository.ts';

export interface RemindersDeps {
  db: Kysely<DB>;
  clock: Clock;
  publicUrl: string;
}

export type ReminderSettings = z.infer<typeof reminderSettingsSchema>;
export const DEFAULT_DIGEST_HOUR = 8;
/** More than anyone has open; a calendar client downloads the whole feed on every poll. */
const FEED_LIMIT = 2000;

export const isTimeZone = (zone: string) => timeZoneSchema.safeParse(zone).success;

function defaults(actor: Actor, now: Date): UserRemindersTable {
  return { workspace_id: actor.workspaceId, user_id: actor.userId, digest_enabled: 1, digest_hour: DEFAULT_DIGEST_HOUR, time_zone: null, calendar_token_hash: null, updated_at: toDbTime(now) };
}

export async function getReminderSettings(deps: RemindersDeps, actor: Actor): Promise<ReminderSettings> {
  const repo = createRemindersRepository(deps.db);
  const row = (await repo.settings(actor.workspaceId, actor.userId)) ?? defaults(actor, deps.clock.now());
  return {
    digestEnabled: row.digest_enabled === 1,
    digestHour: row.digest_hour,
    timeZone: row.time_zone,
    effectiveTimeZone: row.time_zone ?? (await repo.workspaceZone(actor.workspaceId)),
    calendarFeed: !!row.calendar_token_hash,
  };
}

export async function saveReminderSettings(deps: RemindersDeps, actor: Actor, input: z.output<typeof reminderSettingsInputSchema>): Promise<ReminderSettings> {
  const zone = typeof input.timeZone === 'string' ? input.timeZone.trim() || null : input.timeZone;
  if (zone && !isTimeZone(zone)) throw fieldError('timeZone', 'unknown_time_zone', `Unknown time zone: ${zone}`);
  const repo = createRemindersRepository(deps.db);
  const now = deps.clock.now();
  const row = (await repo.settings(actor.workspaceId, actor.userId)) ?? defaults(actor, now);
  await repo.saveSettings({
    ...row,
    ...(input.digestEnabled !== undefined && { digest_enabled: input.digestEnabled ? 1 : 0 }),
    ...(input.digestHour !== undefined && { digest_hour: input.digestHour }),
    ...(zone !== undefined && { time_zone: zone }),
    updated_at: toDbTime(now),
  });
  return getReminderSettings(deps, actor);
}

export const calendarFeedUrl = (publicUrl: string, token: string) => `${publicUrl}/calendar/${token}.ics`;

/**
 * Makes the feed's secret, replacing any earlier one (whose URL then answers 404). Like a survey
 * token it starts with the workspace id and only its SHA-256 is stored, so it is shown only now.
 */
export async function resetCalendarFeed(deps: RemindersDeps, actor: Actor): Promise<{ url: string }> {
  const repo = createRemindersRepository(deps.db);
  const now = deps.clock.now();
  const token = `${actor.workspaceId}.${randomBytes(24).toString('base64url')}`;
  const row = (await repo.settings(actor.workspaceId, actor.userId)) ?? defaults(actor, now);
  await repo.saveSettings({ ...row, calendar_token_hash: hashToken(token), updated_at: toDbTime(now) });
  return { url: calendarFeedUrl(deps.publicUrl, token) };
}

export async function deleteCalendarFeed(deps: RemindersDeps, actor: Actor): Promise<void> {
  const repo = createRemindersRepository(deps.db);
  const row = await repo.settings(actor.workspaceId, actor.userId);
  if (row?.calendar_token_hash) await repo.saveSettings({ ...row, calendar_token_hash: null, updated_at: toDbTime(deps.clock.now()) });
}

const KIND_LABEL: Record<string, Record<string, string>> = {
  en: { call: 'Call', email: 'Email', visit: 'Visit', other: 'Follow up' },
  ru: { call: 'Звонок', email: 'Письмо', visit: 'Встреча', other: 'Связаться' },
};
const CALENDAR_NAME: Record<string, string> = { en: 'Rapport follow-ups', ru: 'Rapport: напоминания' };
const PROFILE: Record<string, string> = { en: 'Customer profile', ru: 'Карточка клиента' };
const TEAM: Record<string, string> = { en: 'for the team', ru: 'для всей команды' };

export const customerLink = (publicUrl: string, customerId: string) => `${publicUrl}/customers/${customerId}`;

/**
 * The iCalendar feed behind a secret: the user's and the team's open follow-ups as all-day
 * events, in the user's language. Null (→ 404) for a malformed, unknown or reset secret, a
 * secret under another workspace's id, or a disabled user.
 */
export async function calendarFeed(deps: RemindersDeps, fileName: string): Promise<string | null> {
  const token = fileName.endsWith('.ics') ? fileName.slice(0, -'.ics'.length) : null;
  if (!token || token.length > 200 || !/^[0-9a-f-]{36}\.[A-Za-z0-9_-]{32}$/.test(token)) return null;
  const repo = createRemindersRepository(deps.db);
  const owner = await repo.byCalendarHash(hashToken(token));
  if (!owner || !token.startsWith(`${owner.workspace_id}.`) || owner.disabled_at) return null;
  const lang = owner.locale === 'ru' ? 'ru' : 'en';
  const followUps = await repo.openFollowUpsFor(owner.workspace_id, owner.user_id, FEED_LIMIT);
  return serializeCalendar({
    prodId: '-//Rapport//Follow-ups//EN',
    name: `${CALENDAR_NAME[lang]} – ${owner.name}`,
    timeZone: owner.time_zone ?? owner.workspace_time_zone,
    stamp: deps.clock.now(),
    events: followUps.map((f) => {
      const link = customerLink(deps.publicUrl, f.customer_id);
      const lines = [f.note, f.assignee_id ? null : `(${TEAM[lang]})`, `${PROFILE[lang]}: ${link}`].filter((l): l is string => !!l);
      return {
        uid: `${f.id}@rapport`,
        day: f.due_on,
        summary: `${KIND_LABEL[lang]![f.kind] ?? f.kind}: ${f.display_name}`,
        description: lines.join('\n'),
        url: link,
        status: 'CONFIRMED' as const,
        lastModified: new Date(f.updated_at),
      };
    }),
  });
}
