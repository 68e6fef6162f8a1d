import { Button, Card, EmptyState, Group, Text, TextInput } from '@mantine/core';
import { useDebouncedValue, useDisclosure } from '@mantine/hooks';
import { IconBuildingSkyscraper, IconPlus, IconSearch } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useI18n } from '../../i18n/i18nContext.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { LoadMoreButton, NextPageError } from '../../ui/NextPage.tsx';
import { TableSkeleton } from '../../ui/LoadingState.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { can } from '../auth/permissions.ts';
import { useSession } from '../auth/useSession.ts';
import { CreateCustomerModal } from '../customers/create/CreateCustomerModal.tsx';
import { buildOrgTree } from './orgTree.ts';
import { OrgTreeList } from './OrgTreeList.tsx';
import { useOrganisations } from './useOrganisations.ts';

/** Organisations as a tree: each group with its subsidiaries; search narrows it. */
export function OrganisationsPage() {
  const { t, locale } = useI18n();
  const { user } = useSession();
  const canWrite = can(user.role, 'writeCustomers');
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const pages = useOrganisations(q);
  const [adding, { open, close }] = useDisclosure(false);
  const organisations = useMemo(() => pages.data?.pages.flatMap((page) => page.items) ?? [], [pages.data]);
  const tree = useMemo(() => buildOrgTree(organisations, locale), [organisations, locale]);
  const addButton = canWrite && (
    <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={open}>
      {t('organisations.add')}
    </Button>
  );

  return (
    <>
      <PageHeader title={t('organisations.title')} description={t('organisations.description')} actions={addButton} />
      <TextInput
        type="search"
        aria-label={t('organisations.search')}
        placeholder={t('organisations.searchPlaceholder')}
        leftSection={<IconSearch size={16} aria-hidden />}
        value={search}
        onChange={(event) => setSearch(event.currentTarget.value)}
        w={{ base: '100%', sm: 320 }}
        mb="md"
      />
      <Card withBorder radius="lg" p="lg" opacity={pages.isPlaceholderData ? 0.6 : 1}>
        {pages.isPending && <TableSkeleton rows={4} />}
        {pages.isError && !pages.data && <ErrorAlert error={pages.error} onRetry={() => void pages.refetch()} />}
        {pages.isSuccess && organisations.length === 0 && (
          <EmptyState
            icon={<IconBuildingSkyscraper size={28} stroke={1.6} aria-hidden />}
            variant="light"
            title={<Text component="span" fw={600} fz="lg">{t(q ? 'organisations.noMatch' : 'organisations.emptyTitle')}</Text>}
            description={t(q ? 'organisations.noMatchText' : 'organisations.emptyText')}
          >
            {!q && addButton && <EmptyState.Actions>{addButton}</EmptyState.Actions>}
          </EmptyState>
        )}
        {tree.length > 0 && <OrgTreeList nodes={tree} />}
      </Card>
      {pages.hasNextPage && (
        <Group justify="center" mt="md">
          <LoadMoreButton pages={pages} />
        </Group>
      )}
      <NextPageError pages={pages} />
      <CreateCustomerModal opened={adding} onClose={close} kind="organisation" />
    </>
  );
}
