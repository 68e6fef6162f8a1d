import type { ConcentrationReport } from '@contracts/concentration.ts';
import { Alert, Button, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { IconAlertTriangle, IconChartPie } from '@tabler/icons-react';
import { concentrationExportQuery, type ConcentrationChoice } from '../../api/concentrationApi.ts';
import { useT } from '../../i18n/i18nContext.ts';
import { useFormat } from '../../i18n/useFormat.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { LoadingState } from '../../ui/LoadingState.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { Panel } from '../../ui/Panel.tsx';
import { can } from '../auth/permissions.ts';
import { useSession } from '../auth/useSession.ts';
import { ConcentrationChart } from './ConcentrationChart.tsx';
import { ConcentrationHeadline } from './ConcentrationHeadline.tsx';
import { ConcentrationTable } from './ConcentrationTable.tsx';
import { ConcentrationThreshold } from './ConcentrationThreshold.tsx';
import { ConcentrationYears } from './ConcentrationYears.tsx';
import { ExportButtons } from './ExportButtons.tsx';
import { ReportEmptyState } from './ReportEmptyState.tsx';
import { useConcentrationChoice, useConcentrationReport } from './useConcentration.ts';

/** Reports → Concentration: how much of a year's revenue hangs on a few groups (an organisation with its subsidiaries and staff). */
export function ConcentrationReportPage() {
  const t = useT();
  const { user } = useSession();
  const { choice, setChoice } = useConcentrationChoice();
  const report = useConcentrationReport(choice);
  const data = report.data;
  const shown: ConcentrationChoice = data ? (data.period === 'year' ? { year: data.year ?? undefined } : { period: data.period }) : choice;
  const periodName = data ? nameOfPeriod(t, data) : '';

  return (
    <>
      <PageHeader title={t('concentration.title')} description={t('concentration.description')} actions={<ExportButtons report="concentration" period={{}} query={concentrationExportQuery(shown)} />} />
      <Stack gap="md">
        {report.isPending && <LoadingState />}
        {report.isError && <ErrorAlert error={report.error} onRetry={() => void report.refetch()} />}
        {data && (
          <>
            <PeriodSelect report={data} onChange={setChoice} />
            {data.groupCount === 0 ? (
              <ReportEmptyState icon={IconChartPie} title={t('concentration.empty.title')} text={t('concentration.empty.text')} actions={[{ to: '/customers', label: t('concentration.empty.customers') }]} />
            ) : (
              <div style={{ opacity: report.isPlaceholderData ? 0.6 : 1 }}>
                <Stack gap="md">
                  {data.warning && <ConcentrationWarningAlert report={data} periodName={periodName} />}
                  <ConcentrationHeadline report={data} periodName={periodName} />
                  <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
                    <Panel size="sm" title={t('concentration.chart.title')} description={t('concentration.chart.description', { period: periodName })}>
                      <ConcentrationChart groups={data.groups} warningShare={data.warningShare} />
                    </Panel>
                    <Stack gap="md">
                      <Panel size="sm" title={t('concentration.years.title')} description={t('concentration.years.description')}>
                        <ConcentrationYears years={data.years} shown={data.year} currency={data.currency} />
                      </Panel>
                      <Panel size="sm" title={t('concentration.threshold.title')} description={t('concentration.threshold.description')}>
                        <ConcentrationThreshold key={data.warningShare} warningShare={data.warningShare} editable={can(user.role, 'manageWorkspace')} />
                      </Panel>
                    </Stack>
                  </SimpleGrid>
                  <Panel size="sm" title={t('concentration.table.title')} description={t('concentration.table.description', { period: periodName, currency: data.currency })}>
                    <GroupsTable report={data} />
                    <Text size="xs" c="dimmed" mt="xs">
                      {t('concentration.notes')}
                    </Text>
                  </Panel>
                </Stack>
              </div>
            )}
          </>
        )}
      </Stack>
    </>
  );
}

function nameOfPeriod(t: ReturnType<typeof useT>, report: ConcentrationReport): string {
  return report.period === 'year' ? t('concentration.period.name.year', { year: String(report.year) }) : t(`concentration.period.name.${report.period}`);
}

/** The years with revenue (latest first), the last 365 days and all time. */
function PeriodSelect({ report, onChange }: { report: ConcentrationReport; onChange: (choice: ConcentrationChoice) => void }) {
  const t = useT();
  const years = report.years.map((y) => y.year).toReversed();
  if (report.year !== null && !years.includes(report.year)) years.unshift(report.year);
  const value = report.period === 'year' ? String(report.year) : report.period;
  const data = [...years.map((year) => ({ value: String(year), label: String(year) })), { value: 'last365', label: t('concentration.period.options.last365') }, { value: 'all', label: t('concentration.period.options.all') }];
  return (
    <Select
      label={t('concentration.period.label')}
      data={data}
      value={value}
      onChange={(next) => next && onChange(next === 'last365' || next === 'all' ? { period: next } : { year: Number(next) })}
      allowDeselect={false}
      w={220}
    />
  );
}

function ConcentrationWarningAlert({ report, periodName }: { report: ConcentrationReport; periodName: string }) {
  const t = useT();
  const format = useFormat();
  const top = report.groups[0];
  return (
    <Alert color="orange" variant="light" icon={<IconAlertTriangle aria-hidden />} title={t('concentration.warning.title')}>
      {t('concentration.warning.text', { name: top?.name ?? '', share: format.percent(report.top1Share ?? 0, 1), period: periodName, threshold: format.percent(report.warningShare, 0) })}
    </Alert>
  );
}

const FIRST_ROWS = 20;

/** The first groups, and the rest (as many as the report lists) on request; the export has every group. */
function GroupsTable({ report }: { report: ConcentrationReport }) {
  const t = useT();
  const [all, setAll] = useState(false);
  const rows = all ? report.groups : report.groups.slice(0, FIRST_ROWS);
  return (
    <>
      <ConcentrationTable groups={rows} currency={report.currency} warningShare={report.warningShare} />
      {rows.length < report.groups.length && (
        <Button variant="subtle" size="xs" mt="xs" onClick={() => setAll(true)}>
          {t('concentration.table.showAll', { count: report.groups.length, number: report.groups.length })}
        </Button>
      )}
      {all && report.groupCount > report.groups.length && (
        <Text size="xs" c="dimmed" mt="xs">
          {t('concentration.table.more', { count: report.groupCount, number: report.groupCount })}
        </Text>
      )}
    </>
  );
}
