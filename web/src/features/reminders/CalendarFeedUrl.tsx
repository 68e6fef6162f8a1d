import { ActionIcon, Alert, CopyButton, Group, Stack, Text, TextInput, Tooltip } from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';
import { useT } from '../../i18n/i18nContext.ts';

/** The feed's secret URL, shown once: copy it, and how to add it to a calendar app. */
export function CalendarFeedUrl({ url }: { url: string }) {
  const t = useT();
  return (
    <Alert variant="light" color="blue" title={t('reminders.feed.shownOnce')}>
      <Stack gap="xs">
        <Group gap={6} wrap="nowrap" align="flex-end">
          <TextInput
            label={t('reminders.feed.url')}
            value={url}
            readOnly
            onFocus={(event) => event.currentTarget.select()}
            style={{ flex: 1 }}
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 12 } }}
          />
          <CopyButton value={url}>
            {({ copied, copy }) => (
              <Tooltip label={copied ? t('reminders.feed.copied') : t('reminders.feed.copy')} withArrow>
                <ActionIcon size="lg" variant={copied ? 'filled' : 'default'} color={copied ? 'teal' : undefined} onClick={copy} aria-label={t('reminders.feed.copy')}>
                  {copied ? <IconCheck size={16} aria-hidden /> : <IconCopy size={16} aria-hidden />}
                </ActionIcon>
              </Tooltip>
            )}
          </CopyButton>
        </Group>
        <Text size="xs">{t('reminders.feed.google')}</Text>
        <Text size="xs">{t('reminders.feed.thunderbird')}</Text>
      </Stack>
    </Alert>
  );
}
