import { Divider, Stack } from '@mantine/core';
import { useT } from '../../i18n/i18nContext.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { LoadingState } from '../../ui/LoadingState.tsx';
import { Panel } from '../../ui/Panel.tsx';
import { CalendarFeed } from './CalendarFeed.tsx';
import { DigestForm } from './DigestForm.tsx';
import { useReminderSettings } from './useReminders.ts';

/** My account → Reminders: the daily digest email and the calendar feed of one's follow-ups. */
export function RemindersCard() {
  const t = useT();
  const settings = useReminderSettings();
  return (
    <Panel size="lg" title={t('reminders.title')} description={t('reminders.description')}>
      {settings.isPending && <LoadingState />}
      {settings.isError && <ErrorAlert error={settings.error} onRetry={() => void settings.refetch()} />}
      {settings.data && (
        <Stack gap="lg">
          <DigestForm settings={settings.data} />
          <Divider />
          <CalendarFeed exists={settings.data.calendarFeed} />
        </Stack>
      )}
    </Panel>
  );
}
