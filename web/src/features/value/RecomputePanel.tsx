import { Button, Group, Paper, Progress, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconRefresh } from '@tabler/icons-react';
import { useT } from '../../i18n/i18nContext.ts';
import { useFormat } from '../../i18n/useFormat.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { can } from '../auth/permissions.ts';
import { useSession } from '../auth/useSession.ts';
import { isRunning, useRecompute, useRecomputeStatus } from './useAnalytics.ts';

/** When the numbers were computed, whether they are out of date, and a button to compute them again, with live progress. */
export function RecomputePanel() {
  const t = useT();
  const format = useFormat();
  const { user } = useSession();
  const status = useRecomputeStatus();
  const recompute = useRecompute();
  const data = status.data;
  const running = isRunning(data);
  const percent = format.percent(data?.progress ?? 0);

  return (
    <Paper withBorder radius="lg" p="md" mb="lg" component="section" aria-label={t('value.status.title')}>
      <Group justify="space-between" gap="md" wrap="wrap">
        <Stack gap={4} miw={0} style={{ flex: 1 }}>
          <Text size="sm" fw={600} role="status" aria-live="polite">
            {!data && t('common.loading')}
            {data && running && t(data.state === 'pending' ? 'value.status.pending' : 'value.status.running', { percent })}
            {data && !running && data.state === 'failed' && t('value.status.failed')}
            {data && !running && data.state === 'idle' && (data.computedAt ? t('value.status.computed', { time: format.dateTime(data.computedAt) }) : t('value.status.never'))}
          </Text>
          {running && <Progress value={(data?.progress ?? 0) * 100} size="md" animated aria-label={t('value.status.progress')} maw={420} />}
          {data?.state === 'failed' && data.error && (
            <Text size="xs" c="red.8">
              {data.error}
            </Text>
          )}
          {!running && data?.staleSince && (
            <Group gap={6} wrap="nowrap">
              <IconAlertTriangle size={14} color="var(--mantine-color-orange-7)" aria-hidden />
              <Text size="xs" c="orange.9">
                {t('value.status.stale', { time: format.dateTime(data.staleSince) })}
              </Text>
            </Group>
          )}
          {!running && !data?.staleSince && data?.computedAt && (
            <Text size="xs" c="dimmed">
              {t('value.status.upToDate')}
            </Text>
          )}
        </Stack>
        {can(user.role, 'writeCustomers') && (
        <Button leftSection={<IconRefresh size={16} aria-hidden />} onClick={() => recompute.mutate(false)} loading={recompute.isPending} disabled={running} variant={data?.staleSince || !data?.computedAt ? 'filled' : 'light'}>
          {t('value.status.recompute')}
        </Button>
        )}
      </Group>
      {status.isError && <ErrorAlert error={status.error} onRetry={() => void status.refetch()} />}
      {recompute.isError && <ErrorAlert error={recompute.error} onClose={() => recompute.reset()} />}
    </Paper>
  );
}
