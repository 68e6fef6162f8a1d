import { MEASURES, PERIODS, type Measure, type Pivot } from '@contracts/reports.ts';
import { Card, Group, Select, Stack, Table, Text } from '@mantine/core';
import type { CSSProperties } from 'react';
import { useI18n, useT } from '../../i18n/i18nContext.ts';
import { useFormat } from '../../i18n/useFormat.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { LoadingState } from '../../ui/LoadingState.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { Figure } from './ProfitTable.tsx';
import { extent, formatMeasure, heatShare, periodLabel } from './reportFigures.ts';
import { figureSentence, type When, type Who } from './reportSentences.ts';
import { DateRangeInputs, filterProblem, ReportFilterInput, SegmentReportExportButtons, useDimensionOptions, useMeasureLabel } from './SegmentReportControls.tsx';
import { usePivotChoice, usePivotReport } from './useSegmentReports.ts';
import { WidePanel } from './WidePanel.tsx';

/** Reports → Pivot: one figure by a grouping (rows) and a period unit or another grouping (columns), with totals. */
export function PivotReportPage() {
  const t = useT();
  const format = useFormat();
  const measureLabel = useMeasureLabel();
  const { choice, setChoice } = usePivotChoice();
  const report = usePivotReport(choice);
  const dimensions = useDimensionOptions();
  const problem = filterProblem(report.error);
  const data = report.data;
  const withCurrent = (value: string) => (dimensions.some((option) => option.value === value) ? dimensions : [...dimensions, { value, label: value }]);
  const columnOptions = [
    { group: t('segmentReports.pivot.periodsGroup'), items: PERIODS.map((period) => ({ value: period, label: t(`segmentReports.periods.${period}`) })) },
    { group: t('segmentReports.pivot.dimensionsGroup'), items: (PERIODS as readonly string[]).includes(choice.columns) ? dimensions : withCurrent(choice.columns) },
  ];
  const rowsLabel = withCurrent(choice.rows).find((option) => option.value === choice.rows)?.label ?? choice.rows;
  const title = t('segmentReports.pivot.tableTitle', { value: measureLabel(choice.value), rows: rowsLabel.toLocaleLowerCase() });

  return (
    <>
      <PageHeader title={t('segmentReports.pivot.title')} description={t('segmentReports.pivot.description')} actions={<SegmentReportExportButtons report="pivot" query={choice} />} />
      <Stack gap="md">
        <Card withBorder radius="lg" p="md">
          <Group gap="md" align="flex-start" wrap="wrap">
            <Select label={t('segmentReports.pivot.rows')} data={withCurrent(choice.rows)} value={choice.rows} onChange={(next) => next && setChoice({ ...choice, rows: next })} allowDeselect={false} searchable w={190} />
            <Select label={t('segmentReports.pivot.columns')} data={columnOptions} value={choice.columns} onChange={(next) => next && setChoice({ ...choice, columns: next })} allowDeselect={false} searchable w={190} />
            <Select
              label={t('segmentReports.pivot.value')}
              data={MEASURES.map((measure) => ({ value: measure, label: measureLabel(measure) }))}
              value={choice.value}
              onChange={(next) => next && setChoice({ ...choice, value: next as Measure })}
              allowDeselect={false}
              w={190}
            />
            <DateRangeInputs from={choice.from} to={choice.to} shown={data} onChange={(range) => setChoice({ ...choice, ...range })} />
            <ReportFilterInput value={choice.filter} onChange={(filter) => setChoice({ ...choice, filter })} error={problem} />
          </Group>
        </Card>
        {report.isPending && <LoadingState />}
        {report.isError && !problem && <ErrorAlert error={report.error} onRetry={() => void report.refetch()} />}
        {data && !(report.isError && problem) && (
          <div style={{ opacity: report.isPlaceholderData ? 0.6 : 1 }}>
            <WidePanel title={title} description={t('segmentReports.pivot.tableDescription', { from: format.day(data.from), to: format.day(data.to) })}>
              {data.rows.length === 0 || data.columns.length === 0 ? (
                <Text size="sm" c="dimmed" px={6}>
                  {t('segmentReports.pivot.empty')}
                </Text>
              ) : (
                <PivotTable pivot={data} byPeriod={(PERIODS as readonly string[]).includes(choice.columns)} title={title} rowsLabel={rowsLabel} />
              )}
            </WidePanel>
          </div>
        )}
      </Stack>
    </>
  );
}

