import type { ImportJob } from '@contracts/imports.ts';
import { Group, Progress, Stack, Text } from '@mantine/core';
import { useI18n } from '../../i18n/i18nContext.ts';
import { ImportCounts } from './ImportCounts.tsx';

/** A running import: how much of the file is read, and what it has done so far. */
export function JobProgress({ job }: { job: ImportJob }) {
  const { t, locale } = useI18n();
  const percent = new Intl.NumberFormat(locale, { style: 'percent' }).format(job.progress);
  return (
    <Stack gap="md">
      <Stack gap={6}>
        <Group justify="space-between">
          <Text size="sm" fw={600} aria-live="polite">
            {t(job.status === 'queued' ? 'imports.progress.queued' : 'imports.progress.running', { percent, count: job.counts.rows })}
          </Text>
          <Text size="sm" c="dimmed">
            {percent}
          </Text>
        </Group>
        <Progress value={job.progress * 100} size="lg" animated aria-label={t('imports.progress.label', { file: job.fileName })} />
        <Text size="xs" c="dimmed">
          {t('imports.progress.leave')}
        </Text>
      </Stack>
      <ImportCounts counts={job.counts} kind={job.kind} />
    </Stack>
  );
}
