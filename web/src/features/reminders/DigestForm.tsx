import { Select, Stack, Switch } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { ReminderSettings } from '../../api/remindersApi.ts';
import { useI18n } from '../../i18n/i18nContext.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { SaveBar } from '../../ui/SaveBar.tsx';
import { TimeZoneSelect } from '../../ui/TimeZoneSelect.tsx';
import { useSession } from '../auth/useSession.ts';
import { hourOptions } from './hours.ts';
import { useSaveReminders } from './useReminders.ts';

/** The morning email: on or off, at what hour, in which time zone (the workspace's unless one is chosen). */
export function DigestForm({ settings }: { settings: ReminderSettings }) {
  const { t, locale } = useI18n();
  const { workspace } = useSession();
  const save = useSaveReminders();
  const [enabled, setEnabled] = useState(settings.digestEnabled);
  const [hour, setHour] = useState(String(settings.digestHour));
  const [timeZone, setTimeZone] = useState(settings.timeZone ?? '');
  const [saved, setSaved] = useState(false);
  const changed = () => setSaved(false);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    event.stopPropagation();
    save.mutate({ digestEnabled: enabled, digestHour: Number(hour), timeZone: timeZone || null }, { onSuccess: () => setSaved(true) });
  };
  return (
    <form noValidate onSubmit={submit}>
      <Stack gap="md">
        {save.error && <ErrorAlert error={save.error} />}
        <Switch
          checked={enabled}
          onChange={(event) => { setEnabled(event.currentTarget.checked); changed(); }}
          label={t('reminders.digest')}
          description={t('reminders.digestHint')}
        />
        <Select
          w={160}
          label={t('reminders.hour')}
          allowDeselect={false}
          disabled={!enabled}
          data={hourOptions(locale)}
          value={hour}
          onChange={(next) => { if (next) setHour(next); changed(); }}
        />
        <TimeZoneSelect
          maw={460}
          label={t('reminders.timeZone')}
          description={t('reminders.timeZoneHint')}
          emptyLabel={t('reminders.workspaceZone', { zone: workspace.timeZone })}
          value={timeZone}
          onChange={(next) => { setTimeZone(next); changed(); }}
        />
        <SaveBar label={t('reminders.save')} loading={save.isPending} savedMessage={saved ? t('reminders.saved') : null} />
      </Stack>
    </form>
  );
}
