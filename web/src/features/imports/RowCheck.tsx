import { List, Text } from '@mantine/core';
import { IconCheck } from '@tabler/icons-react';
import type { Inspection } from '@contracts/imports.ts';
import { useT } from '../../i18n/i18nContext.ts';
import { useImportMessages } from './useImportMessages.ts';

type PreviewRow = Pick<Inspection['preview'][number], 'ok' | 'problems'>;

/** A preview row's verdict: a tick, or why it would be rejected (the column first). */
export function RowCheck({ row }: { row: PreviewRow }) {
  const t = useT();
  const messages = useImportMessages();
  if (row.ok) return <IconCheck size={16} color="var(--mantine-color-teal-7)" aria-label={t('imports.preview.ok')} />;
  return (
    <List size="sm" c="red.8" spacing={2}>
      {row.problems.map((problem, index) => (
        <List.Item key={index}>
          {problem.column && (
            <Text span fw={600} size="sm">
              {problem.column}:{' '}
            </Text>
          )}
          {messages.problem(problem)}
        </List.Item>
      ))}
    </List>
  );
}
