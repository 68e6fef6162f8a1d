import { Group, Table, UnstyledButton } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconArrowsSort } from '@tabler/icons-react';
import { useT } from '../../i18n/i18nContext.ts';

interface SortableHeaderProps {
  label: string;
  sortable: boolean;
  /** This column's direction when the list is sorted by it. */
  direction: 'asc' | 'desc' | null;
  onSort: () => void;
}

/** A column header; sortable ones are buttons that sort, then reverse the order. */
export function SortableHeader({ label, sortable, direction, onSort }: SortableHeaderProps) {
  const t = useT();
  if (!sortable) {
    return (
      <Table.Th scope="col" style={{ whiteSpace: 'nowrap' }}>
        {label}
      </Table.Th>
    );
  }
  const Icon = direction === 'asc' ? IconArrowUp : direction === 'desc' ? IconArrowDown : IconArrowsSort;
  return (
    <Table.Th scope="col" style={{ whiteSpace: 'nowrap' }} aria-sort={direction === 'asc' ? 'ascending' : direction === 'desc' ? 'descending' : 'none'}>
      <UnstyledButton onClick={onSort} className="rapport-sort-button" title={t('customers.sortBy', { column: label })}>
        <Group gap={4} wrap="nowrap" component="span">
          {label}
          <Icon size={14} aria-hidden color={direction ? 'var(--mantine-color-indigo-7)' : 'var(--mantine-color-gray-5)'} />
        </Group>
      </UnstyledButton>
    </Table.Th>
  );
}
