import { Alert, Button, Card, Center, EmptyState, Group, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconInfoCircle, IconPlus, IconUsers } from '@tabler/icons-react';
import { useSearchParams } from 'react-router';
import { useT } from '../../i18n/i18nContext.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { TableSkeleton } from '../../ui/LoadingState.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { can } from '../auth/permissions.ts';
import { useSession } from '../auth/useSession.ts';
import { AddCustomerModal } from './AddCustomerModal.tsx';
import { CustomersTable } from './CustomersTable.tsx';
import { useCustomerPages } from './useCustomers.ts';

export function CustomersPage() {
  const t = useT();
  const { user } = useSession();
  const [searchParams] = useSearchParams();
  const query = searchParams.get('q')?.trim();
  const [adding, { open, close }] = useDisclosure(false);
  const pages = useCustomerPages();
  const customers = pages.data?.pages.flatMap((page) => page.items) ?? [];
  const canWrite = can(user.role, 'writeCustomers');
  const addButton = canWrite && (
    <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={open}>
      {t('customers.addButton')}
    </Button>
  );

  return (
    <>
      <PageHeader title={t('customers.title')} description={t('customers.description')} actions={customers.length > 0 && addButton} />
      {query && (
        <Alert icon={<IconInfoCircle aria-hidden />} variant="light" mb="md" title={t('customers.search.title')}>
          {t('customers.search.text', { query })}
        </Alert>
      )}
      <Card withBorder radius="lg" p={customers.length > 0 ? 0 : 'xl'}>
        {pages.isPending && <TableSkeleton />}
        {pages.isError && !pages.data && <ErrorAlert error={pages.error} onRetry={() => void pages.refetch()} />}
        {pages.isSuccess && customers.length === 0 && (
          <EmptyState
            icon={<IconUsers size={28} stroke={1.6} aria-hidden />}
            variant="light"
            title={<Text component="span" fw={600} fz="lg">{t('customers.empty.title')}</Text>}
            description={t(canWrite ? 'customers.empty.text' : 'customers.empty.textReadOnly')}
          >
            {addButton && <EmptyState.Actions>{addButton}</EmptyState.Actions>}
          </EmptyState>
        )}
        {customers.length > 0 && <CustomersTable customers={customers} />}
      </Card>
      {customers.length > 0 && (
        <Group justify="space-between" mt="md">
          <Text size="sm" c="dimmed" aria-live="polite">
            {t('customers.shown', { count: customers.length })}
          </Text>
          {pages.hasNextPage && (
            <Button variant="default" onClick={() => void pages.fetchNextPage()} loading={pages.isFetchingNextPage}>
              {t('customers.loadMore')}
            </Button>
          )}
        </Group>
      )}
      {pages.isFetchNextPageError && (
        <Center mt="md">
          <ErrorAlert error={pages.error} onRetry={() => void pages.fetchNextPage()} />
        </Center>
      )}
      <AddCustomerModal opened={adding} onClose={close} />
    </>
  );
}
