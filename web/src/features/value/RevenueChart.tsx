import { Box, VisuallyHidden } from '@mantine/core';
import { useElementSize } from '@mantine/hooks';
import { useMemo } from 'react';
import { useI18n } from '../../i18n/i18nContext.ts';
import { useFormat } from '../../i18n/useFormat.ts';
import { axisTicks, labelEvery, linearScale } from './chartScale.ts';
import type { RevenueMonth } from './revenueMonths.ts';

const HEIGHT = 220;
const LEFT = 60;
const RIGHT = 12;
const TOP = 10;
const BOTTOM = 38;

const dateOf = (month: string) => new Date(`${month}-01T00:00:00Z`);

/** Revenue per month as bars on a round-numbered axis; each bar names itself on hover; a table for screen readers. */
export function RevenueChart({ months, currency }: { months: readonly RevenueMonth[]; currency: string }) {
  const { t, locale } = useI18n();
  const format = useFormat();
  const { ref, width: measured } = useElementSize();
  const width = Math.max(320, Math.round(measured) || 640);
  const longMonth = useMemo(() => new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }), [locale]);
  const shortMonth = useMemo(() => new Intl.DateTimeFormat(locale, { month: 'short', timeZone: 'UTC' }), [locale]);
  const yearOnly = useMemo(() => new Intl.DateTimeFormat(locale, { year: 'numeric', timeZone: 'UTC' }), [locale]);

  const ticks = axisTicks(Math.max(0, ...months.map((m) => m.revenueMinor)));
  const top = ticks.at(-1) ?? 1;
  const y = linearScale([0, top], [HEIGHT - BOTTOM, TOP]);
  const slot = (width - LEFT - RIGHT) / Math.max(months.length, 1);
  const barWidth = Math.max(2, Math.min(40, slot * 0.7));
  const every = labelEvery(slot, 40);
  const title = t('value.months.title', { currency });
  const describe = (m: RevenueMonth) => t('value.months.bar', { month: longMonth.format(dateOf(m.month)), amount: format.money(m.revenueMinor, currency), count: m.buyers });

  return (
    <Box ref={ref}>
      <svg viewBox={`0 0 ${width} ${HEIGHT}`} width="100%" height={HEIGHT} role="img" aria-label={title} style={{ display: 'block' }}>
        <g aria-hidden>
          {ticks.map((tick) => (
            <g key={tick}>
              <line x1={LEFT} x2={width - RIGHT} y1={y(tick)} y2={y(tick)} stroke={tick === 0 ? 'var(--mantine-color-gray-5)' : 'var(--mantine-color-gray-2)'} />
              <text x={LEFT - 6} y={y(tick) + 4} textAnchor="end" fontSize={11} fill="var(--mantine-color-dimmed)">
                {format.compactMoney(tick, currency)}
              </text>
            </g>
          ))}
          {months.map((m, index) => {
            const x = LEFT + index * slot + (slot - barWidth) / 2;
            const value = Math.max(0, m.revenueMinor);
            const barTop = y(value);
            return (
              <g key={m.month}>
                <title>{describe(m)}</title>
                <rect x={LEFT + index * slot} y={TOP} width={slot} height={HEIGHT - TOP - BOTTOM} fill="transparent" />
                <rect x={x} y={barTop} width={barWidth} height={Math.max(value > 0 ? 1 : 0, HEIGHT - BOTTOM - barTop)} rx={2} fill="var(--mantine-color-indigo-6)" />
                {index % every === 0 && (
                  <text x={x + barWidth / 2} y={HEIGHT - 22} textAnchor="middle" fontSize={11} fill="var(--mantine-color-dimmed)">
                    {shortMonth.format(dateOf(m.month))}
                  </text>
                )}
                {(m.month.endsWith('-01') || (index === 0 && !months.slice(1, 3).some((next) => next.month.endsWith('-01')))) && (
                  <text x={x + barWidth / 2} y={HEIGHT - 6} textAnchor="middle" fontSize={11} fontWeight={600} fill="var(--mantine-color-dimmed)">
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
          <caption>{title}</caption>
          <tbody>
            {months.map((m) => (
              <tr key={m.month}>
                <th scope="row">{longMonth.format(dateOf(m.month))}</th>
                <td>{format.money(m.revenueMinor, currency)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </VisuallyHidden>
    </Box>
  );
}
