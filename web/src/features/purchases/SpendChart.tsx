import { Box, Text, VisuallyHidden } from '@mantine/core';
import { useElementSize } from '@mantine/hooks';
import { useId, useMemo } from 'react';
import { useI18n } from '../../i18n/i18nContext.ts';
import { useFormat } from '../../i18n/useFormat.ts';
import { currencyFractionDigits } from '../../i18n/format.ts';
import type { MonthSpend } from './spendModel.ts';

const HEIGHT = 180;
const AXIS = 56;
const TOP = 8;
const BOTTOM = 36;
/** Room for the last month's label, centred under its bar. */
const RIGHT = 20;

/** "2024-03" → the first of that month, at midnight UTC (formatted in UTC, so never the day before). */
const dateOf = (month: string) => new Date(`${month}-01T00:00:00Z`);

/**
 * Net spend per month as bars: above the line for what was spent, below it for months
 * where refunds outweighed purchases. Each bar names its month and amount on hover, and
 * the same figures are in a table for screen readers.
 */
export function SpendChart({ series, currency }: { series: readonly MonthSpend[]; currency: string }) {
  const { t, locale } = useI18n();
  const format = useFormat();
  const titleId = useId();
  // Drawn at the width it is shown at, so the labels keep their size on any screen.
  const { ref, width: measured } = useElementSize();
  const chartWidth = Math.max(320, Math.round(measured) || 640);
  const monthName = useMemo(() => new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }), [locale]);
  const shortMonth = useMemo(() => new Intl.DateTimeFormat(locale, { month: 'short', timeZone: 'UTC' }), [locale]);
  const yearOnly = useMemo(() => new Intl.DateTimeFormat(locale, { year: 'numeric', timeZone: 'UTC' }), [locale]);
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
  // Every month is labelled when the labels fit, otherwise every few months; the year under January.
  const labelEvery = Math.ceil(44 / slot);
  const describe = (m: MonthSpend) =>
    t('purchases.chart.bar', { month: monthName.format(dateOf(m.month)), amount: format.money(m.amountMinor, m.currency), count: m.purchases });

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
            const showLabel = index % labelEvery === 0;
            const showYear = index === 0 || m.month.endsWith('-01');
            return (
              <g key={m.month}>
                <title>{describe(m)}</title>
                <rect x={AXIS + index * slot} y={TOP} width={slot} height={plot} fill="transparent" />
                <rect x={x} y={top} width={barWidth} height={height} rx={2} fill={m.amountMinor < 0 ? 'var(--mantine-color-red-6)' : 'var(--mantine-color-indigo-6)'} />
                {showLabel && (
                  <text x={x + barWidth / 2} y={HEIGHT - 20} textAnchor="middle" fontSize={11} fill="var(--mantine-color-dimmed)">
                    {shortMonth.format(dateOf(m.month))}
                  </text>
                )}
                {showYear && (
                  <text x={x + barWidth / 2} y={HEIGHT - 5} textAnchor="middle" fontSize={11} fontWeight={600} fill="var(--mantine-color-dimmed)">
                    {yearOnly.format(dateOf(m.month))}
                  </text>
                )}
              </g>
            );
          })}
        </g>
      </svg>
      <VisuallyHidden>
        <table>
          <caption>{t('purchases.chart.title', { currency })}</caption>
          <tbody>
            {series.map((m) => (
              <tr key={m.month}>
                <th scope="row">{monthName.format(dateOf(m.month))}</th>
                <td>{format.money(m.amountMinor, m.currency)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </VisuallyHidden>
    </Box>
  );
}
