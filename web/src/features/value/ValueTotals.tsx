import type { ValueDashboard } from '@contracts/analytics.ts';
import { SimpleGrid } from '@mantine/core';
import { useT } from '../../i18n/i18nContext.ts';
import { useFormat } from '../../i18n/useFormat.ts';
import { StatTile } from '../../ui/StatTile.tsx';

/** Customers, buyers and revenue over each window; the predicted value when the model is there. */
export function ValueTotals({ dashboard }: { dashboard: ValueDashboard }) {
  const t = useT();
  const format = useFormat();
  const { totals, currency, prediction, settings } = dashboard;
  const money = (minor: number) => format.money(minor, currency);
  return (
    <SimpleGrid cols={{ base: 2, sm: 3, lg: prediction.available ? 4 : 6 }} spacing="sm" component="section" aria-label={t('value.totals.title')}>
      <StatTile label={t('value.totals.customers')} value={format.number(totals.customers)} />
      <StatTile
        label={t('value.totals.buyers')}
        value={format.number(totals.buyers)}
        hint={totals.customers > 0 ? t('value.totals.buyersShare', { percent: format.percent(totals.buyers / totals.customers) }) : undefined}
      />
      <StatTile label={t('value.windows.revenue.days30')} value={money(totals.revenue.days30)} />
      <StatTile label={t('value.windows.revenue.days90')} value={money(totals.revenue.days90)} />
      <StatTile label={t('value.windows.revenue.days365')} value={money(totals.revenue.days365)} />
      <StatTile label={t('value.windows.revenue.lifetime')} value={money(totals.revenue.lifetime)} />
      {prediction.available && prediction.clvTotalMinor !== null && (
        <StatTile label={t('value.totals.predicted', { count: settings.horizonMonths })} value={money(prediction.clvTotalMinor)} hint={t('value.totals.predictedHint')} />
      )}
      {prediction.available && prediction.expectedPurchases365 !== null && (
        <StatTile label={t('value.totals.expectedPurchases')} value={format.number(Math.round(prediction.expectedPurchases365))} />
      )}
    </SimpleGrid>
  );
}
