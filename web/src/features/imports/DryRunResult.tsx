import { Alert, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck } from '@tabler/icons-react';
import { useT } from '../../i18n/i18nContext.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { TableSkeleton } from '../../ui/LoadingState.tsx';
import { ImportCounts } from './ImportCounts.tsx';
import { JobProgress } from './JobProgress.tsx';
import { isActive, useImportJob } from './useImports.ts';

/** A dry run's outcome: what the import would create, update, leave alone and reject. */
export function DryRunResult({ importId }: { importId: string }) {
  const t = useT();
  const job = useImportJob(importId);
  if (job.isPending) return <TableSkeleton rows={2} />;
  if (job.isError) return <ErrorAlert error={job.error} onRetry={() => void job.refetch()} />;
  if (isActive(job.data)) return <JobProgress job={job.data} />;
  if (job.data.status !== 'done') {
    return (
      <Alert color="red" variant="light" title={t('imports.result.failed')} role="alert">
        {job.data.error}
      </Alert>
    );
  }
  const { rejected } = job.data.counts;
  return (
    <Stack gap="md" aria-live="polite">
      <Text fw={600}>{t('imports.check.outcome')}</Text>
      <ImportCounts counts={job.data.counts} kind={job.data.kind} />
      {rejected > 0 ? (
        <Alert color="orange" variant="light" icon={<IconAlertTriangle aria-hidden />}>
          {t('imports.check.rejected', { count: rejected })}
        </Alert>
      ) : (
        <Alert color="teal" variant="light" icon={<IconCircleCheck aria-hidden />}>
          {t('imports.check.allGood')}
        </Alert>
      )}
    </Stack>
  );
}
