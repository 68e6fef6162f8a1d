import { Stack, Text } from '@mantine/core';
import { IconUsersGroup } from '@tabler/icons-react';
import { useT } from '../../i18n/i18nContext.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { LoadingState } from '../../ui/LoadingState.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { Panel } from '../../ui/Panel.tsx';
import { ExportButtons } from './ExportButtons.tsx';
import { PeriodPicker } from './PeriodPicker.tsx';
import { ReferralShare } from './ReferralShare.tsx';
import { ReferralsTable } from './ReferralsTable.tsx';
import { ReportEmptyState } from './ReportEmptyState.tsx';
import { usePeriodChoice, useReferralsReport } from './useReports.ts';

/** Reports → Referrals: the share of new customers who came by referral, and who brought whom (all time). */
export function ReferralsReportPage() {
  const t = useT();
  const { choice, period, setChoice, today } = usePeriodChoice();
  const report = useReferralsReport(period);
  const data = report.data;

  return (
    <>
      <PageHeader title={t('referralsReport.title')} description={t('referralsReport.description')} actions={<ExportButtons report="referrals" period={period} />} />
      <Stack gap="md">
        {report.isPending && <LoadingState />}
        {report.isError && <ErrorAlert error={report.error} onRetry={() => void report.refetch()} />}
        {data && (
          <Panel size="sm" title={t('referralsReport.share.title')} description={t('referralsReport.share.description')}>
            <Stack gap="md">
              <PeriodPicker choice={choice} onChange={setChoice} today={today} label={t('referralsReport.periodLabel')} />
              <div style={{ opacity: report.isPlaceholderData ? 0.6 : 1 }}>
                <ReferralShare report={data} />
              </div>
            </Stack>
          </Panel>
        )}
        {data?.rows.length === 0 && (
          <ReportEmptyState
            icon={IconUsersGroup}
            title={t('referralsReport.empty.title')}
            text={t('referralsReport.empty.text')}
            actions={[{ to: '/customers', label: t('referralsReport.empty.customers') }]}
          />
        )}
        {data && data.rows.length > 0 && (
          <Panel size="sm" title={t('referralsReport.tableTitle')} description={t('referralsReport.tableDescription', { currency: data.currency })}>
            <ReferralsTable rows={data.rows} currency={data.currency} />
            <Text size="xs" c="dimmed" mt="xs">
              {t('referralsReport.notes')}
            </Text>
          </Panel>
        )}
      </Stack>
    </>
  );
}
