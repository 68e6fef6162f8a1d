import type { SourceReportRow } from '@contracts/acquisition-reports.ts';
import { Anchor, Stack, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../../i18n/i18nContext.ts';
import { useFormat } from '../../i18n/useFormat.ts';
import { formatWholeMoney } from './wholeMoney.ts';

/** The figure columns, in the order of the headings (SOURCE_COLUMNS). */
export const SOURCE_COLUMNS = ['customers', 'buyers', 'revenue90', 'revenue365', 'revenue', 'profit', 'predicted12m', 'cost', 'costPerCustomer', 'costPerBuyer', 'roi', 'paybackMonth'] as const;

/**
 * A row's figures: money in whole units of the workspace currency (exact on hover), a dash where
 * there is nothing to show; the customers count opens them in the list (`customersTo`).
 */
export function SourceRowCells({ row, currency, customersTo }: { row: SourceReportRow; currency: string; customersTo?: string }) {
  const { t, locale } = useI18n();
  const format = useFormat();
  const money = (value: number | null) =>
    value === null ? (
      <Dash />
    ) : (
      <span title={format.money(value, currency)}>{formatWholeMoney(value, currency, locale)}</span>
    );
  const cells: Record<(typeof SOURCE_COLUMNS)[number], ReactNode> = {
    customers:
      customersTo && row.customers > 0 ? (
        <Anchor component={Link} to={customersTo} inherit aria-label={t('sourcesReport.openCustomers', { count: row.customers })}>
          {format.number(row.customers)}
        </Anchor>
      ) : (
        format.number(row.customers)
      ),
    buyers: format.number(row.buyers),
    revenue90: money(row.revenue90),
    revenue365: money(row.revenue365),
    revenue: money(row.revenue),
    profit: money(row.profit),
    predicted12m: money(row.predicted12m),
    cost: row.cost === 0 ? <Dash /> : money(row.cost),
    costPerCustomer: money(row.costPerCustomer),
    costPerBuyer: money(row.costPerBuyer),
    roi:
      row.roi === null ? (
        <Dash />
      ) : (
        <Stack gap={0} align="flex-end">
          <Text inherit c={row.roi < 0 ? 'red.7' : undefined}>
            {format.percent(row.roi)}
          </Text>
          {row.roiBasis === 'revenue' && (
            <Text fz={11} c="dimmed">
              {t('sourcesReport.onRevenue')}
            </Text>
          )}
        </Stack>
      ),
    paybackMonth:
      row.paybackMonth !== null ? t('sourcesReport.paybackIn', { count: row.paybackMonth }) : row.cost > 0 ? <Text c="dimmed" inherit>{t('sourcesReport.notYet')}</Text> : <Dash />,
  };
  return SOURCE_COLUMNS.map((column) => (
    <Table.Td key={column} ta="right" style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>
      {cells[column]}
    </Table.Td>
  ));
}

function Dash() {
  return (
    <Text component="span" c="dimmed" inherit>
      —
    </Text>
  );
}
