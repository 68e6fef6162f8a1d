import type { Transaction } from '@contracts/transactions.ts';
import { Table, VisuallyHidden } from '@mantine/core';
import { useT } from '../../i18n/i18nContext.ts';
import { PurchaseRow } from './PurchaseRow.tsx';

interface PurchasesTableProps {
  transactions: readonly Transaction[];
  onDelete: ((transaction: Transaction) => void) | undefined;
}

/** Purchases and refunds, newest first. */
export function PurchasesTable({ transactions, onDelete }: PurchasesTableProps) {
  const t = useT();
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table verticalSpacing="xs" highlightOnHover aria-label={t('purchases.table')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('purchases.columns.date')}</Table.Th>
            <Table.Th>{t('purchases.columns.order')}</Table.Th>
            <Table.Th>{t('purchases.columns.kind')}</Table.Th>
            <Table.Th ta="right">{t('purchases.columns.amount')}</Table.Th>
            <Table.Th>{t('purchases.columns.source')}</Table.Th>
            <Table.Th>
              <VisuallyHidden>{t('purchases.columns.actions')}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {transactions.map((transaction) => (
            <PurchaseRow key={transaction.id} transaction={transaction} onDelete={onDelete} />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
