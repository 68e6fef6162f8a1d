import type { ImportJob } from '@contracts/imports.ts';
import { Alert, Button, Group, Stack, Table, Text } from '@mantine/core';
import { IconDownload, IconSend } from '@tabler/icons-react';
import { useState } from 'react';
import { importsApi } from '../../api/importsApi.ts';
import { useT } from '../../i18n/i18nContext.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { TableSkeleton } from '../../ui/LoadingState.tsx';
import { LoadMoreButton, NextPageError } from '../../ui/NextPage.tsx';
import { ImportErrorAlert } from './ImportErrorAlert.tsx';
import { RejectedRow } from './RejectedRow.tsx';
import { useRejectionPages, useResubmit } from './useImports.ts';

/**
 * The rows an import turned away, as an editable grid of the file's own columns. Fixed rows
 * are sent again: those now good are imported and leave the grid; the rest stay, with the
 * reasons they still fail.
 */
export function RejectedGrid({ job }: { job: ImportJob }) {
  const t = useT();
  const pages = useRejectionPages(job.id, true);
  const resubmit = useResubmit(job.id);
  const [drafts, setDrafts] = useState<ReadonlyMap<number, string[]>>(new Map());
  const [outcome, setOutcome] = useState<{ accepted: number; rejected: number } | null>(null);

  const headers = pages.data?.pages[0]?.headers ?? job.headers;
  const items = pages.data?.pages.flatMap((page) => page.items) ?? [];
  const edited = items.filter((item) => drafts.has(item.row));

  const change = (row: number, cells: readonly string[], index: number, value: string) => {
    setOutcome(null);
    setDrafts((current) => {
      const next = new Map(current);
      const draft = [...(current.get(row) ?? cells)];
      while (draft.length < headers.length) draft.push('');
      draft[index] = value;
      next.set(row, draft);
      return next;
    });
  };

  const submit = () =>
    resubmit.mutate(
      { rows: edited.map((item) => ({ row: item.row, cells: drafts.get(item.row) ?? item.cells })) },
      {
        onSuccess: (result) => {
          // The server keeps the new text of rows still rejected, so the grid shows it from there.
          setDrafts(new Map());
          setOutcome({ accepted: result.accepted.length, rejected: result.rejected.length });
        },
      },
    );

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Text size="sm" c="dimmed" maw={640}>
          {t('imports.grid.description')}
        </Text>
        <Button component="a" href={importsApi.rejectionsCsvUrl(job.id)} download variant="default" leftSection={<IconDownload size={16} aria-hidden />}>
          {t('imports.grid.download')}
        </Button>
      </Group>
      {pages.isPending && <TableSkeleton rows={3} />}
      {pages.isError && !pages.data && <ErrorAlert error={pages.error} onRetry={() => void pages.refetch()} />}
      {outcome && (
        <Alert color={outcome.rejected > 0 ? 'orange' : 'teal'} variant="light" role="status">
          {t('imports.grid.accepted', { count: outcome.accepted })}
          {outcome.rejected > 0 && ` ${t('imports.grid.stillRejected', { count: outcome.rejected })}`}
        </Alert>
      )}
      {resubmit.isError && <ImportErrorAlert error={resubmit.error} />}
      {items.length > 0 && (
        <Table.ScrollContainer minWidth={80 + headers.length * 150 + 220}>
          <Table verticalSpacing="xs" withColumnBorders aria-label={t('imports.grid.table')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={64}>{t('imports.grid.row')}</Table.Th>
                {headers.map((header, index) => (
                  <Table.Th key={index} miw={150}>
                    {header}
                  </Table.Th>
                ))}
                <Table.Th miw={220}>{t('imports.grid.rowProblems')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((item) => (
                <RejectedRow
                  key={item.row}
                  row={item.row}
                  headers={headers}
                  cells={drafts.get(item.row) ?? item.cells}
                  problems={item.problems}
                  edited={drafts.has(item.row)}
                  onChange={(index, value) => change(item.row, item.cells, index, value)}
                />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Group justify="space-between">
        <LoadMoreButton pages={pages} />
        <Group gap="sm" ml="auto">
          <Text size="sm" c="dimmed" aria-live="polite">
            {t('imports.grid.edited', { count: edited.length })}
          </Text>
          <Button leftSection={<IconSend size={16} aria-hidden />} disabled={edited.length === 0} loading={resubmit.isPending} onClick={submit}>
            {t('imports.grid.submit')}
          </Button>
        </Group>
      </Group>
      <NextPageError pages={pages} />
    </Stack>
  );
}
