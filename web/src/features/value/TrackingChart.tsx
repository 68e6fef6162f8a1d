import type { ModelReport } from '@contracts/analytics.ts';
import { Box, Group, Text, VisuallyHidden } from '@mantine/core';
import { useElementSize } from '@mantine/hooks';
import { useId, useMemo } from 'react';
import { useI18n } from '../../i18n/i18nContext.ts';
import { useFormat } from '../../i18n/useFormat.ts';
import { axisTicks, labelEvery, linearScale, linePath } from './chartScale.ts';
import { holdoutStartIndex } from './trackingModel.ts';

type Tracking = NonNullable<ModelReport['tracking']>;

const HEIGHT = 240;
const LEFT = 44;
const RIGHT = 16;
const TOP = 18;
const BOTTOM = 30;
const ACTUAL = 'var(--mantine-color-indigo-6)';
const EXPECTED = 'var(--mantine-color-orange-6)';

/** Repeat purchases per week, as they happened and as the model (fitted before the holdout) expected. */
export function TrackingChart({ tracking }: { tracking: Tracking }) {
  const { t, locale } = useI18n();
  const format = useFormat();
  const titleId = useId();
  const shortDay = useMemo(() => new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' }), [locale]);
  const { ref, width: measured } = useElementSize();
  const width = Math.max(320, Math.round(measured) || 720);
  const { weeks } = tracking;
  const ticks = axisTicks(Math.max(0, ...weeks.flatMap((week) => [week.actual, week.expected])));
  const x = linearScale([0, Math.max(weeks.length - 1, 1)], [LEFT, width - RIGHT]);
  const y = linearScale([0, ticks.at(-1) ?? 1], [HEIGHT - BOTTOM, TOP]);
  const holdout = holdoutStartIndex(weeks, tracking.calibrationEnd);
  const every = labelEvery((width - LEFT - RIGHT) / Math.max(weeks.length, 1), 72);
  const title = t('value.model.trackingTitle');

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
          {ticks.map((tick) => (
            <g key={tick}>
              <line x1={LEFT} x2={width - RIGHT} y1={y(tick)} y2={y(tick)} stroke={tick === 0 ? 'var(--mantine-color-gray-5)' : 'var(--mantine-color-gray-2)'} />
              <text x={LEFT - 6} y={y(tick) + 4} textAnchor="end" fontSize={11} fill="var(--mantine-color-dimmed)">
                {format.number(tick)}
              </text>
            </g>
          ))}
          {weeks.map((week, index) =>
            index % every === 0 ? (
              <text key={week.weekStart} x={x(index)} y={HEIGHT - 10} textAnchor={index === 0 ? 'start' : x(index) > width - RIGHT - 48 ? 'end' : 'middle'} fontSize={11} fill="var(--mantine-color-dimmed)">
                {shortDay.format(new Date(`${week.weekStart}T00:00:00Z`))}
              </text>
            ) : null,
          )}
          <path d={linePath(weeks.map((week, index) => ({ x: x(index), y: y(week.actual) })))} fill="none" stroke={ACTUAL} strokeWidth={2} strokeLinejoin="round" />
          <path d={linePath(weeks.map((week, index) => ({ x: x(index), y: y(week.expected) })))} fill="none" stroke={EXPECTED} strokeWidth={2} strokeDasharray="6 4" strokeLinejoin="round" />
          {holdout !== null && (
            <g>
              <line x1={x(holdout)} x2={x(holdout)} y1={TOP - 6} y2={HEIGHT - BOTTOM} stroke="var(--mantine-color-dark-3)" strokeDasharray="3 3" />
              <text x={x(holdout) + 6} y={TOP + 4} fontSize={11} fontWeight={600} fill="var(--mantine-color-dark-5)">
                {t('value.model.holdoutStarts', { date: format.day(tracking.calibrationEnd) })}
              </text>
            </g>
          )}
        </g>
      </svg>
      <VisuallyHidden>
        <table>
          <caption>{title}</caption>
          <thead>
            <tr>
              <th scope="col">{t('value.model.week')}</th>
              <th scope="col">{t('value.model.actual')}</th>
              <th scope="col">{t('value.model.expected')}</th>
            </tr>
          </thead>
          <tbody>
            {weeks.map((week) => (
              <tr key={week.weekStart}>
                <th scope="row">{format.day(week.weekStart)}</th>
                <td>{format.number(week.actual)}</td>
                <td>{format.number(Math.round(week.expected * 10) / 10)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </VisuallyHidden>
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
