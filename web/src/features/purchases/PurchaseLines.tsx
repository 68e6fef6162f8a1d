import type { Transaction } from '@contracts/transactions.ts';
import { Table } from '@mantine/core';
import { useI18n } from '../../i18n/i18nContext.ts';
import { currencyFractionDigits } from '../../i18n/format.ts';
import { useFormat } from '../../i18n/useFormat.ts';

/** The items of one purchase: code, description, quantity, unit price, amount. */
export function PurchaseLines({ transaction }: { transaction: Transaction }) {
  const { t, locale } = useI18n();
  const format = useFormat();
  // A unit price may be finer than the currency's minor unit (0.855 a piece): shown as given.
  const digits = currencyFractionDigits(transaction.currency);
  const unitPrice = new Intl.NumberFormat(locale, { style: 'currency', currency: transaction.currency, minimumFractionDigits: digits, maximumFractionDigits: Math.max(digits, 6) });
  const numeric = { textAlign: 'right', fontVariantNumeric: 'tabular-nums' } as const;
  return (
    <Table withRowBorders={false} verticalSpacing={4} fz="sm" aria-label={t('purchases.lines.title')}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('purchases.lines.productCode')}</Table.Th>
          <Table.Th>{t('purchases.lines.description')}</Table.Th>
          <Table.Th style={numeric}>{t('purchases.lines.quantity')}</Table.Th>
          <Table.Th style={numeric}>{t('purchases.lines.unitPrice')}</Table.Th>
          <Table.Th style={numeric}>{t('purchases.lines.amount')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {transaction.lines.map((line, index) => (
          <Table.Tr key={index}>
            <Table.Td>{line.productCode ?? '—'}</Table.Td>
            <Table.Td>{line.description ?? '—'}</Table.Td>
            <Table.Td style={numeric}>{line.quantity === null ? '—' : format.number(line.quantity)}</Table.Td>
            <Table.Td style={numeric}>{line.unitPrice === null ? '—' : unitPrice.format(Number(line.unitPrice))}</Table.Td>
            <Table.Td style={numeric}>{format.money(line.amountMinor, transaction.currency)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
