import { Box } from '@mantine/core';
import { useT } from '../../i18n/i18nContext.ts';
import { useFormat } from '../../i18n/useFormat.ts';
import { axisTicks, linearScale } from '../../ui/charts/chartScale.ts';
import { ChartTable } from '../../ui/charts/ChartTable.tsx';
import { measureText } from '../../ui/charts/measureText.ts';
import { timeAxis } from '../../ui/charts/timeAxis.ts';
import { TimeAxisLabels } from '../../ui/charts/TimeAxisLabels.tsx';
import { useChartWidth } from '../../ui/charts/useChartWidth.ts';
import { useDateFormats } from '../../ui/charts/useDateFormats.ts';
import { ValueGrid } from '../../ui/charts/ValueGrid.tsx';
import type { TrendMetric, TrendMonth } from './trendMonths.ts';

const HEIGHT = 220;
const LEFT = 64;
const RIGHT = 12;
const TOP = 10;
const BOTTOM = 38;
const COLORS: Record<TrendMetric, string> = { customers: 'var(--mantine-color-indigo-6)', revenue90: 'var(--mantine-color-teal-6)', cost: 'var(--mantine-color-orange-6)' };

interface AcquisitionTrendChartProps {
  months: readonly TrendMonth[];
  metric: TrendMetric;
  currency: string;
}

/** One figure per month of acquisition as bars; each bar names itself on hover; a table for screen readers. */
export function AcquisitionTrendChart({ months, metric, currency }: AcquisitionTrendChartProps) {
  const t = useT();
  const format = useFormat();
  const formats = useDateFormats();
  const { ref, width } = useChartWidth(640);
  const value = (m: TrendMonth) => Math.max(0, m[metric]);
  const label = (v: number) => (metric === 'customers' ? format.number(v) : format.compactMoney(v, currency));
  const full = (v: number) => (metric === 'customers' ? format.number(v) : format.money(v, currency));

  const ticks = metric === 'customers' ? axisTicks(Math.max(4, ...months.map(value))).filter((tick) => Number.isInteger(tick)) : axisTicks(Math.max(0, ...months.map(value)));
  const y = linearScale([0, ticks.at(-1) ?? 1], [HEIGHT - BOTTOM, TOP]);
  const slot = (width - LEFT - RIGHT) / Math.max(months.length, 1);
  const barWidth = Math.max(2, Math.min(40, slot * 0.7));
  const axis = timeAxis({ dates: months.map((m) => m.month), unit: 'month', x: (index) => LEFT + index * slot + slot / 2, left: LEFT, right: width - RIGHT, formats, measure: measureText });
  const title = t(`sourcesReport.trend.metrics.${metric}`);

  return (
    <Box ref={ref}>
      <svg viewBox={`0 0 ${width} ${HEIGHT}`} width="100%" height={HEIGHT} role="img" aria-label={title} style={{ display: 'block' }}>
        <g aria-hidden>
          <ValueGrid ticks={ticks} y={y} left={LEFT} right={width - RIGHT} label={label} />
          {months.map((m, index) => {
            const barTop = y(value(m));
            return (
              <g key={m.month}>
                <title>{t('sourcesReport.trend.bar', { month: formats.longMonth(m.month), value: full(m[metric]) })}</title>
                <rect x={LEFT + index * slot} y={TOP} width={slot} height={HEIGHT - TOP - BOTTOM} fill="transparent" />
                <rect
                  x={LEFT + index * slot + (slot - barWidth) / 2}
                  y={barTop}
                  width={barWidth}
                  height={Math.max(value(m) > 0 ? 1 : 0, HEIGHT - BOTTOM - barTop)}
                  rx={2}
                  fill={COLORS[metric]}
                />
              </g>
            );
          })}
          <TimeAxisLabels axis={axis} y={HEIGHT - 22} />
        </g>
      </svg>
      <ChartTable caption={title} rows={months.map((m) => ({ key: m.month, head: formats.longMonth(m.month), cells: [full(m[metric])] }))} />
    </Box>
  );
}
