import { bulkAcquisitionSchema } from '@contracts/sources.ts';
import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { isApiError } from '../../api/ApiError.ts';
import { useFieldIssues } from '../../forms/useFieldIssues.ts';
import { useT } from '../../i18n/i18nContext.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { SourceSelect } from '../sources/SourceSelect.tsx';
import { useBulkAcquisition } from './useCustomers.ts';

interface BulkSourceModalProps {
  opened: boolean;
  customerIds: readonly string[];
  onClose: () => void;
  /** How many customers' source or date changed. */
  onDone: (updated: number) => void;
}

const PATHS = ['sourceId', 'acquiredOn'] as const;

/** Where the ticked customers came from, and optionally when; each change is written in their history. */
export function BulkSourceModal({ opened, customerIds, onClose, onDone }: BulkSourceModalProps) {
  const t = useT();
  return (
    <Modal opened={opened} onClose={onClose} title={t('acquisition.bulk.title', { count: customerIds.length })} centered size="md">
      {opened && <BulkSourceForm customerIds={customerIds} onClose={onClose} onDone={onDone} />}
    </Modal>
  );
}

function BulkSourceForm({ customerIds, onClose, onDone }: Omit<BulkSourceModalProps, 'opened'>) {
  const t = useT();
  const save = useBulkAcquisition();
  const issues = useFieldIssues();
  const [sourceId, setSourceId] = useState<string | null>(null);
  const [acquiredOn, setAcquiredOn] = useState('');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!sourceId) {
      issues.setIssues([{ path: 'sourceId', code: 'required', message: '' }]);
      return;
    }
    // No date given keeps the date each customer has.
    const input = issues.check(bulkAcquisitionSchema, { customerIds: [...customerIds], sourceId, ...(acquiredOn && { acquiredOn }) }, PATHS);
    if (!input) return;
    save.mutate(input, {
      onSuccess: onDone,
      onError: (error) => {
        // The source was deleted or merged away since the list was read.
        if (isApiError(error) && error.code === 'sources.unknown') issues.setIssues([{ path: 'sourceId', code: 'not_found', message: '' }]);
        else issues.showError(error, PATHS);
      },
    });
  };

  return (
    <form noValidate onSubmit={submit}>
      <Stack gap="md">
        <Text size="sm">{t('acquisition.bulk.text', { count: customerIds.length })}</Text>
        {issues.formError !== null && <ErrorAlert error={issues.formError} />}
        <SourceSelect label={t('acquisition.source')} placeholder={t('acquisition.bulk.pick')} data-autofocus value={sourceId} onChange={setSourceId} error={issues.errorAt('sourceId')} />
        <TextInput type="date" label={t('acquisition.acquiredOn')} description={t('acquisition.bulk.dateHint')} value={acquiredOn} onChange={(event) => setAcquiredOn(event.currentTarget.value)} error={issues.errorAt('acquiredOn')} />
        <Group justify="flex-end" mt="xs">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t('acquisition.bulk.confirm', { count: customerIds.length })}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
