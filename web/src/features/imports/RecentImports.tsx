import { Anchor, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useT } from '../../i18n/i18nContext.ts';
import { useFormat } from '../../i18n/useFormat.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { TableSkeleton } from '../../ui/LoadingState.tsx';
import { Panel } from '../../ui/Panel.tsx';
import { JobStatusBadge } from './JobStatusBadge.tsx';
import { useImportJobs } from './useImports.ts';

/** The workspace's recent imports, each opening its progress or result. */
export function RecentImports() {
  const t = useT();
  const format = useFormat();
  const jobs = useImportJobs();
  if (jobs.data?.length === 0) return null;
  const numeric = { textAlign: 'right', fontVariantNumeric: 'tabular-nums' } as const;
  return (
    <Panel title={t('imports.recent.title')} description={t('imports.recent.description')}>
      {jobs.isPending && <TableSkeleton rows={2} />}
      {jobs.isError && <ErrorAlert error={jobs.error} onRetry={() => void jobs.refetch()} />}
      {jobs.data && (
        <Table.ScrollContainer minWidth={640}>
          <Table verticalSpacing="xs" highlightOnHover aria-label={t('imports.recent.title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('imports.recent.file')}</Table.Th>
                <Table.Th>{t('imports.recent.kind')}</Table.Th>
                <Table.Th>{t('imports.recent.started')}</Table.Th>
                <Table.Th>{t('imports.recent.status')}</Table.Th>
                <Table.Th style={numeric}>{t('imports.counts.rows')}</Table.Th>
                <Table.Th style={numeric}>{t('imports.counts.rejected')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {jobs.data.map((job) => (
                <Table.Tr key={job.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/import/${job.id}`} size="sm" fw={600}>
                      {job.fileName}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{t(`imports.recent.kinds.${job.kind}`)}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                      {format.dateTime(job.createdAt)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <JobStatusBadge job={job} />
                  </Table.Td>
                  <Table.Td style={numeric}>{format.number(job.counts.rows)}</Table.Td>
                  <Table.Td style={numeric} c={job.counts.rejected > 0 ? 'red.8' : undefined}>
                    {format.number(job.counts.rejected)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Panel>
  );
}
