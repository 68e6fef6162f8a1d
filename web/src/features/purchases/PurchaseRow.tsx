import type { Transaction } from '@contracts/transactions.ts';
import { ActionIcon, Badge, Group, Table, Text } from '@mantine/core';
import { IconChevronDown, IconChevronRight, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useT } from '../../i18n/i18nContext.ts';
import { useFormat } from '../../i18n/useFormat.ts';
import { PurchaseLines } from './PurchaseLines.tsx';

export const PURCHASE_COLUMNS = 6;

interface PurchaseRowProps {
  transaction: Transaction;
  onDelete: ((transaction: Transaction) => void) | undefined;
}

/** One sale or refund; its line items open underneath. */
export function PurchaseRow({ transaction, onDelete }: PurchaseRowProps) {
  const t = useT();
  const format = useFormat();
  const [open, setOpen] = useState(false);
  const amount = format.money(transaction.amountMinor, transaction.currency);
  const what = transaction.externalId ? t('purchases.row.order', { order: transaction.externalId }) : `${amount}, ${format.date(transaction.occurredAt)}`;
  const refund = transaction.kind === 'refund';
  const lines = transaction.lines.length;

  return (
    <>
      <Table.Tr>
        <Table.Td>
          <Group gap={4} wrap="nowrap">
            {lines > 0 ? (
              <ActionIcon
                variant="subtle"
                color="gray"
                size="sm"
                aria-expanded={open}
                aria-label={t('purchases.row.showLines', { what, count: lines })}
                onClick={() => setOpen(!open)}
              >
                {open ? <IconChevronDown size={14} aria-hidden /> : <IconChevronRight size={14} aria-hidden />}
              </ActionIcon>
            ) : (
              <span style={{ width: 22, display: 'inline-block' }} />
            )}
            <time dateTime={transaction.occurredAt} title={format.dateTime(transaction.occurredAt)} style={{ whiteSpace: 'nowrap' }}>
              {format.date(transaction.occurredAt)}
            </time>
          </Group>
        </Table.Td>
        <Table.Td>{transaction.externalId ?? <Text span c="dimmed" size="sm">—</Text>}</Table.Td>
        <Table.Td>
          <Badge variant="light" color={refund ? 'red' : 'teal'}>
            {t(`purchases.kind.${transaction.kind}`)}
          </Badge>
        </Table.Td>
        <Table.Td ta="right" c={refund ? 'red.8' : undefined} style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
          {amount}
        </Table.Td>
        <Table.Td>
          <Text size="sm" c="dimmed">
            {t(`purchases.source.${transaction.source}`)}
          </Text>
          {transaction.note && (
            <Text size="xs" c="dimmed" lineClamp={2} title={transaction.note}>
              {transaction.note}
            </Text>
          )}
        </Table.Td>
        <Table.Td ta="right">
          {onDelete && (
            <ActionIcon variant="subtle" color="gray" size="sm" aria-label={t('purchases.row.delete', { what })} onClick={() => onDelete(transaction)}>
              <IconTrash size={14} aria-hidden />
            </ActionIcon>
          )}
        </Table.Td>
      </Table.Tr>
      {open && (
        <Table.Tr>
          <Table.Td colSpan={PURCHASE_COLUMNS} bg="gray.0" pl={40}>
            <PurchaseLines transaction={transaction} />
          </Table.Td>
        </Table.Tr>
      )}
    </>
  );
}
