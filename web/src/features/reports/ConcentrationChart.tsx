import type { ConcentrationGroup } from '@contracts/concentration.ts';
import { Box } from '@mantine/core';
import { useT } from '../../i18n/i18nContext.ts';
import { useFormat } from '../../i18n/useFormat.ts';
import { ChartTable } from '../../ui/charts/ChartTable.tsx';
import { measureText } from '../../ui/charts/measureText.ts';
import { useChartWidth } from '../../ui/charts/useChartWidth.ts';

const ROW = 28;
const BAR = 16;
const TOP = 8;
const BOTTOM = 22;
const VALUE = 56;
const SHOWN = 10;

/** The largest groups' shares as horizontal bars, with the warning threshold as a dashed line; a table for screen readers. */
export function ConcentrationChart({ groups, warningShare }: { groups: readonly ConcentrationGroup[]; warningShare: number }) {
  const t = useT();
  const format = useFormat();
  const { ref, width } = useChartWidth(640);
  const shown = groups.slice(0, SHOWN);
  const left = Math.min(width * 0.4, Math.max(80, ...shown.map((g) => measureText(g.name, false, 12) + 16)));
  const max = Math.max(warningShare, ...shown.map((g) => g.share), 0.01);
  const x = (share: number) => left + (share / max) * (width - left - VALUE);
  const height = TOP + shown.length * ROW + BOTTOM;
  const title = t('concentration.chart.title');
  const clip = (name: string) => {
    let text = name;
    while (text.length > 1 && measureText(text, false, 12) > left - 16) text = text.slice(0, -1);
    return text === name ? name : `${text.trimEnd()}…`;
  };

  return (
    <Box ref={ref}>
      <svg viewBox={`0 0 ${width} ${height}`} width="100%" height={height} role="img" aria-label={title} style={{ display: 'block' }}>
        <g aria-hidden>
          {shown.map((g, index) => {
            const y = TOP + index * ROW;
            const over = g.share > warningShare;
            return (
              <g key={g.groupId}>
                <title>{t('concentration.chart.bar', { name: g.name, share: format.percent(g.share, 1) })}</title>
                <text x={left - 8} y={y + ROW / 2} textAnchor="end" dominantBaseline="central" fontSize={12} fill="var(--mantine-color-text)">
                  {clip(g.name)}
                </text>
                <rect x={left} y={y + (ROW - BAR) / 2} width={Math.max(1, x(g.share) - left)} height={BAR} rx={2} fill={over ? 'var(--mantine-color-orange-6)' : 'var(--mantine-color-indigo-5)'} />
                <text x={x(g.share) + 6} y={y + ROW / 2} dominantBaseline="central" fontSize={12} fill="var(--mantine-color-dimmed)" style={{ fontVariantNumeric: 'tabular-nums' }}>
                  {format.percent(g.share, 1)}
                </text>
              </g>
            );
          })}
          <line x1={x(warningShare)} x2={x(warningShare)} y1={TOP - 4} y2={height - BOTTOM + 2} stroke="var(--mantine-color-orange-7)" strokeDasharray="4 3" />
          <text x={x(warningShare)} y={height - 6} textAnchor="middle" fontSize={11} fill="var(--mantine-color-orange-8)">
            {t('concentration.chart.threshold', { share: format.percent(warningShare, 0) })}
          </text>
        </g>
      </svg>
      <ChartTable caption={title} rows={shown.map((g) => ({ key: g.groupId, head: g.name, cells: [format.percent(g.share, 1)] }))} />
    </Box>
  );
}
