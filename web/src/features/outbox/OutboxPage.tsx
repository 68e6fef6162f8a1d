import { Anchor, Group, NativeSelect, Stack, Text } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import type { EmailStatus } from '../../api/emailApi.ts';
import { useT } from '../../i18n/i18nContext.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { TableSkeleton } from '../../ui/LoadingState.tsx';
import { Panel } from '../../ui/Panel.tsx';
import { usePageTitle } from '../../ui/usePageTitle.ts';
import { OutboxTable } from './OutboxTable.tsx';
import { useOutbox } from './useOutbox.ts';

const STATUSES: readonly EmailStatus[] = ['queued', 'sending', 'sent', 'failed', 'bounced'];

/** Settings → Email → Outbox: every message sent from Rapport, newest first, and what became of it. */
export function OutboxPage() {
  const t = useT();
  usePageTitle(t('outbox.title'));
  const [status, setStatus] = useState<EmailStatus | ''>('');
  const outbox = useOutbox(status || undefined);

  return (
    <Stack gap="md">
      <Anchor component={Link} to="/settings/email" size="sm" w="fit-content">
        <Group gap={4} component="span">
          <IconArrowLeft size={14} aria-hidden />
          {t('outbox.back')}
        </Group>
      </Anchor>
      <Panel
        title={t('outbox.title')}
        description={t('outbox.description')}
        actions={
          <NativeSelect
            label={t('outbox.filter')}
            size="xs"
            value={status}
            onChange={(event) => setStatus(event.currentTarget.value as EmailStatus | '')}
            data={[{ value: '', label: t('outbox.allStatuses') }, ...STATUSES.map((value) => ({ value, label: t(`email.status.${value}`) }))]}
          />
        }
      >
        {outbox.isPending && <TableSkeleton rows={4} />}
        {outbox.isError && <ErrorAlert error={outbox.error} onRetry={() => void outbox.refetch()} />}
        {outbox.data?.length === 0 && (
          <Text size="sm" c="dimmed">
            {t(status ? 'outbox.emptyFiltered' : 'outbox.empty')}
          </Text>
        )}
        {outbox.data && outbox.data.length > 0 && <OutboxTable messages={outbox.data} />}
      </Panel>
    </Stack>
  );
}
