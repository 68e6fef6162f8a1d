import { Card, Text } from '@mantine/core';
import { useT } from '../../i18n/i18nContext.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { TableSkeleton } from '../../ui/LoadingState.tsx';
import { useHistory } from '../profile/useProfile.ts';
import { HistoryTable } from './HistoryTable.tsx';

/** The audit trail of one customer, newest first. */
export function HistoryTab({ customerId }: { customerId: string }) {
  const t = useT();
  const history = useHistory(customerId);
  return (
    <Card withBorder radius="lg" p={history.data && history.data.length > 0 ? 0 : 'lg'}>
      {history.isPending && <TableSkeleton rows={3} />}
      {history.isError && <ErrorAlert error={history.error} onRetry={() => void history.refetch()} />}
      {history.data?.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('history.none')}
        </Text>
      )}
      {history.data && history.data.length > 0 && <HistoryTable entries={history.data} />}
    </Card>
  );
}
