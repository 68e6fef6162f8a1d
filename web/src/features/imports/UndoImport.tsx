import { Alert, Button, Text } from '@mantine/core';
import { IconArrowBackUp } from '@tabler/icons-react';
import { useState } from 'react';
import type { ImportJobView, UndoOutcome } from '../../api/importsApi.ts';
import { useT } from '../../i18n/i18nContext.ts';
import { useFormat } from '../../i18n/useFormat.ts';
import { ConfirmModal } from '../../ui/ConfirmModal.tsx';
import { ImportErrorAlert } from './ImportErrorAlert.tsx';
import type { useUndoImport } from './useImports.ts';

/** Whether an import can be undone: it ran to the end, wrote something (not a dry run), and is not undone already. */
export function canUndo(job: Pick<ImportJobView, 'status' | 'dryRun' | 'undoneAt'>): boolean {
  return job.status === 'done' && !job.dryRun && job.undoneAt === null;
}

/** "Undo this import", after a modal that says what will happen (`undo` is held by the page, which shows its outcome). */
export function UndoImportButton({ job, undo }: { job: ImportJobView; undo: ReturnType<typeof useUndoImport> }) {
  const t = useT();
  const [asking, setAsking] = useState(false);
  if (!canUndo(job)) return null;
  return (
    <>
      <Button variant="default" color="red" leftSection={<IconArrowBackUp size={16} aria-hidden />} onClick={() => setAsking(true)}>
        {t('imports.undo.button')}
      </Button>
      <ConfirmModal
        opened={asking}
        title={t('imports.undo.title')}
        confirmLabel={t('imports.undo.confirm')}
        danger
        loading={undo.isPending}
        onCancel={() => {
          setAsking(false);
          undo.reset();
        }}
        onConfirm={() => undo.mutate(undefined, { onSuccess: () => setAsking(false) })}
      >
        <Text size="sm">{t(`imports.undo.text.${job.kind}`, { file: job.fileName })}</Text>
        <Text size="sm" c="dimmed">
          {t('imports.undo.after')}
        </Text>
        {undo.isError && <ImportErrorAlert error={undo.error} />}
      </ConfirmModal>
    </>
  );
}

/** An undone import: when, and (when known: just now, or kept with the import) what the undo removed, put back and kept. */
export function UndoneAlert({ job, outcome = job.counts.undo }: { job: ImportJobView; outcome?: UndoOutcome | undefined }) {
  const t = useT();
  const format = useFormat();
  if (job.undoneAt === null && !outcome) return null;
  return (
    <Alert color="gray" variant="light" icon={<IconArrowBackUp aria-hidden />} title={job.undoneAt ? t('imports.undo.doneAt', { date: format.dateTime(job.undoneAt) }) : t('imports.undo.done')} role="status">
      {outcome ? (
        <Text size="sm">
          {[
            t('imports.undo.outcome.transactionsRemoved', { count: outcome.transactionsRemoved }),
            ...(outcome.transactionsRestored > 0 ? [t('imports.undo.outcome.transactionsRestored', { count: outcome.transactionsRestored })] : []),
            t('imports.undo.outcome.customersRemoved', { count: outcome.customersRemoved }),
            ...(outcome.customersKept > 0 ? [t('imports.undo.outcome.customersKept', { count: outcome.customersKept })] : []),
          ].join(' ')}
        </Text>
      ) : (
        <Text size="sm">{t('imports.undo.doneText')}</Text>
      )}
    </Alert>
  );
}
