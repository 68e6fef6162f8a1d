import type { CustomerProfile } from '@contracts/customers.ts';
import { Group, Radio, Table, Text } from '@mantine/core';
import { IconEqual } from '@tabler/icons-react';
import { useT } from '../../i18n/i18nContext.ts';
import type { MergeRow, Side } from './mergeModel.ts';

interface MergeTableProps {
  rows: readonly MergeRow[];
  survivor: CustomerProfile;
  other: CustomerProfile;
  chosen: Readonly<Record<string, Side>>;
  onChoose: (field: string, side: Side) => void;
  label: (field: string) => string;
}

/** Side by side: per field, the user picks whose value stays. Equal values need no choice. */
export function MergeTable({ rows, survivor, other, chosen, onChoose, label }: MergeTableProps) {
  const t = useT();
  const cell = (row: MergeRow, side: Side) => {
    const value = row[side];
    const text = value ?? t('merge.empty');
    if (row.same) {
      return (
        <Group gap={6} wrap="nowrap">
          <IconEqual size={14} aria-hidden color="var(--mantine-color-gray-5)" />
          <Text size="sm">{text}</Text>
        </Group>
      );
    }
    // Native radios sharing a name: one choice per field, arrows move between the two.
    return (
      <Radio
        name={`merge-${row.field}`}
        value={side}
        checked={(chosen[row.field] ?? row.preferred) === side}
        onChange={() => onChoose(row.field, side)}
        label={text}
        aria-label={`${label(row.field)}: ${text}`}
        styles={{ label: { fontStyle: value === null ? 'italic' : undefined, whiteSpace: 'pre-wrap' } }}
      />
    );
  };

  return (
    <Table.ScrollContainer minWidth={560}>
      <Table verticalSpacing="sm" layout="fixed" withRowBorders>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w="22%">{t('merge.field')}</Table.Th>
            <Table.Th>{t('merge.keeps', { name: survivor.displayName })}</Table.Th>
            <Table.Th>{t('merge.goes', { name: other.displayName })}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.field}>
              <Table.Th scope="row" fz="sm">
                {label(row.field)}
              </Table.Th>
              <Table.Td>{cell(row, 'survivor')}</Table.Td>
              <Table.Td>{cell(row, 'other')}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
