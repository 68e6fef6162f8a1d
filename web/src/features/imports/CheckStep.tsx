import type { ImportJob } from '@contracts/imports.ts';
import { Button, Group, Stack } from '@mantine/core';
import { IconPlayerPlay, IconTestPipe } from '@tabler/icons-react';
import { useState } from 'react';
import { useT } from '../../i18n/i18nContext.ts';
import { Panel } from '../../ui/Panel.tsx';
import { DryRunResult } from './DryRunResult.tsx';
import { ImportErrorAlert } from './ImportErrorAlert.tsx';
import { isActive, useImportJob, useStartImport, type StartRequest } from './useImports.ts';

interface CheckStepProps {
  /** What to start: the import itself, or (with `dryRun`) a dry run of it. */
  request: (dryRun: boolean) => StartRequest;
  onBack: () => void;
  onStarted: (job: ImportJob) => void;
}

/** Step 3: a dry run reads the whole file as the import will and writes nothing; then the import. */
export function CheckStep({ request, onBack, onStarted }: CheckStepProps) {
  const t = useT();
  const dryRun = useStartImport();
  const start = useStartImport();
  const [dryRunId, setDryRunId] = useState<string | null>(null);
  const dryRunJob = useImportJob(dryRunId);
  const running = dryRun.isPending || isActive(dryRunJob.data);

  return (
    <Stack gap="md">
      <Panel title={t('imports.check.title')} description={t('imports.check.description')}>
        <Stack gap="md">
          {dryRun.isError && <ImportErrorAlert error={dryRun.error} />}
          <Group>
            <Button variant="default" leftSection={<IconTestPipe size={16} aria-hidden />} loading={running} onClick={() => dryRun.mutate(request(true), { onSuccess: (job) => setDryRunId(job.id) })}>
              {t('imports.check.dryRun')}
            </Button>
          </Group>
          {dryRunId && <DryRunResult importId={dryRunId} />}
        </Stack>
      </Panel>
      {start.isError && <ImportErrorAlert error={start.error} />}
      <Group justify="flex-end" gap="sm">
        <Button variant="default" onClick={onBack}>
          {t('imports.back')}
        </Button>
        <Button
          leftSection={<IconPlayerPlay size={16} aria-hidden />}
          loading={start.isPending}
          onClick={() => start.mutate(request(false), { onSuccess: onStarted })}
        >
          {t('imports.check.import')}
        </Button>
      </Group>
    </Stack>
  );
}
