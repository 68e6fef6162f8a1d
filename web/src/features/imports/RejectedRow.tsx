import { List, Table, Text, TextInput } from '@mantine/core';
import { useT } from '../../i18n/i18nContext.ts';
import { useImportMessages, type RowProblem } from './useImportMessages.ts';

interface RejectedRowProps {
  row: number;
  headers: readonly string[];
  cells: readonly string[];
  problems: readonly RowProblem[];
  edited: boolean;
  onChange: (index: number, value: string) => void;
}

/** A rejected row with a text box per cell; the bad cells say what is wrong with them. */
export function RejectedRow({ row, headers, cells, problems, edited, onChange }: RejectedRowProps) {
  const t = useT();
  const messages = useImportMessages();
  const cellProblems = (header: string) => problems.filter((problem) => problem.column === header).map(messages.problem);
  const rowProblems = problems.filter((problem) => problem.column === null || !headers.includes(problem.column));

  return (
    <Table.Tr bg={edited ? 'indigo.0' : undefined}>
      <Table.Th scope="row" fw={600} c="dimmed" style={{ verticalAlign: 'top', paddingTop: 14 }}>
        {row}
      </Table.Th>
      {headers.map((header, index) => {
        const bad = cellProblems(header);
        return (
          <Table.Td key={index} style={{ verticalAlign: 'top' }}>
            <TextInput
              size="xs"
              aria-label={t('imports.grid.cell', { column: header, row })}
              value={cells[index] ?? ''}
              onChange={(event) => onChange(index, event.currentTarget.value)}
              error={bad.length > 0 ? bad.join(' ') : undefined}
              title={bad.length > 0 ? bad.join(' ') : undefined}
            />
          </Table.Td>
        );
      })}
      <Table.Td style={{ verticalAlign: 'top' }}>
        {rowProblems.length > 0 ? (
          <List size="xs" c="red.8" spacing={2}>
            {rowProblems.map((problem, index) => (
              <List.Item key={index}>{messages.problem(problem)}</List.Item>
            ))}
          </List>
        ) : (
          <Text size="xs" c="dimmed">
            {t('imports.grid.seeCells')}
          </Text>
        )}
      </Table.Td>
    </Table.Tr>
  );
}
