import { VALUE_WINDOWS as WINDOWS, type CustomerValue } from '@contracts/analytics.ts';
import { Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { useT } from '../../i18n/i18nContext.ts';
import { useFormat } from '../../i18n/useFormat.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { TableSkeleton } from '../../ui/LoadingState.tsx';
import { StatTile } from '../../ui/StatTile.tsx';
import { Panel } from '../../ui/Panel.tsx';
import { CustomerOutlook } from './CustomerOutlook.tsx';
import { useCustomerValue } from './useAnalytics.ts';
import { LapseBadge, SegmentBadge, TierBadge } from './ValueBadges.tsx';


/** One customer's value: revenue by window, how they buy, where they rank, their segment and what to expect of them. */
export function CustomerValuePanel({ customerId }: { customerId: string }) {
  const t = useT();
  const value = useCustomerValue(customerId);
  const data = value.data;
  return (
    <Panel
      size="sm"
      title={t('value.panel.title')}
      description={data?.computedAt ? <Computed at={data.computedAt} /> : undefined}
      actions={data && <Badges value={data} />}
    >
      {value.isPending && <TableSkeleton rows={2} />}
      {value.isError && <ErrorAlert error={value.error} onRetry={() => void value.refetch()} />}
      {data && !data.computedAt && (
        <Text size="sm" c="dimmed">
          {t('value.panel.notComputed')}
        </Text>
      )}
      {data?.computedAt && data.purchases === 0 && (
        <Text size="sm" c="dimmed">
          {t('value.panel.noPurchases')}
        </Text>
      )}
      {data?.computedAt && data.purchases > 0 && <ValueFigures value={data} />}
    </Panel>
  );
}

function Computed({ at }: { at: string }) {
  const t = useT();
  const format = useFormat();
  return <>{t('value.panel.computed', { time: format.dateTime(at) })}</>;
}

function Badges({ value }: { value: CustomerValue }) {
  return (
    <Group gap={6}>
      {value.tier && <TierBadge tier={value.tier} size="md" />}
      {value.rfm && <SegmentBadge segment={value.rfm.segment} size="md" />}
      {value.lapse.state && <LapseBadge state={value.lapse.state} size="md" />}
    </Group>
  );
}

function ValueFigures({ value }: { value: CustomerValue }) {
  const t = useT();
  const format = useFormat();
  const money = (minor: number | null) => (minor === null ? '—' : format.money(minor, value.currency));
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm">
        {WINDOWS.map((window) => {
          const profit = value.profit[window];
          return (
            <StatTile
              key={window}
              label={t(`value.windows.revenue.${window}`)}
              value={money(value.revenue[window])}
              hint={profit === null ? undefined : t('value.panel.profit', { amount: money(profit) })}
            />
          );
        })}
        <StatTile label={t('value.panel.purchases')} value={format.number(value.purchases)} />
        <StatTile label={t('value.panel.averageOrder')} value={money(value.averageOrderMinor)} />
        <StatTile
          label={t('value.panel.averageGap')}
          value={value.averageGapDays === null ? '—' : t('value.panel.days', { count: Math.round(value.averageGapDays) })}
          hint={value.averageGapDays === null ? t('value.panel.gapNeedsTwo') : undefined}
        />
        <StatTile
          label={t('value.panel.sinceLast')}
          value={value.daysSinceLastPurchase === null ? '—' : t('value.panel.days', { count: value.daysSinceLastPurchase })}
          hint={value.lastPurchaseAt ? format.date(value.lastPurchaseAt) : undefined}
        />
      </SimpleGrid>
      <CustomerOutlook value={value} />
    </Stack>
  );
}
