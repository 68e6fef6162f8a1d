import { Stack, Text } from '@mantine/core';
import { IconDoorExit } from '@tabler/icons-react';
import { useI18n } from '../../i18n/i18nContext.ts';
import { useFormat } from '../../i18n/useFormat.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { LoadingState } from '../../ui/LoadingState.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { ExportButtons } from '../reports/ExportButtons.tsx';
import { PeriodPicker } from '../reports/PeriodPicker.tsx';
import { ReportEmptyState } from '../reports/ReportEmptyState.tsx';
import { usePeriodChoice } from '../reports/useReports.ts';
import { WidePanel } from '../reports/WidePanel.tsx';
import { monthHeading } from './monthHeading.ts';
import { ReportTable } from './ReasonsTables.tsx';
import { useExitReport } from './useReasons.ts';

/** Reports → Exit reasons: why customers left, by tier and month, and the value lost with each reason. */
export function ExitReasonsReportPage() {
  const { t, locale } = useI18n();
  const format = useFormat();
  const { choice, period, setChoice, today } = usePeriodChoice();
  const report = useExitReport(period);
  const data = report.data;
  const given = data?.rows.filter((r) => r.customers > 0) ?? [];

  return (
    <>
      <PageHeader title={t('exitReport.title')} description={t('exitReport.description')} actions={<ExportButtons report="exit-reasons" period={period} />} />
      <Stack gap="md">
        <PeriodPicker choice={choice} onChange={setChoice} today={today} label={t('exitReport.periodLabel')} />
        {report.isPending && <LoadingState />}
        {report.isError && <ErrorAlert error={report.error} onRetry={() => void report.refetch()} />}
        {data && data.customers === 0 && (
          <ReportEmptyState icon={IconDoorExit} title={t('exitReport.empty.title')} text={t('exitReport.empty.text')} actions={[{ to: '/customers', label: t('exitReport.empty.customers') }]} />
        )}
        {data && data.customers > 0 && (
          <div style={{ opacity: report.isPlaceholderData ? 0.6 : 1 }}>
            <Stack gap="md">
              <WidePanel
                title={t('exitReport.byReason.title')}
                description={t('exitReport.byReason.description', { count: data.customers, value: format.money(data.valueLost365, data.currency), lifetime: format.money(data.valueLostLifetime, data.currency) })}
              >
                <ReportTable
                  headers={[t('reasonsReport.reason'), t('reasonsReport.customers'), t('reasonsReport.share'), t('exitReport.lost'), t('value.tier.gold'), t('value.tier.silver'), t('value.tier.other'), t('exitReport.value365'), t('exitReport.valueLifetime')]}
                  rows={data.rows.map((r) => ({
                    key: r.reasonId,
                    cells: [r.reason, r.customers, format.percent(r.share), r.lost, r.byTier.gold, r.byTier.silver, r.byTier.other, format.money(r.valueLost365, data.currency), format.money(r.valueLostLifetime, data.currency)],
                  }))}
                />
                <Text size="xs" c="dimmed" mt="xs">{t('exitReport.notes')}</Text>
              </WidePanel>
              <WidePanel title={t('reasonsReport.byMonth.title')} description={t('exitReport.byMonth')}>
                <ReportTable headers={[t('reasonsReport.reason'), ...data.months.map((m) => monthHeading(m, locale))]} rows={given.map((r) => ({ key: r.reasonId, cells: [r.reason, ...data.months.map((m) => r.byMonth[m] ?? 0)] }))} />
              </WidePanel>
            </Stack>
          </div>
        )}
      </Stack>
    </>
  );
}
