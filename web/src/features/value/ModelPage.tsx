import type { ModelReport } from '@contracts/analytics.ts';
import { SimpleGrid, Stack, Text } from '@mantine/core';
import { useT } from '../../i18n/i18nContext.ts';
import { useFormat } from '../../i18n/useFormat.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { LoadingState } from '../../ui/LoadingState.tsx';
import { StatTile } from '../../ui/StatTile.tsx';
import { usePageTitle } from '../../ui/usePageTitle.ts';
import { Panel } from '../../ui/Panel.tsx';
import { ModelFit } from './ModelFit.tsx';
import { PredictionNotice } from './PredictionNotice.tsx';
import { TrackingChart } from './TrackingChart.tsx';
import { relativeError } from './trackingModel.ts';
import { useModelReport } from './useAnalytics.ts';

/** The prediction model: what it was fitted on, its parameters, and how well it predicted a period it did not see. */
export function ModelPage() {
  const t = useT();
  usePageTitle(t('value.tabs.model'));
  const report = useModelReport();
  if (report.isPending) return <LoadingState />;
  if (report.isError) return <ErrorAlert error={report.error} onRetry={() => void report.refetch()} />;
  const data = report.data;
  return (
    <Stack gap="md">
      {!data.available && (
        <PredictionNotice reason={data.reason}>
          <Text size="sm" mt={4}>
            {t('value.model.minimums', { customers: data.minimums.customers, repeat: data.minimums.repeatCustomers, have: data.customers, haveRepeat: data.repeatCustomers })}
          </Text>
        </PredictionNotice>
      )}
      <ModelFacts report={data} />
      {(data.bgnbd || data.gammaGamma) && (
        <Panel size="sm" title={t('value.model.parameters')} description={t('value.model.parametersHint')}>
          <ModelFit report={data} />
        </Panel>
      )}
      {data.available && (
        <Panel size="sm" title={t('value.model.holdoutTitle')} description={t('value.model.holdoutHint')}>
          {data.tracking ? <Holdout tracking={data.tracking} /> : <Text size="sm" c="dimmed">{t('value.model.noHoldout')}</Text>}
        </Panel>
      )}
    </Stack>
  );
}

function ModelFacts({ report }: { report: ModelReport }) {
  const t = useT();
  const format = useFormat();
  return (
    <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm" component="section" aria-label={t('value.model.facts')}>
      <StatTile label={t('value.model.customers')} value={format.number(report.customers)} hint={t('value.model.atLeast', { count: report.minimums.customers })} />
      <StatTile label={t('value.model.repeatCustomers')} value={format.number(report.repeatCustomers)} hint={t('value.model.atLeast', { count: report.minimums.repeatCustomers })} />
      <StatTile label={t('value.model.fittedAt')} value={report.fittedAt && report.bgnbd ? format.date(report.fittedAt) : '—'} />
      <StatTile label={t('value.model.observationEnd')} value={report.observationEnd ? format.day(report.observationEnd) : '—'} hint={t('value.model.unitWeek')} />
    </SimpleGrid>
  );
}

function Holdout({ tracking }: { tracking: NonNullable<ModelReport['tracking']> }) {
  const t = useT();
  const format = useFormat();
  const { holdout } = tracking;
  const error = relativeError(holdout.actual, holdout.predicted);
  const round = (value: number) => format.number(Math.round(value * 10) / 10);
  return (
    <Stack gap="md">
      <TrackingChart tracking={tracking} />
      <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm" component="section" aria-label={t('value.model.holdoutTotals')}>
        <StatTile label={t('value.model.holdoutCustomers')} value={format.number(holdout.customers)} hint={t('value.model.period', { from: format.day(tracking.calibrationEnd), to: format.day(tracking.holdoutEnd) })} />
        <StatTile label={t('value.model.actualPurchases')} value={round(holdout.actual)} />
        <StatTile
          label={t('value.model.predictedPurchases')}
          value={round(holdout.predicted)}
          hint={error === null ? undefined : t(error >= 0 ? 'value.model.over' : 'value.model.under', { percent: format.percent(Math.abs(error), 1) })}
        />
        <StatTile label={t('value.model.mae')} value={format.number(Math.round(holdout.meanAbsoluteError * 100) / 100)} hint={t('value.model.maeHint')} />
      </SimpleGrid>
    </Stack>
  );
}
