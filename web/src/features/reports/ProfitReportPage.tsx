import { PERIODS, type PeriodUnit } from '@contracts/reports.ts';
import { Alert, Card, Group, MultiSelect, SegmentedControl, Select, Stack, Text } from '@mantine/core';
import { IconChartLine, IconInfoCircle } from '@tabler/icons-react';
import { useT } from '../../i18n/i18nContext.ts';
import { useFormat } from '../../i18n/useFormat.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { LoadingState } from '../../ui/LoadingState.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { MAX_SERIES, ProfitChart } from './ProfitChart.tsx';
import { ProfitTable } from './ProfitTable.tsx';
import { ReportEmptyState } from './ReportEmptyState.tsx';
import { DateRangeInputs, filterProblem, ReportFilterInput, SegmentReportExportButtons, useDimensionOptions, useMeasureLabel } from './SegmentReportControls.tsx';
import { CHART_MEASURES, dimensionBase, dimensionSpec, profitQuery, segmentIds, type ChartMeasure } from './segmentReportQuery.ts';
import { useProfitChoice, useProfitReport, useSegmentOptions } from './useSegmentReports.ts';
import { WidePanel } from './WidePanel.tsx';

/** Reports → Profit by segment: each group's revenue, profit, customers, average order and frequency per period, as a chart and a table. */
export function ProfitReportPage() {
  const t = useT();
  const format = useFormat();
  const measureLabel = useMeasureLabel();
  const { choice, setChoice } = useProfitChoice();
  const query = profitQuery(choice);
  const report = useProfitReport(query);
  const segments = useSegmentOptions();
  const dimensions = useDimensionOptions();
  const base = dimensionBase(choice.by);
  const problem = filterProblem(report.error);
  const data = report.data;
  const noSales = data !== undefined && data.total.total.orders === 0 && data.total.total.revenue === 0;

  const options = dimensions.some((option) => option.value === base) ? dimensions : [...dimensions, { value: base, label: data?.byLabel ?? base }];
  const segmentData = (segments.data?.items ?? []).map((segment) => ({ value: segment.id, label: segment.name }));
  // A segment named in a link but not (yet) listed still shows as chosen.
  for (const id of segmentIds(choice.by)) if (!segmentData.some((option) => option.value === id)) segmentData.push({ value: id, label: data?.rows.find((row) => row.key === id)?.label ?? id });

  const title = t('segmentReports.chart.title', { measure: measureLabel(choice.measure), by: (data?.byLabel ?? '').toLocaleLowerCase() });
  return (
    <>
      <PageHeader title={t('segmentReports.profit.title')} description={t('segmentReports.profit.description')} actions={<SegmentReportExportButtons report="profit" query={query} />} />
      <Stack gap="md">
        <Card withBorder radius="lg" p="md">
          <Group gap="md" align="flex-start" wrap="wrap">
            <Select label={t('segmentReports.controls.by')} data={options} value={base} onChange={(next) => next && setChoice({ ...choice, by: next })} allowDeselect={false} searchable w={200} />
            {base === 'segment' && (
              <MultiSelect
                label={t('segmentReports.controls.segments')}
                placeholder={segmentIds(choice.by).length ? undefined : t('segmentReports.controls.allSegments')}
                data={segmentData}
                value={segmentIds(choice.by)}
                onChange={(ids) => setChoice({ ...choice, by: dimensionSpec('segment', ids) })}
                searchable
                clearable
                w={300}
              />
            )}
            <div>
              <Text size="sm" fw={500} mb={4} id="profit-period-label">
                {t('segmentReports.controls.period')}
              </Text>
              <SegmentedControl
                aria-labelledby="profit-period-label"
                value={choice.period}
                onChange={(next) => setChoice({ ...choice, period: next as PeriodUnit })}
                data={PERIODS.map((period) => ({ value: period, label: t(`segmentReports.periods.${period}`) }))}
              />
            </div>
            <DateRangeInputs from={choice.from} to={choice.to} shown={data} onChange={(range) => setChoice({ ...choice, ...range })} />
            <ReportFilterInput value={choice.filter} onChange={(filter) => setChoice({ ...choice, filter })} error={problem} />
          </Group>
        </Card>
        {report.isPending && <LoadingState />}
        {report.isError && !problem && <ErrorAlert error={report.error} onRetry={() => void report.refetch()} />}
        {data && !(report.isError && problem) && (
          <div style={{ opacity: report.isPlaceholderData ? 0.6 : 1 }}>
            <Stack gap="md">
              {base === 'segment' && data.rows.length === 0 && (
                <Alert color="blue" variant="light" icon={<IconInfoCircle aria-hidden />}>
                  {t('segmentReports.chart.noSegments')}
                </Alert>
              )}
              {noSales ? (
                <ReportEmptyState icon={IconChartLine} title={t('segmentReports.empty.title')} text={t('segmentReports.empty.text', { from: format.day(data.from), to: format.day(data.to) })} actions={[]} />
              ) : (
                <>
                  <WidePanel
                    title={title}
                    description={
                      <>
                        {t('segmentReports.chart.description', { period: t(`segmentReports.periods.${data.period}`).toLocaleLowerCase(), from: format.day(data.from), to: format.day(data.to) })}
                        {data.rows.length > MAX_SERIES && ` ${t('segmentReports.chart.top', { shown: MAX_SERIES, count: data.rows.length })}`}
                      </>
                    }
                  >
                    <Group px={6} mb="xs" gap="xs">
                      <Text size="sm" fw={500} id="profit-measure-label">
                        {t('segmentReports.controls.measure')}
                      </Text>
                      <SegmentedControl
                        size="xs"
                        aria-labelledby="profit-measure-label"
                        value={choice.measure}
                        onChange={(next) => setChoice({ ...choice, measure: next as ChartMeasure })}
                        data={CHART_MEASURES.map((measure) => ({ value: measure, label: measureLabel(measure) }))}
                      />
                    </Group>
                    <ProfitChart report={data} measure={choice.measure} title={title} />
                  </WidePanel>
                  <WidePanel title={t('segmentReports.table.title', { measure: measureLabel(choice.measure) })} description={t('segmentReports.table.description', { all: data.total.label })}>
                    <ProfitTable report={data} measure={choice.measure} title={t('segmentReports.table.title', { measure: measureLabel(choice.measure) })} />
                  </WidePanel>
                </>
              )}
            </Stack>
          </div>
        )}
      </Stack>
    </>
  );
}
