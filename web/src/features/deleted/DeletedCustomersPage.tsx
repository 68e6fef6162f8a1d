import type { CustomerRef } from '@contracts/customers.ts';
import { Anchor, Button, Card, EmptyState, Group, Text } from '@mantine/core';
import { IconArrowLeft, IconTrashOff } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { useT } from '../../i18n/i18nContext.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { TableSkeleton } from '../../ui/LoadingState.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { can } from '../auth/permissions.ts';
import { useSession } from '../auth/useSession.ts';
import { customerPath } from '../customers/CustomerLink.tsx';
import { useRestoreCustomer } from '../customers/useCustomers.ts';
import { DeletedTable } from './DeletedTable.tsx';
import { useDeletedCustomers } from './useDeletedCustomers.ts';

/** "Recently deleted": customers deleted by hand or in bulk, each restorable with everything attached. */
export function DeletedCustomersPage() {
  const t = useT();
  const { user } = useSession();
  const pages = useDeletedCustomers();
  const restore = useRestoreCustomer();
  const [restored, setRestored] = useState<CustomerRef | null>(null);
  const customers = pages.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <>
      <PageHeader
        title={t('deleted.title')}
        description={t('deleted.description')}
        actions={
          <Button component={Link} to="/customers" variant="default" leftSection={<IconArrowLeft size={16} aria-hidden />}>
            {t('profile.back')}
          </Button>
        }
      />
      <Text size="sm" c="teal.8" role="status" aria-live="polite" mb={restored ? 'sm' : 0}>
        {restored && (
          <>
            {t('deleted.restored', { name: restored.displayName })}{' '}
            <Anchor component={Link} to={customerPath(restored.id)} size="sm">
              {t('deleted.openProfile')}
            </Anchor>
          </>
        )}
      </Text>
      {restore.isError && <ErrorAlert error={restore.error} onClose={() => restore.reset()} />}
      <Card withBorder radius="lg" p={customers.length > 0 ? 0 : 'xl'}>
        {pages.isPending && <TableSkeleton rows={3} />}
        {pages.isError && !pages.data && <ErrorAlert error={pages.error} onRetry={() => void pages.refetch()} />}
        {pages.isSuccess && customers.length === 0 && (
          <EmptyState
            icon={<IconTrashOff size={28} stroke={1.6} aria-hidden />}
            variant="light"
            title={<Text component="span" fw={600} fz="lg">{t('deleted.empty.title')}</Text>}
            description={t('deleted.empty.text')}
          />
        )}
        {customers.length > 0 && (
          <DeletedTable
            customers={customers}
            canWrite={can(user.role, 'writeCustomers')}
            restoringId={restore.isPending ? restore.variables : null}
            onRestore={(customer) => restore.mutate(customer.id, { onSuccess: () => setRestored(customer) })}
          />
        )}
      </Card>
      {pages.hasNextPage && (
        <Group justify="flex-end" mt="md">
          <Button variant="default" onClick={() => void pages.fetchNextPage()} loading={pages.isFetchingNextPage}>
            {t('customers.loadMore')}
          </Button>
        </Group>
      )}
    </>
  );
}
