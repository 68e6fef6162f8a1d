import { Anchor, Group } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { Link, useParams } from 'react-router';
import { useT } from '../../i18n/i18nContext.ts';
import { useFormat } from '../../i18n/useFormat.ts';
import { LoadingState } from '../../ui/LoadingState.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { ImportErrorAlert } from './ImportErrorAlert.tsx';
import { ImportSteps } from './ImportSteps.tsx';
import { JobStatusBadge } from './JobStatusBadge.tsx';
import { JobView } from './JobView.tsx';
import { isActive, useImportJob } from './useImports.ts';

/** /import/:importId — any import, to follow while it runs or come back to for its result. */
export function ImportJobPage() {
  const t = useT();
  const format = useFormat();
  const { importId = '' } = useParams();
  const job = useImportJob(importId);

  return (
    <>
      <Anchor component={Link} to="/import" size="sm" w="fit-content" display="block" mb="sm">
        <Group gap={4} component="span">
          <IconArrowLeft size={14} aria-hidden />
          {t('imports.job.back')}
        </Group>
      </Anchor>
      {job.isPending && <LoadingState />}
      {job.isError && <ImportErrorAlert error={job.error} />}
      {job.data && (
        <>
          <PageHeader
            title={t('imports.job.title', { file: job.data.fileName })}
            description={t('imports.job.started', { date: format.dateTime(job.data.createdAt) })}
            actions={<JobStatusBadge job={job.data} />}
          />
          <ImportSteps active={isActive(job.data) ? 3 : 4} />
          <JobView job={job.data} />
        </>
      )}
    </>
  );
}
