import type { ImportJob } from '@contracts/imports.ts';
import { Badge, Group } from '@mantine/core';
import { useT } from '../../i18n/i18nContext.ts';

const COLORS: Record<ImportJob['status'], string> = { queued: 'gray', running: 'blue', done: 'teal', failed: 'red', cancelled: 'gray' };

/** "Running", "Done", "Failed"…, and "Dry run" when it was one. */
export function JobStatusBadge({ job }: { job: ImportJob }) {
  const t = useT();
  return (
    <Group gap={6} wrap="nowrap">
      <Badge variant="light" color={COLORS[job.status]}>
        {t(`imports.status.${job.status}`)}
      </Badge>
      {job.dryRun && (
        <Badge variant="outline" color="gray">
          {t('imports.status.dryRun')}
        </Badge>
      )}
    </Group>
  );
}
