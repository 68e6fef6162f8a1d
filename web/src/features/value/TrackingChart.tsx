import type { ModelReport } from '@contracts/analytics.ts';
import { Box, Group, Text } from '@mantine/core';
import { useId } from 'react';
import { useT } from '../../i18n/i18nContext.ts';
import { useFormat } from '../../i18n/useFormat.ts';
import { axisTicks, linearScale, linePath } from '../../ui/charts/chartScale.ts';
import { ChartTable } from '../../ui/charts/ChartTable.tsx';
import { measureText } from '../../ui/charts/measureText.ts';
import { timeAxis } from '../../ui/charts/timeAxis.ts';
import { TimeAxisLabels } from '../../ui/charts/TimeAxisLabels.tsx';
import { useChartWidth } from '../../ui/charts/useChartWidth.ts';
import { useDateFormats } from '../../ui/charts/useDateFormats.ts';
import { ValueGrid } from '../../ui/charts/ValueGrid.tsx';
import { holdoutStartIndex } from './trackingModel.ts';

type Tracking = NonNullable<ModelReport['tracking']>;

const HEIGHT = 250;
const LEFT = 44;
const RIGHT = 16;
const TOP = 18;
/** Room for the months and, beneath them, the years. */
const BOTTOM = 40;
const ACTUAL = 'var(--mantine-color-indigo-6)';
const EXPECTED = 'var(--mantine-color-orange-6)';

/** Repeat purchases per week, as they happened and as the model (fitted before the holdout) expected. */
export function TrackingChart({ tracking }: { tracking: Tracking }) {
  const t = useT();
  const format = useFormat();
  const formats = useDateFormats();
  const titleId = useId();
  const { ref, width } = useChartWidth(720);
  const { weeks } = tracking;
  const ticks = axisTicks(Math.max(0, ...weeks.flatMap((week) => [week.actual, week.expected])));
  const x = linearScale([0, Math.max(weeks.length - 1, 1)], [LEFT, width - RIGHT]);
  const y = linearScale([0, ticks.at(-1) ?? 1], [HEIGHT - BOTTOM, TOP]);
  const holdout = holdoutStartIndex(weeks, tracking.calibrationEnd);
  const axis = timeAxis({ dates: weeks.map((week) => week.weekStart), unit: 'week', x, left: LEFT, right: width - RIGHT, formats, measure: measureText });
  const title = t('value.model.trackingTitle');
  const holdoutText = t('value.model.holdoutStarts', { date: format.day(tracking.calibrationEnd) });
  // Right of the line if it fits there, else left of it (a late cut-off on a narrow screen).
  const holdoutX = x(holdout ?? 0);
  const holdoutLabel = holdoutX + 6 + measureText(holdoutText, true) <= width - RIGHT ? ({ x: holdoutX + 6, anchor: 'start' } as const) : ({ x: holdoutX - 6, anchor: 'end' } as const);

  return (
    <Box ref={ref}>
      <Group justify="space-between" mb={4} gap="sm">
        <Text id={titleId} size="sm" fw={600}>
          {title}
        </Text>
        <Group gap="md" aria-hidden>
          <Legend color={ACTUAL} label={t('value.model.actual')} />
          <Legend color={EXPECTED} label={t('value.model.expected')} dashed />
        </Group>
      </Group>
      <svg viewBox={`0 0 ${width} ${HEIGHT}`} width="100%" height={HEIGHT} role="img" aria-labelledby={titleId} style={{ display: 'block' }}>
        <g aria-hidden>
          {holdout !== null && <rect x={x(holdout)} y={TOP} width={x(weeks.length - 1) - x(holdout)} height={HEIGHT - TOP - BOTTOM} fill="var(--mantine-color-gray-0)" />}
          <ValueGrid ticks={ticks} y={y} left={LEFT} right={width - RIGHT} label={format.number} />
          <TimeAxisLabels axis={axis} y={HEIGHT - 22} />
          <path d={linePath(weeks.map((week, index) => ({ x: x(index), y: y(week.actual) })))} fill="none" stroke={ACTUAL} strokeWidth={2} strokeLinejoin="round" />
          <path d={linePath(weeks.map((week, index) => ({ x: x(index), y: y(week.expected) })))} fill="none" stroke={EXPECTED} strokeWidth={2} strokeDasharray="6 4" strokeLinejoin="round" />
          {holdout !== null && (
            <g>
              <line x1={x(holdout)} x2={x(holdout)} y1={TOP - 6} y2={HEIGHT - BOTTOM} stroke="var(--mantine-color-dark-3)" strokeDasharray="3 3" />
              <text x={holdoutLabel.x} y={TOP + 4} textAnchor={holdoutLabel.anchor} fontSize={11} fontWeight={600} fill="var(--mantine-color-dark-5)">
                {holdoutText}
              </text>
            </g>
          )}
        </g>
      </svg>
      <ChartTable
        caption={title}
        columns={[t('value.model.week'), t('value.model.actual'), t('value.model.expected')]}
        rows={weeks.map((week) => ({ key: week.weekStart, head: format.day(week.weekStart), cells: [format.number(week.actual), format.number(Math.round(week.expected * 10) / 10)] }))}
      />
    </Box>
  );
}

function Legend({ color, label, dashed = false }: { color: string; label: string; dashed?: boolean }) {
  return (
    <Group gap={6} wrap="nowrap">
      <svg width={22} height={8} aria-hidden>
        <line x1={0} x2={22} y1={4} y2={4} stroke={color} strokeWidth={2} strokeDasharray={dashed ? '6 4' : undefined} />
      </svg>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
    </Group>
  );
}
