import type { SourcesReport } from '@contracts/acquisition-reports.ts';
import { SegmentedControl, Text } from '@mantine/core';
import { useState } from 'react';
import { useT } from '../../i18n/i18nContext.ts';
import { Panel } from '../../ui/Panel.tsx';
import { AcquisitionTrendChart } from './AcquisitionTrendChart.tsx';
import { TREND_METRICS, trendMonths, type TrendMetric } from './trendMonths.ts';

/** At most five years of bars: more would be too thin to read. */
const MONTHS = 60;

/** The trend by month of acquisition: customers acquired, what they spent in their first 90 days, or what campaigns cost. */
export function SourcesTrend({ report }: { report: SourcesReport }) {
  const t = useT();
  const [metric, setMetric] = useState<TrendMetric>('customers');
  const months = trendMonths(report.trend, MONTHS);
  const cut = trendMonths(report.trend, Infinity).length > months.length;
  const control = (
    <SegmentedControl
      size="xs"
      value={metric}
      onChange={(value) => setMetric(value as TrendMetric)}
      data={TREND_METRICS.map((value) => ({ value, label: t(`sourcesReport.trend.choices.${value}`) }))}
      aria-label={t('sourcesReport.trend.choose')}
    />
  );
  return (
    <Panel size="sm" title={t('sourcesReport.trend.title')} description={t('sourcesReport.trend.description', { currency: report.currency })} actions={control}>
      {months.length > 0 ? (
        <AcquisitionTrendChart months={months} metric={metric} currency={report.currency} />
      ) : (
        <Text size="sm" c="dimmed" ta="center" py="xl">
          {t('sourcesReport.trend.empty')}
        </Text>
      )}
      {cut && (
        <Text size="xs" c="dimmed" mt={4}>
          {t('sourcesReport.trend.lastMonths', { count: MONTHS })}
        </Text>
      )}
    </Panel>
  );
}
