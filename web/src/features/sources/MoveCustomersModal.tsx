import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { isApiError } from '../../api/ApiError.ts';
import type { SourceWithCount } from '../../api/sourcesApi.ts';
import { useT } from '../../i18n/i18nContext.ts';
import { CodedErrorAlert } from './CodedErrorAlert.tsx';
import { SOURCE_ERRORS } from './sourceErrors.ts';
import { SourceSelect } from './SourceSelect.tsx';
import { useDeleteSource, useMergeSource } from './useSources.ts';

interface MoveCustomersModalProps {
  /** What is done to `source`: merged into another, or deleted (asking which source takes its customers when it has any). */
  mode: 'merge' | 'delete';
  source: SourceWithCount | null;
  onClose: () => void;
}

/** Merge a source into another, or delete one: its customers, if any, move to the source chosen. */
export function MoveCustomersModal({ mode, source, onClose }: MoveCustomersModalProps) {
  const t = useT();
  return (
    <Modal opened={source !== null} onClose={onClose} centered title={source ? t(`sourcesSettings.${mode}.title`, { name: source.name }) : ''}>
      {source && <MoveCustomersForm key={source.id} mode={mode} source={source} onDone={onClose} />}
    </Modal>
  );
}

function MoveCustomersForm({ mode, source, onDone }: { mode: 'merge' | 'delete'; source: SourceWithCount; onDone: () => void }) {
  const t = useT();
  const merge = useMergeSource();
  const remove = useDeleteSource();
  const [target, setTarget] = useState<string | null>(null);
  const [missing, setMissing] = useState(false);
  // The count may be stale: the server says how many when a delete finds customers after all.
  const [inUse, setInUse] = useState(source.customers);
  const needsTarget = mode === 'merge' || inUse > 0;
  const busy = merge.isPending || remove.isPending;
  const error = mode === 'merge' ? merge.error : remove.error;
  const shownError = isApiError(error) && error.code === 'sources.in_use' ? null : error;

  const confirm = () => {
    if (needsTarget && !target) return setMissing(true);
    if (mode === 'merge') return merge.mutate({ sourceId: source.id, intoId: target! }, { onSuccess: onDone });
    remove.mutate(
      { sourceId: source.id, ...(target && { moveTo: target }) },
      {
        onSuccess: onDone,
        onError: (failure) => {
          const customers = isApiError(failure) && failure.code === 'sources.in_use' ? (failure.details as { customers?: unknown } | null)?.customers : undefined;
          if (typeof customers === 'number') setInUse(customers);
        },
      },
    );
  };

  return (
    <Stack gap="md">
      <Text size="sm">
        {mode === 'merge'
          ? t('sourcesSettings.merge.text', { name: source.name, count: inUse })
          : inUse > 0
            ? t('sourcesSettings.delete.inUse', { name: source.name, count: inUse })
            : t('sourcesSettings.delete.unused', { name: source.name })}
      </Text>
      {needsTarget && (
        <SourceSelect
          label={t(mode === 'merge' ? 'sourcesSettings.merge.into' : 'sourcesSettings.delete.moveTo')}
          placeholder={t('sourcesSettings.pickSource')}
          required
          except={source.id}
          value={target}
          onChange={(next) => {
            setTarget(next);
            setMissing(false);
          }}
          error={missing ? t('sourcesSettings.pickSourceError') : undefined}
        />
      )}
      {shownError && <CodedErrorAlert error={shownError} keys={SOURCE_ERRORS} />}
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone}>
          {t('common.cancel')}
        </Button>
        <Button color={mode === 'delete' ? 'red' : undefined} onClick={confirm} loading={busy}>
          {t(`sourcesSettings.${mode}.confirm`)}
        </Button>
      </Group>
    </Stack>
  );
}
