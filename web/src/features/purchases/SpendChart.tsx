import { Box, Text } from '@mantine/core';
import { useId, useMemo } from 'react';
import { useI18n } from '../../i18n/i18nContext.ts';
import { useFormat } from '../../i18n/useFormat.ts';
import { currencyFractionDigits } from '../../i18n/format.ts';
import { ChartTable } from '../../ui/charts/ChartTable.tsx';
import { measureText } from '../../ui/charts/measureText.ts';
import { timeAxis } from '../../ui/charts/timeAxis.ts';
import { TimeAxisLabels } from '../../ui/charts/TimeAxisLabels.tsx';
import { useChartWidth } from '../../ui/charts/useChartWidth.ts';
import { useDateFormats } from '../../ui/charts/useDateFormats.ts';
import type { MonthSpend } from './spendModel.ts';

const HEIGHT = 180;
const AXIS = 56;
const TOP = 8;
const BOTTOM = 36;
/** Room for the last month's label, centred under its bar. */
const RIGHT = 20;

/**
 * Net spend per month as bars: above the line for what was spent, below it for months
 * where refunds outweighed purchases. Each bar names its month and amount on hover, and
 * the same figures are in a table for screen readers.
 */
export function SpendChart({ series, currency }: { series: readonly MonthSpend[]; currency: string }) {
  const { t, locale } = useI18n();
  const format = useFormat();
  const titleId = useId();
  const formats = useDateFormats();
  const { ref, width: chartWidth } = useChartWidth(640);
  const compact = useMemo(() => new Intl.NumberFormat(locale, { style: 'currency', currency, notation: 'compact', minimumFractionDigits: 0, maximumFractionDigits: 1 }), [locale, currency]);
  const unit = 10 ** currencyFractionDigits(currency);

  const max = Math.max(0, ...series.map((m) => m.amountMinor));
  const min = Math.min(0, ...series.map((m) => m.amountMinor));
  const range = max - min || 1;
  const plot = HEIGHT - TOP - BOTTOM;
  const y = (value: number) => TOP + ((max - value) / range) * plot;
  const zero = y(0);
  const slot = (chartWidth - AXIS - RIGHT) / Math.max(series.length, 1);
  const barWidth = Math.max(2, Math.min(36, slot * 0.7));
  const axis = timeAxis({ dates: series.map((m) => m.month), unit: 'month', x: (index) => AXIS + index * slot + slot / 2, left: AXIS, right: chartWidth - RIGHT, formats, measure: measureText });
  const describe = (m: MonthSpend) => t('purchases.chart.bar', { month: formats.longMonth(m.month), amount: format.money(m.amountMinor, m.currency), count: m.purchases });

  return (
    <Box ref={ref}>
      <Text id={titleId} size="sm" fw={600} mb={4}>
        {t('purchases.chart.title', { currency })}
      </Text>
      <svg viewBox={`0 0 ${chartWidth} ${HEIGHT}`} width="100%" height={HEIGHT} role="img" aria-labelledby={titleId} style={{ display: 'block' }}>
        <g aria-hidden>
          <text x={AXIS - 6} y={y(max) + 4} textAnchor="end" fontSize={11} fill="var(--mantine-color-dimmed)">
            {compact.format(max / unit)}
          </text>
          {min < 0 && (
            <text x={AXIS - 6} y={y(min)} textAnchor="end" fontSize={11} fill="var(--mantine-color-dimmed)">
              {compact.format(min / unit)}
            </text>
          )}
          <line x1={AXIS} x2={chartWidth - RIGHT} y1={zero} y2={zero} stroke="var(--mantine-color-gray-4)" />
          {series.map((m, index) => {
            const x = AXIS + index * slot + (slot - barWidth) / 2;
            const top = Math.min(y(m.amountMinor), zero);
            const height = Math.max(m.amountMinor === 0 ? 0 : 1, Math.abs(y(m.amountMinor) - zero));
            return (
              <g key={m.month}>
                <title>{describe(m)}</title>
                <rect x={AXIS + index * slot} y={TOP} width={slot} height={plot} fill="transparent" />
                <rect x={x} y={top} width={barWidth} height={height} rx={2} fill={m.amountMinor < 0 ? 'var(--mantine-color-red-6)' : 'var(--mantine-color-indigo-6)'} />
              </g>
            );
          })}
          <TimeAxisLabels axis={axis} y={HEIGHT - 21} />
        </g>
      </svg>
      <ChartTable caption={t('purchases.chart.title', { currency })} rows={series.map((m) => ({ key: m.month, head: formats.longMonth(m.month), cells: [format.money(m.amountMinor, m.currency)] }))} />
    </Box>
  );
}
