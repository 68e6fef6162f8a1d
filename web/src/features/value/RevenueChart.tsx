import { Box, Group, Text } from '@mantine/core';
import { useId } from 'react';
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
import type { RevenueMonth } from './revenueMonths.ts';

const HEIGHT = 220;
const LEFT = 60;
const RIGHT = 12;
const TOP = 10;
const BOTTOM = 38;
const BAR = 'var(--mantine-color-indigo-6)';

interface RevenueChartProps {
  months: readonly RevenueMonth[];
  currency: string;
  /** This month ("YYYY-MM"): not over yet, so its bar is hatched and named "so far". */
  current: string;
}

/** Revenue per month as bars on a round-numbered axis; each bar names itself on hover; a table for screen readers. */
export function RevenueChart({ months, currency, current }: RevenueChartProps) {
  const t = useT();
  const format = useFormat();
  const formats = useDateFormats();
  const hatchId = useId();
  const { ref, width } = useChartWidth(640);

  const ticks = axisTicks(Math.max(0, ...months.map((m) => m.revenueMinor)));
  const y = linearScale([0, ticks.at(-1) ?? 1], [HEIGHT - BOTTOM, TOP]);
  const slot = (width - LEFT - RIGHT) / Math.max(months.length, 1);
  const barWidth = Math.max(2, Math.min(40, slot * 0.7));
  const axis = timeAxis({ dates: months.map((m) => m.month), unit: 'month', x: (index) => LEFT + index * slot + slot / 2, left: LEFT, right: width - RIGHT, formats, measure: measureText });
  const title = t('value.months.title', { currency });
  const soFar = months.some((m) => m.month === current);
  const monthName = (m: RevenueMonth) => (m.month === current ? t('value.months.soFarMonth', { month: formats.longMonth(m.month) }) : formats.longMonth(m.month));
  const describe = (m: RevenueMonth) => t('value.months.bar', { month: monthName(m), amount: format.money(m.revenueMinor, currency), count: m.buyers });

  return (
    <Box ref={ref}>
      <svg viewBox={`0 0 ${width} ${HEIGHT}`} width="100%" height={HEIGHT} role="img" aria-label={title} style={{ display: 'block' }}>
        <defs>
          <Hatch id={hatchId} />
        </defs>
        <g aria-hidden>
          <ValueGrid ticks={ticks} y={y} left={LEFT} right={width - RIGHT} label={(tick) => format.compactMoney(tick, currency)} />
          {months.map((m, index) => {
            const value = Math.max(0, m.revenueMinor);
            const barTop = y(value);
            const partial = m.month === current;
            return (
              <g key={m.month}>
                <title>{describe(m)}</title>
                <rect x={LEFT + index * slot} y={TOP} width={slot} height={HEIGHT - TOP - BOTTOM} fill="transparent" />
                <rect
                  x={LEFT + index * slot + (slot - barWidth) / 2}
                  y={barTop}
                  width={barWidth}
                  height={Math.max(value > 0 ? 1 : 0, HEIGHT - BOTTOM - barTop)}
                  rx={2}
                  fill={partial ? `url(#${CSS.escape(hatchId)})` : BAR}
                  stroke={partial ? BAR : undefined}
                  strokeWidth={partial ? 1 : undefined}
                />
              </g>
            );
          })}
          <TimeAxisLabels axis={axis} y={HEIGHT - 22} />
        </g>
      </svg>
      {soFar && (
        <Group gap={6} mt={4} justify="flex-end" aria-hidden>
          <svg width={12} height={12}>
            <rect x={0.5} y={0.5} width={11} height={11} rx={2} fill={`url(#${CSS.escape(hatchId)})`} stroke={BAR} />
          </svg>
          <Text size="xs" c="dimmed">
            {t('value.months.soFarLegend')}
          </Text>
        </Group>
      )}
      <ChartTable caption={title} rows={months.map((m) => ({ key: m.month, head: monthName(m), cells: [format.money(m.revenueMinor, currency)] }))} />
    </Box>
  );
}

/** Diagonal stripes on a light ground: a month that is not over yet. */
function Hatch({ id }: { id: string }) {
  return (
    <pattern id={id} width={6} height={6} patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
      <rect width={6} height={6} fill="var(--mantine-color-indigo-1)" />
      <line x1={0} y1={0} x2={0} y2={6} stroke={BAR} strokeWidth={3} />
    </pattern>
  );
}
