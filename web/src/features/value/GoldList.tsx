import type { ValueDashboard } from '@contracts/analytics.ts';
import { Anchor, Button, Group, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { useT } from '../../i18n/i18nContext.ts';
import { useFormat } from '../../i18n/useFormat.ts';
import { customerPath } from '../customers/CustomerLink.tsx';
import { valueListPath } from './segmentModel.ts';
import { Trend } from './Trend.tsx';

const FIRST = 20;

/** The gold customers by rank; predicted columns only when there is a model to predict with. */
export function GoldList({ dashboard }: { dashboard: ValueDashboard }) {
  const t = useT();
  const format = useFormat();
  const [all, setAll] = useState(false);
  const { gold, currency, prediction } = dashboard;
  const shown = all ? gold : gold.slice(0, FIRST);
  const dash = (
    <Text span c="gray.5" aria-label={t('common.empty')}>
      —
    </Text>
  );

  if (gold.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('value.gold.empty')}
      </Text>
    );
  }
  return (
    <>
      <Table.ScrollContainer minWidth={prediction.available ? 820 : 620}>
        <Table verticalSpacing="xs" highlightOnHover aria-label={t('value.gold.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={48}>{t('value.gold.rank')}</Table.Th>
              <Table.Th>{t('value.gold.name')}</Table.Th>
              <Table.Th ta="right">{t('value.gold.value')}</Table.Th>
              <Table.Th ta="right">{t('value.gold.trend')}</Table.Th>
              <Table.Th>{t('value.gold.lastPurchase')}</Table.Th>
              {prediction.available && <Table.Th ta="right">{t('value.gold.pAlive')}</Table.Th>}
              {prediction.available && <Table.Th ta="right">{t('value.gold.clv')}</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.map((entry) => (
              <Table.Tr key={entry.id}>
                <Table.Td c="dimmed" style={{ fontVariantNumeric: 'tabular-nums' }}>
                  {format.number(entry.rank)}
                </Table.Td>
                <Table.Td>
                  <Anchor component={Link} to={customerPath(entry.id)} size="sm" fw={600}>
                    {entry.displayName}
                  </Anchor>
                </Table.Td>
                <Table.Td ta="right">{format.money(entry.valueMinor, currency)}</Table.Td>
                <Table.Td ta="right">
                  <Trend trend={entry.trend} />
                </Table.Td>
                <Table.Td>{entry.lastPurchaseAt ? format.date(entry.lastPurchaseAt) : dash}</Table.Td>
                {prediction.available && <Table.Td ta="right">{entry.pAlive === null ? dash : format.percent(entry.pAlive)}</Table.Td>}
                {prediction.available && <Table.Td ta="right">{entry.clvMinor === null ? dash : format.money(entry.clvMinor, currency)}</Table.Td>}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Group justify="space-between" mt="sm">
        <Anchor component={Link} to={valueListPath({ field: 'tier', op: 'eq', value: 'gold' })} size="sm">
          {t('value.gold.openList')}
        </Anchor>
        {!all && gold.length > FIRST && (
          <Button variant="subtle" size="compact-sm" onClick={() => setAll(true)}>
            {t('value.gold.showAll', { count: gold.length })}
          </Button>
        )}
      </Group>
    </>
  );
}
