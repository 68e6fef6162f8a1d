import { Alert, Stack } from '@mantine/core';
import { IconBulb, IconMessageQuestion } from '@tabler/icons-react';
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
import { reasonsHeadline } from './reasonsHeadline.ts';
import { monthHeading } from './monthHeading.ts';
import { ReportTable } from './ReasonsTables.tsx';
import { useReasonsReport } from './useReasons.ts';

/** Reports → Reasons: why customers choose you, by tier, RFM segment and month, for the days the reasons were noted. */
export function ReasonsReportPage() {
  const { t, locale } = useI18n();
  const format = useFormat();
  const { choice, period, setChoice, today } = usePeriodChoice();
  const report = useReasonsReport(period);
  const data = report.data;
  const headline = data && reasonsHeadline(data.headline, (share) => format.percent(share));
  const given = data?.rows.filter((r) => r.customers > 0) ?? [];
  const segmentName = (s: string) => (s === 'none' ? t('reasonsReport.noSegment') : t(`value.segment.${s}.name`));

  return (
    <>
      <PageHeader title={t('reasonsReport.title')} description={t('reasonsReport.description')} actions={<ExportButtons report="reasons" period={period} />} />
      <Stack gap="md">
        <PeriodPicker choice={choice} onChange={setChoice} today={today} label={t('reasonsReport.periodLabel')} />
        {report.isPending && <LoadingState />}
        {report.isError && <ErrorAlert error={report.error} onRetry={() => void report.refetch()} />}
        {data && data.customers === 0 && (
          <ReportEmptyState icon={IconMessageQuestion} title={t('reasonsReport.empty.title')} text={t('reasonsReport.empty.text')} actions={[{ to: '/customers', label: t('reasonsReport.empty.customers') }]} />
        )}
        {data && data.customers > 0 && (
          <div style={{ opacity: report.isPlaceholderData ? 0.6 : 1 }}>
            <Stack gap="md">
              {headline && (
                <Alert variant="light" icon={<IconBulb aria-hidden />} title={t('reasonsReport.headline.title')}>
                  {t(headline.key, headline.vars)}
                </Alert>
              )}
              <WidePanel title={t('reasonsReport.byTier.title')} description={t('reasonsReport.byTier.description', { count: data.customers, gold: data.tierCustomers.gold, silver: data.tierCustomers.silver, other: data.tierCustomers.other })}>
                <ReportTable
                  headers={[t('reasonsReport.reason'), t('reasonsReport.customers'), t('reasonsReport.share'), t('value.tier.gold'), t('value.tier.silver'), t('value.tier.other'), t('reasonsReport.goldShare'), t('reasonsReport.silverShare'), t('reasonsReport.otherShare')]}
                  rows={data.rows.map((r) => ({
                    key: r.reasonId,
                    cells: [r.reason, r.customers, format.percent(r.share), r.byTier.gold, r.byTier.silver, r.byTier.other, format.percent(r.tierShare.gold), format.percent(r.tierShare.silver), format.percent(r.tierShare.other)],
                  }))}
                />
              </WidePanel>
              <WidePanel title={t('reasonsReport.bySegment.title')} description={t('reasonsReport.bySegment.description')}>
                <ReportTable headers={[t('reasonsReport.reason'), ...data.segments.map(segmentName)]} rows={given.map((r) => ({ key: r.reasonId, cells: [r.reason, ...data.segments.map((s) => r.bySegment[s] ?? 0)] }))} />
              </WidePanel>
              <WidePanel title={t('reasonsReport.byMonth.title')} description={t('reasonsReport.byMonth.description')}>
                <ReportTable headers={[t('reasonsReport.reason'), ...data.months.map((m) => monthHeading(m, locale))]} rows={given.map((r) => ({ key: r.reasonId, cells: [r.reason, ...data.months.map((m) => r.byMonth[m] ?? 0)] }))} />
              </WidePanel>
            </Stack>
          </div>
        )}
      </Stack>
    </>
  );
}
