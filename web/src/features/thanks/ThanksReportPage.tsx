import { Alert, Stack } from '@mantine/core';
import { IconGift, IconInfoCircle } from '@tabler/icons-react';
import { useT } from '../../i18n/i18nContext.ts';
import { useFormat } from '../../i18n/useFormat.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { LoadingState } from '../../ui/LoadingState.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { ReportTable } from '../reasons/ReasonsTables.tsx';
import { ExportButtons } from '../reports/ExportButtons.tsx';
import { PeriodPicker } from '../reports/PeriodPicker.tsx';
import { ReportEmptyState } from '../reports/ReportEmptyState.tsx';
import { usePeriodChoice } from '../reports/useReports.ts';
import { WidePanel } from '../reports/WidePanel.tsx';
import { ThanksByMonthTable } from './ThanksByMonthTable.tsx';
import { useThanksReport } from './useThanks.ts';

/** Reports → Thank-yous: how many of each kind and what they cost, per month; and the customers thanked against the rest. */
export function ThanksReportPage() {
  const t = useT();
  const format = useFormat();
  const { choice, period, setChoice, today } = usePeriodChoice();
  const report = useThanksReport(period);
  const data = report.data;
  const money = (minor: number | null) => (minor === null || !data ? '—' : format.money(Math.round(minor), data.currency));

  return (
    <>
      <PageHeader title={t('thanks.report.title')} description={t('thanks.report.description')} actions={<ExportButtons report="thank-yous" period={period} />} />
      <Stack gap="md">
        <PeriodPicker choice={choice} onChange={setChoice} today={today} label={t('thanks.report.periodLabel')} />
        {report.isPending && <LoadingState />}
        {report.isError && <ErrorAlert error={report.error} onRetry={() => void report.refetch()} />}
        {data && data.months.length === 0 && (
          <ReportEmptyState icon={IconGift} title={t('thanks.report.empty.title')} text={t('thanks.report.empty.text')} actions={[{ to: '/thanks', label: t('thanks.report.empty.owed') }]} />
        )}
        {data && data.months.length > 0 && (
          <div style={{ opacity: report.isPlaceholderData ? 0.6 : 1 }}>
            <Stack gap="md">
              <WidePanel title={t('thanks.report.byMonth.title')} description={t('thanks.report.byMonth.description', { currency: data.currency })}>
                <ThanksByMonthTable report={data} />
              </WidePanel>
              <WidePanel title={t('thanks.report.byKind.title')}>
                <ReportTable
                  headers={[t('thanks.report.kind'), t('thanks.report.count'), t('thanks.report.cost'), t('thanks.report.averageCost')]}
                  rows={data.kinds.map((k) => ({ key: k.kind, cells: [t(`thanks.kinds.${k.kind}`), format.number(k.count), money(k.costMinor), money(k.count > 0 ? k.costMinor / k.count : null)] }))}
                />
              </WidePanel>
              <WidePanel title={t('thanks.report.versus.title')} description={t('thanks.report.versus.description')}>
                <Stack gap="sm">
                  <Alert variant="light" color="yellow" icon={<IconInfoCircle aria-hidden />} mx={6}>
                    {t('thanks.report.versus.caveat')}
                  </Alert>
                  <ReportTable
                    headers={[t('thanks.report.versus.group'), t('thanks.report.versus.customers'), t('thanks.report.versus.revenue365'), t('thanks.report.versus.lifetime'), t('thanks.report.versus.clv')]}
                    rows={data.thankedVsNot.map((g) => ({
                      key: g.group,
                      cells: [t(`thanks.report.versus.${g.group}`), format.number(g.customers), money(g.averageRevenue365Minor), money(g.averageLifetimeMinor), money(g.averageClvMinor)],
                    }))}
                  />
                </Stack>
              </WidePanel>
            </Stack>
          </div>
        )}
      </Stack>
    </>
  );
}
