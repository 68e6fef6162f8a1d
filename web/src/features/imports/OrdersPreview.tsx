import type { Inspection } from '@contracts/imports.ts';
import { Badge, Group, Stack, Table, Text } from '@mantine/core';
import { useT } from '../../i18n/i18nContext.ts';
import { useFormat } from '../../i18n/useFormat.ts';
import { linesSummary } from './sourceModel.ts';

const numeric = { textAlign: 'right', fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' } as const;

/**
 * The first orders as the import will store them: an order's rows together as its lines, the
 * amount the customer spent (shipping left out, fees kept apart), and the refund that follows a
 * refunded sale. What the row preview cannot show: how rows become purchases.
 */
export function OrdersPreview({ orders }: { orders: Inspection['orders'] }) {
  const t = useT();
  const format = useFormat();
  if (orders.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('imports.orders.empty')}
      </Text>
    );
  }
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table verticalSpacing={6} fz="sm" aria-label={t('imports.orders.table')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('imports.orders.order')}</Table.Th>
            <Table.Th>{t('imports.orders.customer')}</Table.Th>
            <Table.Th>{t('imports.orders.date')}</Table.Th>
            <Table.Th>{t('imports.orders.lines')}</Table.Th>
            <Table.Th style={numeric}>{t('imports.orders.amount')}</Table.Th>
            <Table.Th style={numeric}>{t('imports.orders.refund')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {orders.map((order) => {
            const lines = linesSummary(order.lines);
            const refund = order.kind === 'refund';
            const rows = order.rows.length === 1 ? t('imports.orders.row', { row: order.rows[0]! }) : t('imports.orders.rows', { first: order.rows[0]!, last: order.rows.at(-1)! });
            return (
              <Table.Tr key={`${order.orderId ?? ''}-${order.rows[0]}`}>
                <Table.Td>
                  <Text size="sm" fw={600}>
                    {order.orderId ?? '—'}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {rows}
                  </Text>
                </Table.Td>
                <Table.Td>{order.customer ?? <Text span size="sm" c="dimmed">{t('imports.preview.unknownCustomer')}</Text>}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{format.date(order.occurredAt)}</Table.Td>
                <Table.Td>
                  {lines.count === 0 ? (
                    <Text span size="sm" c="dimmed">
                      {t('imports.orders.noLines')}
                    </Text>
                  ) : (
                    <Stack gap={0}>
                      <Text size="sm">{t('imports.orders.lineCount', { count: lines.count })}</Text>
                      {lines.names.length > 0 && (
                        <Text size="xs" c="dimmed" lineClamp={2}>
                          {lines.more > 0 ? t('imports.orders.andMore', { names: lines.names.join(', '), count: lines.more }) : lines.names.join(', ')}
                        </Text>
                      )}
                    </Stack>
                  )}
                </Table.Td>
                <Table.Td style={numeric}>
                  <Group gap={6} justify="flex-end" wrap="nowrap">
                    {refund && (
                      <Badge variant="light" color="red" size="sm">
                        {t('purchases.kind.refund')}
                      </Badge>
                    )}
                    <Text span size="sm" fw={600} c={refund ? 'red.8' : undefined}>
                      {format.money(order.amountMinor, order.currency)}
                    </Text>
                  </Group>
                  {order.shippingMinor !== null && order.shippingMinor !== 0 && (
                    <Text size="xs" c="dimmed">
                      {t('imports.orders.shipping', { amount: format.money(order.shippingMinor, order.currency) })}
                    </Text>
                  )}
                  {order.feeMinor !== null && order.feeMinor !== 0 && (
                    <Text size="xs" c="dimmed">
                      {t('imports.orders.fee', { amount: format.money(order.feeMinor, order.currency) })}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td style={numeric}>
                  {order.refundMinor === null ? (
                    <Text span size="sm" c="dimmed">
                      —
                    </Text>
                  ) : (
                    <Text span size="sm" fw={600} c="red.8" title={t('imports.orders.refundHint')}>
                      {format.money(-order.refundMinor, order.currency)}
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
