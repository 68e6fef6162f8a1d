import type { ValueDashboard } from '@contracts/analytics.ts';
import { Anchor, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useT } from '../../i18n/i18nContext.ts';
import { useFormat } from '../../i18n/useFormat.ts';
import { valueListPath } from './segmentModel.ts';
import { TierBadge } from './ValueBadges.tsx';

/** Gold, silver and the rest: how many customers, how much value, what share, and where each tier starts. */
export function TierTable({ dashboard }: { dashboard: ValueDashboard }) {
  const t = useT();
  const format = useFormat();
  const { tiers, currency } = dashboard;
  return (
    <Table.ScrollContainer minWidth={480}>
      <Table verticalSpacing="xs" aria-label={t('value.tiers.title')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('value.tiers.tier')}</Table.Th>
            <Table.Th ta="right">{t('value.tiers.customers')}</Table.Th>
            <Table.Th ta="right">{t('value.tiers.value')}</Table.Th>
            <Table.Th ta="right">{t('value.tiers.share')}</Table.Th>
            <Table.Th ta="right">{t('value.tiers.threshold')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {tiers.map((row) => (
            <Table.Tr key={row.tier}>
              <Table.Td>
                <Anchor component={Link} to={valueListPath({ field: 'tier', op: 'eq', value: row.tier })} aria-label={t('value.tiers.open', { tier: t(`value.tier.${row.tier}`) })}>
                  <TierBadge tier={row.tier} />
                </Anchor>
              </Table.Td>
              <Table.Td ta="right">{format.number(row.customers)}</Table.Td>
              <Table.Td ta="right">{format.money(row.valueMinor, currency)}</Table.Td>
              <Table.Td ta="right">{format.percent(row.share, 1)}</Table.Td>
              <Table.Td ta="right">
                {row.thresholdMinor === null ? (
                  <Text span c="gray.5" aria-label={t('common.empty')}>
                    —
                  </Text>
                ) : (
                  t('value.tiers.from', { amount: format.money(row.thresholdMinor, currency) })
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
