import { Alert, Button, Group, Stack } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconInfoCircle } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { ImportJobView } from '../../api/importsApi.ts';
import { useT } from '../../i18n/i18nContext.ts';
import { Panel } from '../../ui/Panel.tsx';
import { ImportCounts } from './ImportCounts.tsx';
import { JobProgress } from './JobProgress.tsx';
import { RejectedGrid } from './RejectedGrid.tsx';
import { SkippedRows } from './SkippedRows.tsx';
import { UndoImportButton, UndoneAlert } from './UndoImport.tsx';
import { isActive, useUndoImport } from './useImports.ts';

/** An import at any moment: its progress while it runs, then what it did, the rows it left out and the rows it turned away; it can be undone. */
export function JobView({ job }: { job: ImportJobView }) {
  const t = useT();
  const undo = useUndoImport(job.id);
  if (isActive(job)) {
    return (
      <Panel title={t('imports.progress.title')}>
        <JobProgress job={job} />
      </Panel>
    );
  }
  if (job.status !== 'done') {
    return (
      <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden />} title={t('imports.result.failed')} role="alert">
        {job.error ?? t('imports.result.failedText')}
      </Alert>
    );
  }
  const { rejected } = job.counts;
  const undone = job.undoneAt !== null || undo.isSuccess;
  return (
    <Stack gap="md">
      <Panel title={t(job.dryRun ? 'imports.check.outcome' : 'imports.result.title')}>
        <Stack gap="md">
          <UndoneAlert job={job} outcome={job.counts.undo ?? undo.data} />
          <ImportCounts counts={job.counts} kind={job.kind} />
          {job.dryRun && (
            <Alert color="blue" variant="light" icon={<IconInfoCircle aria-hidden />}>
              {t('imports.result.dryRunNote')}
            </Alert>
          )}
          {!job.dryRun && !undone && rejected === 0 && (
            <Alert color="teal" variant="light" icon={<IconCircleCheck aria-hidden />} role="status">
              {t('imports.result.allImported')}
            </Alert>
          )}
          {job.counts.skippedRows && <SkippedRows rows={job.counts.skippedRows} total={job.counts.skipped} />}
          <Group gap="sm">
            <Button component={Link} to="/customers" variant="default">
              {t('imports.result.openCustomers')}
            </Button>
            <Button component={Link} to="/import" variant="default">
              {t('imports.result.another')}
            </Button>
            <UndoImportButton job={job} undo={undo} />
          </Group>
        </Stack>
      </Panel>
      {!job.dryRun && !undone && rejected > 0 && (
        <Panel title={t('imports.grid.title', { count: rejected })}>
          <RejectedGrid job={job} />
        </Panel>
      )}
    </Stack>
  );
}
