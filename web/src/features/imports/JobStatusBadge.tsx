import type { ImportJob } from '@contracts/imports.ts';
import { Badge, Group } from '@mantine/core';
import { useT } from '../../i18n/i18nContext.ts';

const COLORS: Record<ImportJob['status'], string> = { queued: 'gray', running: 'blue', done: 'teal', failed: 'red', cancelled: 'gray' };

/** "Running", "Done", "Failed"…, "Dry run" when it was one, and "Undone" once it was undone. */
export function JobStatusBadge({ job }: { job: ImportJob }) {
  const t = useT();
  return (
    <Group gap={6} wrap="nowrap">
      <Badge variant="light" color={COLORS[job.status]}>
        {t(`imports.status.${job.status}`)}
      </Badge>
      {job.undoneAt !== null && (
        <Badge variant="light" color="orange">
          {t('imports.status.undone')}
        </Badge>
      )}
      {job.dryRun && (
        <Badge variant="outline" color="gray">
          {t('imports.status.dryRun')}
        </Badge>
      )}
    </Group>
  );
}