const STICKY: CSSProperties = { position: 'sticky', left: 0, background: 'var(--mantine-color-body)', zIndex: 1, minWidth: 100, maxWidth: 200 };
const TOTALS: CSSProperties = { background: 'var(--mantine-color-gray-0)' };
const TOTAL_COLUMN: CSSProperties = { ...TOTALS, borderLeft: '2px solid var(--mantine-color-gray-4)' };

/** The grid: cells shaded from light (least) to dark (most) among the inner cells; totals plain, at the right and the bottom. */
function PivotTable({ pivot, byPeriod, title, rowsLabel }: { pivot: Pivot; byPeriod: boolean; title: string; rowsLabel: string }) {
  const { t, locale } = useI18n();
  const format = useFormat();
  const columnLabels = pivot.columns.map((column) => (byPeriod ? periodLabel(column.key, locale) : column.label));
  const range: When = { from: format.day(pivot.from), to: format.day(pivot.to) };
  const [min, max] = extent(pivot.cells.flat());
  const show = (value: number | null, whole = false) => formatMeasure(value, pivot.value, pivot.currency, locale, whole);
  // A year of months (and more) is set tighter so that it fits a laptop screen.
  const dense = pivot.columns.length > 9;
  const sentence = (value: number | null, who: Who, when: When) => figureSentence(t, { measure: pivot.value, who, when, currency: pivot.currency, empty: value === null });
  const cellFacts = (row: string | null, column: number | null): { who: Who; when: When } => {
    if (column === null) return { who: row === null ? 'all' : { group: row }, when: range };
    if (byPeriod) return { who: row === null ? 'all' : { group: row }, when: { period: columnLabels[column]! } };
    return { who: row === null ? { group: columnLabels[column]! } : { row, column: columnLabels[column]! }, when: range };
  };
  const figure = (value: number | null, row: string | null, column: number | null, strong = false) => {
    const { who, when } = cellFacts(row, column);
    return (
      <Figure sentence={sentence(value, who, when)} strong={strong} exact={show(value)} dense={dense}>
        {show(value, true)}
      </Figure>
    );
  };

  return (
    <Table.ScrollContainer minWidth={110 + (pivot.columns.length + 1) * 60}>
      <Table verticalSpacing={6} horizontalSpacing={dense ? 4 : 6} aria-label={title} fz="xs" withColumnBorders={false}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col" style={STICKY}>
              {rowsLabel}
            </Table.Th>
            {columnLabels.map((label, index) => (
              <Table.Th key={pivot.columns[index]!.key || `unknown-${index}`} scope="col" ta="right" fz={dense ? 11 : undefined} style={{ whiteSpace: 'nowrap' }}>
                {label}
              </Table.Th>
            ))}
            <Table.Th scope="col" ta="right" style={TOTAL_COLUMN}>
              {t('segmentReports.pivot.total')}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {pivot.rows.map((row, r) => (
            <Table.Tr key={row.key || `unknown-${r}`}>
              <Table.Th scope="row" style={{ ...STICKY, fontWeight: 500 }}>
                <Text size="xs" fw={500} lineClamp={2}>
                  {row.label}
                </Text>
              </Table.Th>
              {pivot.cells[r]!.map((value, c) => {
                const share = heatShare(value, min, max);
                return (
                  <Table.Td key={c} ta="right" style={{ background: value === null ? undefined : `color-mix(in srgb, var(--mantine-color-indigo-5) ${Math.round(6 + share * 44)}%, transparent)` }}>
                    {figure(value, row.label, c)}
                  </Table.Td>
                );
              })}
              <Table.Td ta="right" style={TOTAL_COLUMN}>
                {figure(pivot.rowTotals[r] ?? null, row.label, null, true)}
              </Table.Td>
            </Table.Tr>
          ))}
          <Table.Tr style={{ ...TOTALS, borderTop: '2px solid var(--mantine-color-gray-4)' }}>
            <Table.Th scope="row" style={{ ...STICKY, ...TOTALS }}>
              {t('segmentReports.pivot.total')}
            </Table.Th>
            {pivot.columnTotals.map((value, c) => (
              <Table.Td key={c} ta="right">
                {figure(value, null, c, true)}
              </Table.Td>
            ))}
            <Table.Td ta="right" style={TOTAL_COLUMN}>
              {figure(pivot.total, null, null, true)}
            </Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
