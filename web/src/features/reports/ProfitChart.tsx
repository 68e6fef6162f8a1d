import type { ProfitReport } from '@contracts/reports.ts';
import { Box, Group, Text } from '@mantine/core';
import { useI18n } from '../../i18n/i18nContext.ts';
import { formatCompactMoney } from '../../i18n/format.ts';
import { ChartTable } from '../../ui/charts/ChartTable.tsx';
import { labelEvery, linearScale, linePath } from '../../ui/charts/chartScale.ts';
import { measureText } from '../../ui/charts/measureText.ts';
import { useChartWidth } from '../../ui/charts/useChartWidth.ts';
import { ValueGrid } from '../../ui/charts/ValueGrid.tsx';
import { formatMeasure, MONEY_MEASURES, periodLabel, seriesColor, signedTicks } from './reportFigures.ts';
import type { ChartMeasure } from './segmentReportQuery.ts';

const HEIGHT = 260;
const TOP = 12;
const BOTTOM = 28;
const RIGHT = 16;
/** More lines than this are unreadable: the largest groups (by the measure over the whole range) are drawn. */
export const MAX_SERIES = 8;

/** The groups with the most of the measure over the whole range, at most MAX_SERIES, in the report's order. */
export function chartedRows(report: ProfitReport, measure: ChartMeasure) {
  const rows = report.rows;
  if (rows.length <= MAX_SERIES) return rows;
  const biggest = new Set(rows.toSorted((a, b) => (b.total[measure] ?? -Infinity) - (a.total[measure] ?? -Infinity)).slice(0, MAX_SERIES));
  return rows.filter((row) => biggest.has(row));
}

/** One line per group over the periods, for one measure; a legend beneath; a table for screen readers. */
export function ProfitChart({ report, measure, title }: { report: ProfitReport; measure: ChartMeasure; title: string }) {
  const { locale } = useI18n();
  const { ref, width } = useChartWidth(900);
  const rows = chartedRows(report, measure);
  const values = rows.flatMap((row) => row.cells.map((cell) => cell[measure])).filter((value): value is number => value !== null);
  const ticks = signedTicks(Math.min(0, ...values), Math.max(0, ...values));
  const money = MONEY_MEASURES.includes(measure);
  const tickLabel = (value: number) => (money ? formatCompactMoney(value, report.currency, locale) : new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(value));
  const left = Math.max(...ticks.map((tick) => measureText(tickLabel(tick), false))) + 14;
  const periods = report.periods;
  const slot = (width - left - RIGHT) / Math.max(periods.length, 1);
  const x = (index: number) => left + slot * (index + 0.5);
  const y = linearScale([ticks[0]!, ticks.at(-1)!], [HEIGHT - BOTTOM, TOP]);
  const labels = periods.map((period) => periodLabel(period.key, locale));
  const every = labelEvery(slot, Math.max(...labels.map((label) => measureText(label, false))) + 10);
  const show = (value: number | null) => formatMeasure(value, measure, report.currency, locale);

  return (
    <Box ref={ref}>
      <svg viewBox={`0 0 ${width} ${HEIGHT}`} width="100%" height={HEIGHT} role="img" aria-label={title} style={{ display: 'block' }}>
        <g aria-hidden>
          <ValueGrid ticks={ticks} y={y} left={left} right={width - RIGHT} label={tickLabel} />
          <g fontSize={11} fill="var(--mantine-color-dimmed)" textAnchor="middle">
            {labels.map((label, index) =>
              index % every === 0 ? (
                <text key={periods[index]!.key} x={x(index)} y={HEIGHT - 8}>
                  {label}
                </text>
              ) : null,
            )}
          </g>
          {rows.map((row, index) => {
            const color = seriesColor(report.rows.indexOf(row));
            // A gap where a figure is missing (no costs known): the line is drawn in pieces.
            const pieces: { x: number; y: number }[][] = [[]];
            row.cells.forEach((cell, i) => {
              const value = cell[measure];
              if (value === null) pieces.push([]);
              else pieces.at(-1)!.push({ x: x(i), y: y(value) });
            });
            return (
              <g key={row.key || `unknown-${index}`}>
                {pieces.map((points, p) => (points.length > 1 ? <path key={p} d={linePath(points)} fill="none" stroke={color} strokeWidth={2} strokeLinejoin="round" /> : null))}
                {row.cells.map((cell, i) => {
                  const value = cell[measure];
                  return value === null ? null : (
                    <circle key={cell.period} cx={x(i)} cy={y(value)} r={3.5} fill={color} stroke="var(--mantine-color-body)" strokeWidth={1}>
                      <title>{`${row.label}, ${labels[i]}: ${show(value)}`}</title>
                    </circle>
                  );
                })}
              </g>
            );
          })}
        </g>
      </svg>
      <Group gap="md" mt={6} px={4} wrap="wrap" aria-hidden>
        {rows.map((row) => (
          <Group key={row.key} gap={6} wrap="nowrap" maw={260}>
            <Box w={14} h={3} bg={seriesColor(report.rows.indexOf(row))} style={{ borderRadius: 2, flexShrink: 0 }} />
            <Text size="xs" truncate="end">
              {row.label}
            </Text>
          </Group>
        ))}
      </Group>
      <ChartTable caption={title} columns={['', ...labels]} rows={rows.map((row) => ({ key: row.key, head: row.label, cells: row.cells.map((cell) => show(cell[measure])) }))} />
    </Box>
  );
}
