import type { ProfitReport, ReportRow } from '@contracts/reports.ts';
import { Table, Text, Tooltip } from '@mantine/core';
import type { CSSProperties, ReactNode } from 'react';
import { useI18n } from '../../i18n/i18nContext.ts';
import { useFormat } from '../../i18n/useFormat.ts';
import { changeColor, changeOf, formatChange, formatMeasure, periodLabel, previousPeriodKey } from './reportFigures.ts';
import { changeSentence, figureSentence, type Who } from './reportSentences.ts';
import type { ChartMeasure } from './segmentReportQuery.ts';

// The group column stays in view while the periods scroll sideways.
const STICKY: CSSProperties = { position: 'sticky', left: 0, background: 'var(--mantine-color-body)', zIndex: 1, minWidth: 110, maxWidth: 200 };
const TOTAL_ROW: CSSProperties = { borderTop: '2px solid var(--mantine-color-gray-4)', background: 'var(--mantine-color-gray-0)' };

/** A figure with its sentence on hover (and for keyboard users: focusable). */
export function Figure({ sentence, exact, children, strong, dense }: { sentence: string; exact?: string | undefined; children: ReactNode; strong?: boolean; dense?: boolean }) {
  const label = exact ? (
    <>
      <Text component="span" fw={600} size="sm" display="block">
        {exact}
      </Text>
      {sentence}
    </>
  ) : (
    sentence
  );
  return (
    <Tooltip label={label} multiline w={320} withArrow openDelay={150} events={{ hover: true, focus: true, touch: true }}>
      <Text component="span" fz={dense ? 11 : 'xs'} fw={strong ? 600 : 500} tabIndex={0} style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap', cursor: 'help' }}>
        {children}
      </Text>
    </Tooltip>
  );
}

/** Groups down, periods across, the chosen measure in each cell with its change beneath; a Total column; everyone last. */
export function ProfitTable({ report, measure, title }: { report: ProfitReport; measure: ChartMeasure; title: string }) {
  const { t, locale } = useI18n();
  const format = useFormat();
  const labels = report.periods.map((period) => periodLabel(period.key, locale));
  const range = { from: format.day(report.from), to: format.day(report.to) };
  const show = (value: number | null, whole = false) => formatMeasure(value, measure, report.currency, locale, whole);
  // A year of months (and more) is set tighter so that it fits a laptop screen.
  const dense = report.periods.length > 9;

  const figure = (figures: ReportRow['total'], who: Who, when: { period: string } | { from: string; to: string }, strong = false) => {
    const value = figures[measure];
    const sentence = figureSentence(t, { measure, who, when, currency: report.currency, coverageText: measure === 'profit' ? format.percent(figures.profitCoverage) : undefined, empty: value === null });
    return (
      <Figure sentence={sentence} strong={strong} exact={show(value)} dense={dense}>
        {show(value, true)}
      </Figure>
    );
  };

  const row = (data: ReportRow, everyone: boolean) => {
    const who: Who = everyone ? 'all' : { group: data.label };
    const style = everyone ? TOTAL_ROW : undefined;
    return (
      <Table.Tr key={everyone ? '*total' : data.key} style={style} fw={everyone ? 600 : undefined}>
        <Table.Th scope="row" style={{ ...STICKY, ...(everyone && { background: TOTAL_ROW.background }), fontWeight: everyone ? 600 : 500 }}>
          <Text size="xs" fw="inherit" lineClamp={2}>
            {data.label}
          </Text>
        </Table.Th>
        {data.cells.map((cell, index) => {
          const change = changeOf(cell, measure);
          const changeText = formatChange(change, locale);
          return (
            <Table.Td key={cell.period} ta="right" style={{ verticalAlign: 'top' }}>
              {figure(cell, who, { period: labels[index]! }, everyone)}
              <Tooltip label={changeSentence(t, { measure, change: changeText, previous: periodLabel(previousPeriodKey(cell.period), locale) })} multiline w={300} withArrow openDelay={150}>
                <Text size="10px" c={changeColor(change)} fw={500} style={{ fontVariantNumeric: 'tabular-nums', cursor: 'help' }} tabIndex={0}>
                  {changeText ?? '·'}
                </Text>
              </Tooltip>
            </Table.Td>
          );
        })}
        <Table.Td ta="right" style={{ verticalAlign: 'top', borderLeft: '1px solid var(--mantine-color-gray-3)' }}>
          {figure(data.total, who, range, true)}
        </Table.Td>
      </Table.Tr>
    );
  };

  return (
    <Table.ScrollContainer minWidth={150 + report.periods.length * 60}>
      <Table verticalSpacing={6} horizontalSpacing={dense ? 4 : 6} highlightOnHover aria-label={title} fz="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col" style={STICKY}>
              {report.byLabel}
            </Table.Th>
            {labels.map((label, index) => (
              <Table.Th key={report.periods[index]!.key} scope="col" ta="right" fz={dense ? 11 : undefined} style={{ whiteSpace: 'nowrap' }}>
                {label}
              </Table.Th>
            ))}
            <Table.Th scope="col" ta="right" style={{ borderLeft: '1px solid var(--mantine-color-gray-3)' }}>
              {t('segmentReports.table.total')}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {report.rows.map((data) => row(data, false))}
          {row(report.total, true)}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
