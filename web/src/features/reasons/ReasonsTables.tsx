import { Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';

/** A plain report table: a heading row and rows of cells, numbers right-aligned. */
export function ReportTable({ headers, rows, numericFrom = 1 }: { headers: string[]; rows: { key: string; cells: ReactNode[] }[]; numericFrom?: number }) {
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table verticalSpacing="xs" striped highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            {headers.map((h, i) => (
              <Table.Th key={h} ta={i >= numericFrom ? 'right' : undefined}>
                <Text size="sm" fw={600} span>{h}</Text>
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.key}>
              {row.cells.map((cell, i) => (
                <Table.Td key={i} ta={i >= numericFrom ? 'right' : undefined} style={i >= numericFrom ? { fontVariantNumeric: 'tabular-nums' } : undefined}>
                  {cell}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
