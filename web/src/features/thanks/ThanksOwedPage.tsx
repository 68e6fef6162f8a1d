import { Button, Card, EmptyState, SegmentedControl, Stack, Text } from '@mantine/core';
import { IconHeartHandshake, IconSettings } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { OwedStatus } from '../../api/thanksApi.ts';
import { useT } from '../../i18n/i18nContext.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { TableSkeleton } from '../../ui/LoadingState.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { can } from '../auth/permissions.ts';
import { useSession } from '../auth/useSession.ts';
import { OwedActionModal, type OwedAction } from './OwedActions.tsx';
import { OwedTable } from './OwedTable.tsx';
import { useOwedThanks } from './useThanks.ts';

const STATUSES: readonly OwedStatus[] = ['owed', 'done', 'dismissed'];

/** Thanks owed: who earned a thank-you by the rules and has not had one, with the ways to settle each; and those done or dismissed. */
export function ThanksOwedPage() {
  const t = useT();
  const { user } = useSession();
  const [params, setParams] = useSearchParams();
  const status: OwedStatus = STATUSES.find((s) => s === params.get('status')) ?? 'owed';
  const owed = useOwedThanks({ status });
  const [action, setAction] = useState<OwedAction | null>(null);
  const canWrite = can(user.role, 'writeCustomers');
  return (
    <>
      <PageHeader
        title={t('thanks.page.title')}
        description={t('thanks.page.description')}
        actions={<Button component={Link} to="/settings/thanks" variant="default" leftSection={<IconSettings size={16} aria-hidden />}>{t('thanks.page.rules')}</Button>}
      />
      <Stack gap="md">
        <SegmentedControl
          w="fit-content"
          aria-label={t('thanks.page.statusLabel')}
          value={status}
          onChange={(next) => setParams(next === 'owed' ? {} : { status: next }, { replace: true })}
          data={STATUSES.map((value) => ({ value, label: t(`thanks.status.${value}`) }))}
        />
        {owed.isPending && <TableSkeleton rows={6} />}
        {owed.isError && <ErrorAlert error={owed.error} onRetry={() => void owed.refetch()} />}
        {owed.data && owed.data.length === 0 && <OwedEmpty status={status} />}
        {owed.data && owed.data.length > 0 && (
          <div style={{ opacity: owed.isPlaceholderData ? 0.6 : 1 }}>
            <OwedTable items={owed.data} status={status} canWrite={canWrite} onAction={setAction} />
          </div>
        )}
      </Stack>
      <OwedActionModal action={action} onClose={() => setAction(null)} />
    </>
  );
}

function OwedEmpty({ status }: { status: OwedStatus }) {
  const t = useT();
  return (
    <Card withBorder radius="lg" p="xl">
      <EmptyState
        icon={<IconHeartHandshake size={28} stroke={1.6} aria-hidden />}
        variant="light"
        title={<Text component="span" fw={600} fz="lg">{t(`thanks.page.empty.${status}.title`)}</Text>}
        description={t(`thanks.page.empty.${status}.text`)}
      >
        {status === 'owed' && (
          <EmptyState.Actions>
            <Button component={Link} to="/settings/thanks" variant="light">{t('thanks.page.empty.settings')}</Button>
          </EmptyState.Actions>
        )}
      </EmptyState>
    </Card>
  );
}
