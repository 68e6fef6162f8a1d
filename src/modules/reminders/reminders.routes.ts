import { z } from 'zod';
import { okSchema } from '../../contracts/common.ts';
import { calendarFeedSchema, reminderSettingsInputSchema, reminderSettingsSchema } from '../../contracts/today.ts';
import { actorOf } from '../../server/auth.plugin.ts';
import { errors } from '../../server/responses.ts';
import type { App, AppDeps } from '../../server/types.ts';
import { notFound } from '../../shared/errors.ts';
import { throttlePublic } from '../auth/public-throttle.ts';
import { calendarFeed, deleteCalendarFeed, getReminderSettings, resetCalendarFeed, saveReminderSettings, type RemindersDeps } from './reminders.usecases.ts';

const remindersDeps = (deps: AppDeps): RemindersDeps => ({ db: deps.database.db, clock: deps.clock, publicUrl: deps.config.publicUrl });
/** Nothing to send: POST makes a new secret (the old URL stops working). */
const resetFeedSchema = z.object({}).strict().nullish();

export function remindersRoutes(app: App, deps: AppDeps): void {
  const base = remindersDeps(deps);

  app.get('/me/reminders', {
    config: { access: 'signed_in' },
    schema: { tags: ['me'], summary: 'My daily digest and calendar feed settings', response: { 200: reminderSettingsSchema, ...errors(401) } },
  }, async (request) => getReminderSettings(base, actorOf(request)));

  app.put('/me/reminders', {
    config: { access: 'signed_in', sessionOnly: true },
    schema: { tags: ['me'], summary: 'Change my daily digest (on/off, hour) and my time zone', body: reminderSettingsInputSchema, response: { 200: reminderSettingsSchema, ...errors(400, 401, 403) } },
  }, async (request) => saveReminderSettings(base, actorOf(request), request.body));

  app.post('/me/calendar-feed', {
    config: { access: 'signed_in', sessionOnly: true },
    schema: { tags: ['me'], summary: 'Make (or reset) the secret URL of my follow-ups as an iCalendar feed', body: resetFeedSchema, response: { 200: calendarFeedSchema, ...errors(401, 403) } },
  }, async (request) => resetCalendarFeed(base, actorOf(request)));

  app.delete('/me/calendar-feed', {
    config: { access: 'signed_in', sessionOnly: true },
    schema: { tags: ['me'], summary: 'Turn off my calendar feed (its URL answers 404)', response: { 200: okSchema, ...errors(401, 403) } },
  }, async (request) => {
    await deleteCalendarFeed(base, actorOf(request));
    return { ok: true as const };
  });
}

const WINDOW_MS = 15 * 60_000;
const MAX_PER_WINDOW = 60;

/**
 * The calendar feed a calendar app subscribes to (on the route guard's allow-list): the secret
 * in the URL is the only credential, so anything wrong about it is a plain 404.
 */
export function calendarFeedRoutes(app: App, deps: AppDeps): void {
  const base = remindersDeps(deps);
  app.get('/calendar/:token', { config: { access: 'public' }, schema: { hide: true, params: z.object({ token: z.string().max(300) }) } }, async (request, reply) => {
    await throttlePublic(base, `calendar:${request.ip}`, MAX_PER_WINDOW, WINDOW_MS);
    const ics = await calendarFeed(base, request.params.token);
    if (ics === null) throw notFound('calendar_feed');
    return reply.type('text/calendar; charset=utf-8').header('cache-control', 'no-store').header('content-disposition', 'inline; filename="rapport.ics"').send(ics);
  });
}
