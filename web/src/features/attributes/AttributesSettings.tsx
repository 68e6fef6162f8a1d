import type { Attribute } from '@contracts/attributes.ts';
import { Button, EmptyState, Stack, Text } from '@mantine/core';
import { IconForms, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useT } from '../../i18n/i18nContext.ts';
import { ConfirmModal } from '../../ui/ConfirmModal.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { TableSkeleton } from '../../ui/LoadingState.tsx';
import { usePageTitle } from '../../ui/usePageTitle.ts';
import { Panel } from '../../ui/Panel.tsx';
import { can } from '../auth/permissions.ts';
import { useSession } from '../auth/useSession.ts';
import { AttributeFormModal } from './AttributeFormModal.tsx';
import { AttributesTable } from './AttributesTable.tsx';
import { useAttributes, useDeleteAttribute, useUpdateAttribute } from './useAttributes.ts';

/** Settings → Attributes: the typed fields every profile can have (owners and admins change them). */
export function AttributesSettings() {
  const t = useT();
  usePageTitle(t('settings.tabs.attributes'));
  const { user } = useSession();
  const canManage = can(user.role, 'manageAttributes');
  const attributes = useAttributes();
  const update = useUpdateAttribute();
  const remove = useDeleteAttribute();
  const [editing, setEditing] = useState<Attribute | null | 'new'>(null);
  const [deleting, setDeleting] = useState<Attribute | null>(null);
  // Two attributes trade places; equal positions (never reordered yet) fall back to list order.
  const swap = async (attribute: Attribute, neighbour: Attribute) => {
    const list = attributes.data ?? [];
    const same = attribute.position === neighbour.position;
    const mine = same ? list.indexOf(neighbour) : neighbour.position;
    const theirs = same ? list.indexOf(attribute) : attribute.position;
    await update.mutateAsync({ attributeId: attribute.id, patch: { position: mine } }).catch(() => undefined);
    await update.mutateAsync({ attributeId: neighbour.id, patch: { position: theirs } }).catch(() => undefined);
  };
  const addButton = canManage && (
    <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing('new')}>
      {t('attributes.add')}
    </Button>
  );

  return (
    <Panel size="lg" title={t('attributes.title')} description={t(canManage ? 'attributes.description' : 'attributes.readOnly')} actions={addButton}>
      <Stack gap="md">
        {update.isError && <ErrorAlert error={update.error} onClose={() => update.reset()} />}
        {attributes.isPending && <TableSkeleton rows={3} />}
        {attributes.isError && <ErrorAlert error={attributes.error} onRetry={() => void attributes.refetch()} />}
        {attributes.data?.length === 0 && (
          <EmptyState
            icon={<IconForms size={28} stroke={1.6} aria-hidden />}
            variant="light"
            title={<Text component="span" fw={600} fz="lg">{t('attributes.empty.title')}</Text>}
            description={t('attributes.empty.text')}
          >
            {addButton && <EmptyState.Actions>{addButton}</EmptyState.Actions>}
          </EmptyState>
        )}
        {attributes.data && attributes.data.length > 0 && (
          <AttributesTable
            attributes={attributes.data}
            canManage={canManage}
            onEdit={setEditing}
            onDelete={setDeleting}
            onMove={(attribute, neighbour) => void swap(attribute, neighbour)}
          />
        )}
      </Stack>
      <AttributeFormModal opened={editing !== null} onClose={() => setEditing(null)} attribute={editing === 'new' ? null : editing} />
      <ConfirmModal
        opened={deleting !== null}
        title={t('attributes.delete.title', { name: deleting?.label ?? '' })}
        confirmLabel={t('attributes.delete.confirm')}
        danger
        loading={remove.isPending}
        onCancel={() => setDeleting(null)}
        onConfirm={() => deleting && remove.mutate(deleting.id, { onSuccess: () => setDeleting(null) })}
      >
        <Text size="sm">{t('attributes.delete.text')}</Text>
        {remove.isError && <ErrorAlert error={remove.error} />}
      </ConfirmModal>
    </Panel>
  );
}
