import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { queryKeys } from '../../api/queryKeys.ts';
import { remindersApi, type ReminderSettings, type ReminderSettingsInput } from '../../api/remindersApi.ts';

export const useReminderSettings = () => useQuery({ queryKey: queryKeys.reminders, queryFn: ({ signal }) => remindersApi.get(signal) });

export function useSaveReminders() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: (input: ReminderSettingsInput) => remindersApi.save(input), onSuccess: (saved) => queryClient.setQueryData(queryKeys.reminders, saved) });
}

/** Says in the cache whether a feed exists, without reading the settings again. */
function useSetFeed() {
  const queryClient = useQueryClient();
  return (calendarFeed: boolean) => queryClient.setQueryData<ReminderSettings>(queryKeys.reminders, (current) => (current ? { ...current, calendarFeed } : current));
}

/** Makes the calendar feed, or a new one in place of the old; answers the URL, shown only this once. */
export function useMakeCalendarFeed() {
  const setFeed = useSetFeed();
  return useMutation({ mutationFn: () => remindersApi.makeFeed(), onSuccess: () => setFeed(true) });
}

export function useRemoveCalendarFeed() {
  const setFeed = useSetFeed();
  return useMutation({ mutationFn: () => remindersApi.removeFeed(), onSuccess: () => setFeed(false) });
}
