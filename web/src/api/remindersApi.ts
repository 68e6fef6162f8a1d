import { calendarFeedSchema, reminderSettingsSchema, type reminderSettingsInputSchema } from '@contracts/today.ts';
import { z } from 'zod';
import { request } from './apiClient.ts';

/** {ok: true} or an empty 204: either way it is gone. */
const done = z.unknown();

export type ReminderSettings = z.output<typeof reminderSettingsSchema>;
export type ReminderSettingsInput = z.input<typeof reminderSettingsInputSchema>;

/** The signed-in user's reminders: the daily digest, and the secret calendar feed of their follow-ups. */
export const remindersApi = {
  get: (signal?: AbortSignal) => request('GET', '/me/reminders', { signal, schema: reminderSettingsSchema }),
  save: (body: ReminderSettingsInput) => request('PUT', '/me/reminders', { body, schema: reminderSettingsSchema }),
  /** Makes the feed, or a new one in place of the old (which then answers 404). The URL is shown only now. */
  makeFeed: () => request('POST', '/me/calendar-feed', { schema: calendarFeedSchema }),
  removeFeed: () => request('DELETE', '/me/calendar-feed', { schema: done }),
};
