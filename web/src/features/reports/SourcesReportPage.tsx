import { Stack, Text } from '@mantine/core';
import { IconCalendarOff, IconChartArrowsVertical } from '@tabler/icons-react';
import { useT } from '../../i18n/i18nContext.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { LoadingState } from '../../ui/LoadingState.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { BestSourceHeadline } from './BestSourceHeadline.tsx';
import { ExportButtons } from './ExportButtons.tsx';
import { PeriodPicker } from './PeriodPicker.tsx';
import { ReportEmptyState } from './ReportEmptyState.tsx';
import { hasKnownSources } from './sourcesTree.ts';
import { SourcesTable } from './SourcesTable.tsx';
import { SourcesTrend } from './SourcesTrend.tsx';
import { usePeriodChoice, useSourcesReport } from './useReports.ts';
import { WidePanel } from './WidePanel.tsx';

/** Reports → Sources: per channel, source and campaign, what the customers acquired in the period brought and cost. */
export function SourcesReportPage() {
  const t = useT();
  const { choice, period, setChoice, today } = usePeriodChoice();
  const report = useSourcesReport(period);
  const data = report.data;
  const total = data?.rows.find((row) => row.level === 'total');

  return (
    <>
      <PageHeader title={t('sourcesReport.title')} description={t('sourcesReport.description')} actions={<ExportButtons report="sources" period={period} />} />
      <Stack gap="md">
        <PeriodPicker choice={choice} onChange={setChoice} today={today} label={t('sourcesReport.periodLabel')} />
        {report.isPending && <LoadingState />}
        {report.isError && <ErrorAlert error={report.error} onRetry={() => void report.refetch()} />}
        {data && !hasKnownSources(data.rows) && (
          <ReportEmptyState
            icon={IconChartArrowsVertical}
            title={t('sourcesReport.empty.title')}
            text={t('sourcesReport.empty.text', { count: total?.customers ?? 0 })}
            actions={[
              { to: '/customers', label: t('sourcesReport.empty.customers') },
              { to: '/campaigns', label: t('sourcesReport.empty.campaigns') },
            ]}
          />
        )}
        {data && hasKnownSources(data.rows) && total?.customers === 0 && total.cost === 0 && (
          <ReportEmptyState
            icon={IconCalendarOff}
            title={t('sourcesReport.emptyPeriod.title')}
            text={t('sourcesReport.emptyPeriod.text')}
            actions={[{ to: '/reports/sources?period=all', label: t('sourcesReport.emptyPeriod.allTime') }]}
          />
        )}
        {data && hasKnownSources(data.rows) && (total?.customers !== 0 || total.cost !== 0) && (
          <>
            {data.best && <BestSourceHeadline best={data.best} currency={data.currency} />}
            <WidePanel title={t('sourcesReport.tableTitle')} description={t('sourcesReport.tableDescription', { currency: data.currency })}>
              <div style={{ opacity: report.isPlaceholderData ? 0.6 : 1 }}>
                <SourcesTable report={data} period={period} />
              </div>
              <Text size="xs" c="dimmed" mt="xs">
                {t('sourcesReport.notes')}
              </Text>
            </WidePanel>
            <SourcesTrend report={data} />
          </>
        )}
      </Stack>
    </>
  );
}
