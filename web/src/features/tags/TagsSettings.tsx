import type { Tag } from '@contracts/tags.ts';
import { Button, EmptyState, Stack, Text } from '@mantine/core';
import { IconPlus, IconTags } from '@tabler/icons-react';
import { useState } from 'react';
import { useT } from '../../i18n/i18nContext.ts';
import { ConfirmModal } from '../../ui/ConfirmModal.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { TableSkeleton } from '../../ui/LoadingState.tsx';
import { usePageTitle } from '../../ui/usePageTitle.ts';
import { Panel } from '../../ui/Panel.tsx';
import { can } from '../auth/permissions.ts';
import { useSession } from '../auth/useSession.ts';
import { TagFormModal } from './TagFormModal.tsx';
import { TagsTable } from './TagsTable.tsx';
import { useDeleteTag, useTagsWithCounts } from './useTags.ts';

/** Settings → Tags: names and colours, how many customers have each; rename or delete. */
export function TagsSettings() {
  const t = useT();
  usePageTitle(t('settings.tabs.tags'));
  const { user } = useSession();
  const canManage = can(user.role, 'manageTags');
  const tags = useTagsWithCounts();
  const remove = useDeleteTag();
  const [editing, setEditing] = useState<Tag | null | 'new'>(null);
  const [deleting, setDeleting] = useState<Tag | null>(null);
  const addButton = canManage && (
    <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing('new')}>
      {t('tags.addButton')}
    </Button>
  );

  return (
    <Panel size="lg" title={t('tags.title')} description={t('tags.description')} actions={addButton}>
      <Stack gap="md">
        {tags.isPending && <TableSkeleton rows={3} />}
        {tags.isError && <ErrorAlert error={tags.error} onRetry={() => void tags.refetch()} />}
        {tags.data?.length === 0 && (
          <EmptyState
            icon={<IconTags size={28} stroke={1.6} aria-hidden />}
            variant="light"
            title={<Text component="span" fw={600} fz="lg">{t('tags.empty.title')}</Text>}
            description={t('tags.empty.text')}
          >
            {addButton && <EmptyState.Actions>{addButton}</EmptyState.Actions>}
          </EmptyState>
        )}
        {tags.data && tags.data.length > 0 && <TagsTable tags={tags.data} canManage={canManage} onEdit={setEditing} onDelete={setDeleting} />}
      </Stack>
      <TagFormModal opened={editing !== null} onClose={() => setEditing(null)} tag={editing === 'new' ? null : editing} />
      <ConfirmModal
        opened={deleting !== null}
        title={t('tags.delete.title', { name: deleting?.name ?? '' })}
        confirmLabel={t('tags.delete.confirm')}
        danger
        loading={remove.isPending}
        onCancel={() => setDeleting(null)}
        onConfirm={() => deleting && remove.mutate(deleting.id, { onSuccess: () => setDeleting(null) })}
      >
        <Text size="sm">{t('tags.delete.text')}</Text>
        {remove.isError && <ErrorAlert error={remove.error} />}
      </ConfirmModal>
    </Panel>
  );
}
