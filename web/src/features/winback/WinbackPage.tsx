import { Alert, Card, Group, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconCircleCheck, IconHeartHandshake } from '@tabler/icons-react';
import { useState } from 'react';
import type { WinbackFilter } from '../../api/winbackApi.ts';
import { useT } from '../../i18n/i18nContext.ts';
import { useFormat } from '../../i18n/useFormat.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { TableSkeleton } from '../../ui/LoadingState.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { StatTile } from '../../ui/StatTile.tsx';
import { can } from '../auth/permissions.ts';
import { useSession } from '../auth/useSession.ts';
import { SendRefusalAlert } from '../sendEmail/SendRefusalAlert.tsx';
import { WinbackFilters } from './WinbackFilters.tsx';
import { type WinbackOutcome } from './WinbackRowActions.tsx';
import { WinbackTable } from './WinbackTable.tsx';
import { useWinbackQueue } from './useWinback.ts';

/** Gold and silver customers who are drifting away, what they are worth, and one click to reach out. */
export function WinbackPage() {
  const t = useT();
  const format = useFormat();
  const { user } = useSession();
  const [filter, setFilter] = useState<WinbackFilter>({ hideContacted: false });
  const [outcome, setOutcome] = useState<WinbackOutcome | null>(null);
  const queue = useWinbackQueue(filter);
  const data = queue.data;
  const filtered = filter.tier !== undefined || filter.state !== undefined || filter.hideContacted;

  return (
    <>
      <PageHeader
        title={t('winback.title')}
        description={t('winback.description')}
        actions={
          data && <StatTile label={t('winback.total')} value={format.money(data.valueAtStakeMinor, data.currency)} hint={t('winback.totalHint', { count: data.items.length })} />
        }
      />
      <Stack gap="md">
        <WinbackFilters filter={filter} onChange={setFilter} />
        {outcome?.ok === true && (
          <Alert color="teal" variant="light" icon={<IconCircleCheck aria-hidden />} role="status" withCloseButton closeButtonLabel={t('common.close')} onClose={() => setOutcome(null)}>
            {outcome.text}
          </Alert>
        )}
        {outcome?.ok === false && (
          <Stack gap={4}>
            <Text size="sm" fw={600}>
              {t('winback.failedFor', { name: outcome.name })}
            </Text>
            <SendRefusalAlert error={outcome.error} onClose={() => setOutcome(null)} />
          </Stack>
        )}
        {queue.isPending && <TableSkeleton rows={5} />}
        {queue.isError && <ErrorAlert error={queue.error} onRetry={() => void queue.refetch()} />}
        {data?.items.length === 0 && <WinbackEmpty filtered={filtered} />}
        {data && data.items.length > 0 && (
          <Card withBorder radius="lg" p={0}>
            <WinbackTable items={data.items} currency={data.currency} canWrite={can(user.role, 'writeCustomers')} onOutcome={setOutcome} />
          </Card>
        )}
      </Stack>
    </>
  );
}

function WinbackEmpty({ filtered }: { filtered: boolean }) {
  const t = useT();
  return (
    <Card withBorder radius="lg" p="xl">
      <Group gap="md" wrap="nowrap" align="flex-start">
        <ThemeIcon size={44} radius="xl" variant="light" color="teal" aria-hidden>
          <IconHeartHandshake size={22} />
        </ThemeIcon>
        <div>
          <Title order={2} fz="lg" mb={4}>
            {t(filtered ? 'winback.empty.filteredTitle' : 'winback.empty.title')}
          </Title>
          <Text size="sm" c="dimmed" maw={640}>
            {t('winback.empty.text')}
          </Text>
        </div>
      </Group>
    </Card>
  );
}
