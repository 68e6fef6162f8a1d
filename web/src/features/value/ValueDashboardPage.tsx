import { SimpleGrid, Stack, Text } from '@mantine/core';
import { useI18n } from '../../i18n/i18nContext.ts';
import { useFormat } from '../../i18n/useFormat.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { LoadingState } from '../../ui/LoadingState.tsx';
import { usePageTitle } from '../../ui/usePageTitle.ts';
import { Panel } from '../../ui/Panel.tsx';
import { ConcentrationWarning } from './ConcentrationWarning.tsx';
import { GoldChanges } from './GoldChanges.tsx';
import { GoldList } from './GoldList.tsx';
import { ParetoChart } from './ParetoChart.tsx';
import { currentMonth } from '../purchases/spendModel.ts';
import { PredictionNotice } from './PredictionNotice.tsx';
import { RevenueChart } from './RevenueChart.tsx';
import { fillMonths } from './revenueMonths.ts';
import { TierTable } from './TierTable.tsx';
import { useValueDashboard } from './useAnalytics.ts';
import { ValueTotals } from './ValueTotals.tsx';

const MONTHS = 24;

/** The overview: totals, revenue by month, how value is spread, the tiers, the gold customers and who moved. */
export function ValueDashboardPage() {
  const { t, timeZone } = useI18n();
  const format = useFormat();
  usePageTitle(t('value.title'));
  const dashboard = useValueDashboard();
  if (dashboard.isPending) return <LoadingState />;
  if (dashboard.isError) return <ErrorAlert error={dashboard.error} onRetry={() => void dashboard.refetch()} />;
  const data = dashboard.data;
  const { settings } = data;
  const basis = t('value.tiers.basis', { metric: t(`value.metric.${settings.tierMetric}`), window: t(`value.windows.over.${settings.tierWindow}`) });
  const months = fillMonths(data.months, MONTHS);

  return (
    <Stack gap="md">
      {!data.prediction.available && <PredictionNotice reason={data.prediction.reason} />}
      <ConcentrationWarning />
      <ValueTotals dashboard={data} />
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
        <Panel size="sm" title={t('value.months.heading')} description={t('value.months.description', { currency: data.currency })}>
          {months.length > 0 ? <RevenueChart months={months} currency={data.currency} current={currentMonth(timeZone)} /> : <Empty text={t('value.months.empty')} />}
        </Panel>
        <Panel size="sm" title={t('value.pareto.heading')} description={basis}>
          <ParetoChart pareto={data.pareto} />
        </Panel>
      </SimpleGrid>
      <Panel size="sm" title={t('value.tiers.title')} description={t('value.tiers.description', { gold: format.percent(settings.goldShare, 1), silver: format.percent(settings.silverShare, 1), basis })}>
        <TierTable dashboard={data} />
      </Panel>
      <Panel size="sm" title={t('value.gold.title')} description={basis}>
        <GoldList dashboard={data} />
      </Panel>
      <Panel size="sm" title={t('value.changes.title')}>
        <GoldChanges dashboard={data} />
      </Panel>
    </Stack>
  );
}

function Empty({ text }: { text: string }) {
  return (
    <Text size="sm" c="dimmed" py="xl" ta="center">
      {text}
    </Text>
  );
}
