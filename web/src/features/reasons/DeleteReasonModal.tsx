import { Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { isApiError } from '../../api/ApiError.ts';
import type { ReasonWithCount } from '../../api/reasonsApi.ts';
import { useT } from '../../i18n/i18nContext.ts';
import { CodedErrorAlert } from '../sources/CodedErrorAlert.tsx';
import { REASON_ERRORS } from './reasonErrors.ts';
import { useDeleteReason } from './useReasons.ts';

/** Delete a reason; one in use asks which reason of the same list takes its entries. */
export function DeleteReasonModal({ reason, others, onClose }: { reason: ReasonWithCount | null; others: ReasonWithCount[]; onClose: () => void }) {
  const t = useT();
  return (
    <Modal opened={reason !== null} onClose={onClose} centered title={reason ? t('reasons.settings.delete.title', { name: reason.name }) : ''}>
      {reason && <DeleteForm key={reason.id} reason={reason} others={others} onDone={onClose} />}
    </Modal>
  );
}

function DeleteForm({ reason, others, onDone }: { reason: ReasonWithCount; others: ReasonWithCount[]; onDone: () => void }) {
  const t = useT();
  const remove = useDeleteReason();
  const [target, setTarget] = useState<string | null>(null);
  const [missing, setMissing] = useState(false);
  // The count may be stale: the server says how many when a delete finds entries after all.
  const [inUse, setInUse] = useState(reason.customers);
  const shownError = isApiError(remove.error) && remove.error.code === 'reasons.in_use' ? null : remove.error;
  const confirm = () => {
    if (inUse > 0 && !target) return setMissing(true);
    remove.mutate(
      { reasonId: reason.id, ...(target && { moveTo: target }) },
      {
        onSuccess: onDone,
        onError: (failure) => {
          const count = isApiError(failure) && failure.code === 'reasons.in_use' ? (failure.details as { customers?: unknown } | null)?.customers : undefined;
          if (typeof count === 'number') setInUse(count);
        },
      },
    );
  };
  return (
    <Stack gap="md">
      <Text size="sm">{inUse > 0 ? t('reasons.settings.delete.inUse', { name: reason.name, count: inUse }) : t('reasons.settings.delete.unused', { name: reason.name })}</Text>
      {inUse > 0 && (
        <Select
          label={t('reasons.settings.delete.moveTo')}
          placeholder={t('reasons.settings.pick')}
          required
          data={others.map((r) => ({ value: r.id, label: r.name }))}
          value={target}
          onChange={(next) => { setTarget(next); setMissing(false); }}
          error={missing ? t('reasons.settings.pickError') : undefined}
        />
      )}
      {shownError && <CodedErrorAlert error={shownError} keys={REASON_ERRORS} />}
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone}>{t('common.cancel')}</Button>
        <Button color="red" onClick={confirm} loading={remove.isPending}>{t('reasons.settings.delete.confirm')}</Button>
      </Group>
    </Stack>
  );
}
