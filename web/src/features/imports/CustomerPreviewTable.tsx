import { Table } from '@mantine/core';
import type { CustomerInspection } from '../../api/importsApi.ts';
import { useT } from '../../i18n/i18nContext.ts';
import { RowCheck } from './RowCheck.tsx';

interface CustomerPreviewTableProps {
  preview: CustomerInspection['preview'];
  headers: readonly string[];
}

/**
 * The first rows of a customers file as written in it: rows that read well are ticked, rows that
 * would be rejected are red, with their reasons first (a wide file scrolls, the reasons stay in view).
 */
export function CustomerPreviewTable({ preview, headers }: CustomerPreviewTableProps) {
  const t = useT();
  return (
    <Table.ScrollContainer minWidth={Math.max(720, 160 + headers.length * 130)}>
      <Table verticalSpacing={6} fz="sm" aria-label={t('imports.preview.table')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={60}>{t('imports.preview.row')}</Table.Th>
            <Table.Th miw={240}>{t('imports.preview.check')}</Table.Th>
            {headers.map((header, index) => (
              <Table.Th key={`${index}-${header}`}>{header}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {preview.map((row) => (
            <Table.Tr key={row.row} bg={row.ok ? undefined : 'red.0'}>
              <Table.Td c="dimmed">{row.row}</Table.Td>
              <Table.Td>
                <RowCheck row={row} />
              </Table.Td>
              {headers.map((header, index) => {
                const bad = !row.ok && row.problems.some((problem) => problem.column === header);
                return (
                  <Table.Td key={`${index}-${header}`} c={bad ? 'red.8' : row.ok ? undefined : 'dimmed'} fw={bad ? 600 : undefined} style={{ whiteSpace: 'nowrap' }}>
                    {row.cells[index] ?? ''}
                  </Table.Td>
                );
              })}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
