import { Button, Card, Group, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconCopy, IconPlus, IconTrashX } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { useT } from '../../i18n/i18nContext.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { LoadMoreButton, NextPageError } from '../../ui/NextPage.tsx';
import { TableSkeleton } from '../../ui/LoadingState.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { useAttributes } from '../attributes/useAttributes.ts';
import { useFilterLang } from '../segments/useSegments.ts';
import { can } from '../auth/permissions.ts';
import { useSession } from '../auth/useSession.ts';
import { BulkActionBar } from './BulkActionBar.tsx';
import { visibleColumns } from './columnModel.ts';
import { CreateCustomerModal } from './create/CreateCustomerModal.tsx';
import { CustomersTable } from './CustomersTable.tsx';
import { DeletedUndoAlert } from './DeletedUndoAlert.tsx';
import { ListEmptyState } from './ListEmptyState.tsx';
import { DEFAULT_LIST_STATE, isNarrowed, toListQuery } from './listState.ts';
import { ListToolbar } from './ListToolbar.tsx';
import { useCustomerCount, useCustomerPages } from './useCustomers.ts';
import { useListState } from './useListState.ts';

/** The main screen: every customer, filtered, sorted and paged by the server. */
export function CustomersPage() {
  const t = useT();
  const { user } = useSession();
  const canWrite = can(user.role, 'writeCustomers');
  const { state, update, replaceAll } = useListState();
  const attributes = useAttributes();
  const lang = useFilterLang();
  // A text filter's mistakes come back in the user's language.
  const query = { ...toListQuery(state), ...(state.filter.trim() ? { lang } : {}) };
  const pages = useCustomerPages(query);
  const count = useCustomerCount(query);
  const [adding, { open, close }] = useDisclosure(false);
  const queryKey = JSON.stringify(query);
  const [selection, setSelection] = useState<{ key: string; ids: ReadonlySet<string> }>({ key: queryKey, ids: new Set() });
  // A new search or filter starts with nothing ticked.
  const selected = selection.key === queryKey ? selection.ids : new Set<string>();
  const setSelected = (ids: ReadonlySet<string>) => setSelection({ key: queryKey, ids });

  const customers = pages.data?.pages.flatMap((page) => page.items) ?? [];
  const columns = visibleColumns(state.columns, attributes.data ?? []);
  const addButton = (
    <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={open}>
      {t('customers.addButton')}
    </Button>
  );

  return (
    <>
      <PageHeader
        title={t('customers.title')}
        description={t('customers.description')}
        actions={
          <>
            <Button component={Link} to="/customers/duplicates" variant="default" leftSection={<IconCopy size={16} aria-hidden />}>
              {t('duplicates.link')}
            </Button>
            <Button component={Link} to="/customers/deleted" variant="default" leftSection={<IconTrashX size={16} aria-hidden />}>
              {t('deleted.link')}
            </Button>
            {canWrite && addButton}
          </>
        }
      />
      <DeletedUndoAlert />
      <ListToolbar state={state} attributes={attributes.data ?? []} update={update} replaceAll={replaceAll} />
      {canWrite && <BulkActionBar selectedIds={[...selected]} onClear={() => setSelected(new Set())} />}
      <Card withBorder radius="lg" p={customers.length > 0 ? 0 : 'xl'} opacity={pages.isPlaceholderData ? 0.6 : 1} aria-busy={pages.isFetching}>
        {pages.isPending && <TableSkeleton />}
        {pages.isError && !pages.data && <ErrorAlert error={pages.error} onRetry={() => void pages.refetch()} />}
        {pages.isSuccess && customers.length === 0 && (
          <ListEmptyState narrowed={isNarrowed(state)} canWrite={canWrite} addButton={addButton} onClearFilters={() => update({ ...DEFAULT_LIST_STATE, columns: state.columns, viewId: state.viewId })} />
        )}
        {customers.length > 0 && (
          <CustomersTable
            customers={customers}
            columns={columns}
            attributes={attributes.data ?? []}
            sort={state.sort}
            order={state.order}
            onSort={(column) => update({ sort: column, order: state.sort === column && state.order === 'asc' ? 'desc' : 'asc' })}
            selection={
              canWrite
                ? {
                    selected,
                    onToggle: (id) => setSelected(toggled(selected, id)),
                    onToggleAll: (on) => setSelected(new Set(on ? customers.map((customer) => customer.id) : [])),
                  }
                : undefined
            }
          />
        )}
      </Card>
      {customers.length > 0 && (
        <Group justify="space-between" mt="md">
          <Text size="sm" c="dimmed" aria-live="polite">
            {count.data === undefined || count.isPlaceholderData
              ? t('customers.shown', { count: customers.length })
              : t('customers.shownOf', { shown: customers.length, count: count.data })}
          </Text>
          <LoadMoreButton pages={pages} />
        </Group>
      )}
      <NextPageError pages={pages} />
      <CreateCustomerModal opened={adding} onClose={close} />
    </>
  );
}

function toggled(set: ReadonlySet<string>, id: string): Set<string> {
  const next = new Set(set);
  if (next.has(id)) next.delete(id);
  else next.add(id);
  return next;
}
