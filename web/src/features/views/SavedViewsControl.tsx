import type { SavedView } from '@contracts/views.ts';
import { ActionIcon, Badge, Group, Menu, Select, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconDeviceFloppy, IconDots, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useT } from '../../i18n/i18nContext.ts';
import { ConfirmModal } from '../../ui/ConfirmModal.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { DEFAULT_LIST_STATE, matchesView, stateFromView, viewDefinition, type ListState } from '../customers/listState.ts';
import { SaveViewModal } from './SaveViewModal.tsx';
import { useDeleteView, useUpdateView, useViews } from './useViews.ts';

interface SavedViewsControlProps {
  state: ListState;
  onApply: (state: ListState) => void;
}

/** Saved views: pick one to apply it; save the list as a new view; update or delete your own. */
export function SavedViewsControl({ state, onApply }: SavedViewsControlProps) {
  const t = useT();
  const views = useViews();
  const update = useUpdateView();
  const remove = useDeleteView();
  const [saving, { open: openSave, close: closeSave }] = useDisclosure(false);
  const [deleting, setDeleting] = useState<SavedView | null>(null);
  const list = views.data ?? [];
  const current = list.find((view) => view.id === state.viewId) ?? null;
  const changed = current !== null && !matchesView(state, current);

  return (
    <Group gap={6} wrap="nowrap">
      <Select
        aria-label={t('views.label')}
        placeholder={views.isError ? t('views.failed') : t('views.none')}
        data={[...group(t('views.mine'), list.filter((view) => view.mine)), ...group(t('views.shared'), list.filter((view) => !view.mine))]}
        value={current?.id ?? null}
        onChange={(id) => {
          const view = list.find((candidate) => candidate.id === id);
          onApply(view ? stateFromView(view) : { ...DEFAULT_LIST_STATE });
        }}
        clearable
        clearButtonProps={{ 'aria-label': t('views.clear') }}
        nothingFoundMessage={t('views.empty')}
        w={180}
      />
      {changed && (
        <Badge variant="light" color="yellow" tt="none">
          {t('views.changed')}
        </Badge>
      )}
      <Menu position="bottom-end" width={260}>
        <Menu.Target>
          <ActionIcon variant="default" size="lg" aria-label={t('views.actions')}>
            <IconDots size={18} aria-hidden />
          </ActionIcon>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item leftSection={<IconDeviceFloppy size={16} aria-hidden />} onClick={openSave}>
            {t('views.saveAs')}
          </Menu.Item>
          {current?.mine && (
            <Menu.Item
              disabled={!changed}
              leftSection={<IconDeviceFloppy size={16} aria-hidden />}
              onClick={() => update.mutate({ viewId: current.id, patch: { definition: viewDefinition(state) } })}
            >
              {t('views.update', { name: current.name })}
            </Menu.Item>
          )}
          {current?.mine && (
            <Menu.Item color="red" leftSection={<IconTrash size={16} aria-hidden />} onClick={() => setDeleting(current)}>
              {t('views.delete.action', { name: current.name })}
            </Menu.Item>
          )}
        </Menu.Dropdown>
      </Menu>
      {update.isError && <ErrorAlert error={update.error} onClose={() => update.reset()} />}
      <SaveViewModal opened={saving} onClose={closeSave} definition={viewDefinition(state)} onSaved={(viewId) => onApply({ ...state, viewId })} />
      <ConfirmModal
        opened={deleting !== null}
        title={t('views.delete.title', { name: deleting?.name ?? '' })}
        confirmLabel={t('views.delete.confirm')}
        danger
        loading={remove.isPending}
        onCancel={() => setDeleting(null)}
        onConfirm={() =>
          deleting &&
          remove.mutate(deleting.id, {
            onSuccess: () => {
              setDeleting(null);
              onApply({ ...state, viewId: null });
            },
          })
        }
      >
        <Text size="sm">{t('views.delete.text')}</Text>
        {remove.isError && <ErrorAlert error={remove.error} />}
      </ConfirmModal>
    </Group>
  );
}

/** A labelled group of the select, left out when empty. */
function group(label: string, items: SavedView[]) {
  return items.length > 0 ? [{ group: label, items: items.map((view) => ({ value: view.id, label: view.name })) }] : [];
}
