import type { Attribute } from '@contracts/attributes.ts';
import type { CustomerSummary } from '@contracts/customers.ts';
import { Checkbox, Table } from '@mantine/core';
import type { KeyboardEvent } from 'react';
import { useNavigate } from 'react-router';
import { useT } from '../../i18n/i18nContext.ts';
import { isSortable } from './columnModel.ts';
import { CustomerCell } from './CustomerCell.tsx';
import { customerPath } from './CustomerLink.tsx';
import { SortableHeader } from './SortableHeader.tsx';
import { useColumnLabel } from './useColumnLabel.ts';

interface CustomersTableProps {
  customers: readonly CustomerSummary[];
  columns: readonly string[];
  attributes: readonly Attribute[];
  sort: string;
  order: 'asc' | 'desc';
  onSort: (column: string) => void;
  /** Row selection for bulk actions; absent for read-only users. */
  selection?: { selected: ReadonlySet<string>; onToggle: (id: string) => void; onToggleAll: (on: boolean) => void };
}

/** The list as a table: sortable headers; each row opens the profile (click, or Enter; arrows move between rows). */
export function CustomersTable({ customers, columns, attributes, sort, order, onSort, selection }: CustomersTableProps) {
  const t = useT();
  const navigate = useNavigate();
  const label = useColumnLabel(attributes);
  const selectedCount = selection ? customers.filter((customer) => selection.selected.has(customer.id)).length : 0;

  const onRowKey = (event: KeyboardEvent<HTMLTableRowElement>, customer: CustomerSummary) => {
    if (event.target !== event.currentTarget) return;
    const row = event.currentTarget;
    if (event.key === 'Enter') void navigate(customerPath(customer.id));
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const next = event.key === 'ArrowDown' ? row.nextElementSibling : row.previousElementSibling;
      (next as HTMLElement | null)?.focus();
    }
  };

  return (
    <Table.ScrollContainer minWidth={Math.max(560, columns.length * 140)}>
      <Table highlightOnHover stickyHeader verticalSpacing="xs" horizontalSpacing="md" aria-label={t('customers.caption')} className="rapport-customer-table">
        <Table.Thead>
          <Table.Tr>
            {selection && (
              <Table.Th w={40}>
                <Checkbox
                  aria-label={t('customers.selectAll')}
                  checked={customers.length > 0 && selectedCount === customers.length}
                  indeterminate={selectedCount > 0 && selectedCount < customers.length}
                  onChange={(event) => selection.onToggleAll(event.currentTarget.checked)}
                />
              </Table.Th>
            )}
            {columns.map((column) => (
              <SortableHeader
                key={column}
                label={label(column)}
                sortable={isSortable(column)}
                direction={sort === column ? order : null}
                onSort={() => onSort(column)}
              />
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {customers.map((customer) => (
            <Table.Tr
              key={customer.id}
              tabIndex={0}
              className="rapport-row"
              aria-label={customer.displayName}
              onClick={() => void navigate(customerPath(customer.id))}
              onKeyDown={(event) => onRowKey(event, customer)}
              bg={selection?.selected.has(customer.id) ? 'indigo.0' : undefined}
            >
              {selection && (
                <Table.Td onClick={(event) => event.stopPropagation()}>
                  <Checkbox
                    aria-label={t('customers.select', { name: customer.displayName })}
                    checked={selection.selected.has(customer.id)}
                    onChange={() => selection.onToggle(customer.id)}
                  />
                </Table.Td>
              )}
              {columns.map((column) => (
                <Table.Td key={column} style={{ whiteSpace: 'nowrap' }}>
                  <CustomerCell column={column} customer={customer} attributes={attributes} />
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
