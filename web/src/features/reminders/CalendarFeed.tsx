import { Button, Group, Stack, Text } from '@mantine/core';
import { IconLink, IconLinkOff, IconRefresh } from '@tabler/icons-react';
import { useState } from 'react';
import { useT } from '../../i18n/i18nContext.ts';
import { ConfirmModal } from '../../ui/ConfirmModal.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { CalendarFeedUrl } from './CalendarFeedUrl.tsx';
import { useMakeCalendarFeed, useRemoveCalendarFeed } from './useReminders.ts';

/** The calendar feed of one's follow-ups: make the link (shown once), reset it (the old one stops working), remove it. */
export function CalendarFeed({ exists }: { exists: boolean }) {
  const t = useT();
  const make = useMakeCalendarFeed();
  const remove = useRemoveCalendarFeed();
  const [asking, setAsking] = useState<'reset' | 'remove' | null>(null);
  const [url, setUrl] = useState<string | null>(null);
  const makeLink = () => make.mutate(undefined, { onSuccess: (feed) => { setUrl(feed.url); setAsking(null); } });

  return (
    <Stack gap="sm">
      <Stack gap={2}>
        <Text size="sm" fw={600}>{t('reminders.feed.title')}</Text>
        <Text size="xs" c="dimmed">{t('reminders.feed.text')}</Text>
      </Stack>
      {make.error && !asking && <ErrorAlert error={make.error} onClose={() => make.reset()} />}
      {remove.error && !asking && <ErrorAlert error={remove.error} onClose={() => remove.reset()} />}
      {url && exists ? <CalendarFeedUrl url={url} /> : <Text size="sm" c={exists ? undefined : 'dimmed'}>{t(exists ? 'reminders.feed.exists' : 'reminders.feed.none')}</Text>}
      <Group gap="xs">
        {exists ? (
          <>
            <Button size="xs" variant="default" leftSection={<IconRefresh size={14} aria-hidden />} onClick={() => setAsking('reset')}>{t('reminders.feed.reset')}</Button>
            <Button size="xs" variant="default" color="red" leftSection={<IconLinkOff size={14} aria-hidden />} onClick={() => setAsking('remove')}>{t('reminders.feed.remove')}</Button>
          </>
        ) : (
          <Button size="xs" variant="light" leftSection={<IconLink size={14} aria-hidden />} loading={make.isPending} onClick={makeLink}>{t('reminders.feed.make')}</Button>
        )}
      </Group>
      <ConfirmModal opened={asking === 'reset'} title={t('reminders.feed.resetTitle')} confirmLabel={t('reminders.feed.reset')} danger loading={make.isPending} onCancel={() => setAsking(null)} onConfirm={makeLink}>
        <Text size="sm">{t('reminders.feed.resetText')}</Text>
        {make.error && <ErrorAlert error={make.error} />}
      </ConfirmModal>
      <ConfirmModal
        opened={asking === 'remove'}
        title={t('reminders.feed.removeTitle')}
        confirmLabel={t('reminders.feed.remove')}
        danger
        loading={remove.isPending}
        onCancel={() => setAsking(null)}
        onConfirm={() => remove.mutate(undefined, { onSuccess: () => { setUrl(null); setAsking(null); } })}
      >
        <Text size="sm">{t('reminders.feed.removeText')}</Text>
        {remove.error && <ErrorAlert error={remove.error} />}
      </ConfirmModal>
    </Stack>
  );
}
