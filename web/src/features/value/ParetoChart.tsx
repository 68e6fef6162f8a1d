import type { ValueDashboard } from '@contracts/analytics.ts';
import { Box, Text, VisuallyHidden } from '@mantine/core';
import { useId } from 'react';
import { useT } from '../../i18n/i18nContext.ts';
import { useFormat } from '../../i18n/useFormat.ts';
import { linearScale, linePath } from '../../ui/charts/chartScale.ts';
import { useChartWidth } from '../../ui/charts/useChartWidth.ts';
import { paretoCurve, separateLabels, valueShareAt } from './paretoModel.ts';

const HEIGHT = 260;
const LEFT = 48;
const RIGHT = 16;
const TOP = 12;
const BOTTOM = 40;
const TICKS = [0, 0.25, 0.5, 0.75, 1];
const CUT_COLOR = { gold: 'var(--mantine-color-yellow-6)', silver: 'var(--mantine-color-gray-6)' } as const;

/**
 * The Pareto curve: the share of value (the tier metric) held by the top share of customers.
 * The gold and silver cut points are marked and named; the diagonal is what an even spread would look like.
 */
export function ParetoChart({ pareto }: { pareto: ValueDashboard['pareto'] }) {
  const t = useT();
  const format = useFormat();
  const summaryId = useId();
  const { ref, width } = useChartWidth(560);
  const x = linearScale([0, 1], [LEFT, width - RIGHT]);
  const y = linearScale([0, 1], [HEIGHT - BOTTOM, TOP]);
  const curve = paretoCurve(pareto.points);
  const line = linePath(curve.map((p) => ({ x: x(p.customerShare), y: y(p.revenueShare) })));
  const area = curve.length > 1 ? `${line} L${x(curve.at(-1)!.customerShare)},${y(0)} L${x(0)},${y(0)} Z` : '';
  const cuts = (['gold', 'silver'] as const).flatMap((tier) => {
    const cut = pareto[tier];
    return cut ? [{ tier, ...cut }] : [];
  });
  const labelYs = separateLabels(cuts.map((cut) => y(cut.revenueShare) + 4), 16);
  // Labels line up just right of the rightmost cut, so no label crosses another cut's guide line.
  const rightmost = Math.max(0, ...cuts.map((cut) => cut.customerShare));
  const flip = rightmost > 0.55;
  const labelX = flip ? x(Math.min(...cuts.map((cut) => cut.customerShare))) - 10 : x(rightmost) + 10;
  const cutText = (cut: (typeof cuts)[number]) =>
    t('value.pareto.cut', { tier: t(`value.tier.${cut.tier}`), customers: format.percent(cut.customerShare, 1), value: format.percent(cut.revenueShare, 1) });
  const top20 = valueShareAt(curve, 0.2);
  // On a narrow chart a label that would run off the right edge ends at the edge instead.
  const labelWidth = Math.max(0, ...cuts.map((cut) => cutText(cut).length)) * 7;
  const anchorEnd = flip || labelX + labelWidth > width - RIGHT;
  const textX = flip ? labelX : anchorEnd ? width - RIGHT : labelX;

  return (
    <Box ref={ref}>
      <Text id={summaryId} size="sm" mb={4}>
        {top20 === null ? t('value.pareto.empty') : t('value.pareto.summary', { customers: format.percent(0.2), value: format.percent(top20) })}
      </Text>
      <svg viewBox={`0 0 ${width} ${HEIGHT}`} width="100%" height={HEIGHT} role="img" aria-label={t('value.pareto.title')} aria-describedby={summaryId} style={{ display: 'block' }}>
        <g aria-hidden>
          {TICKS.map((tick) => (
            <g key={tick}>
              <line x1={x(0)} x2={x(1)} y1={y(tick)} y2={y(tick)} stroke="var(--mantine-color-gray-2)" />
              <text x={LEFT - 6} y={y(tick) + 4} textAnchor="end" fontSize={11} fill="var(--mantine-color-dimmed)">
                {format.percent(tick)}
              </text>
              <text x={x(tick)} y={HEIGHT - BOTTOM + 15} textAnchor={tick === 1 ? 'end' : tick === 0 ? 'start' : 'middle'} fontSize={11} fill="var(--mantine-color-dimmed)">
                {format.percent(tick)}
              </text>
            </g>
          ))}
          <text x={x(0.5)} y={HEIGHT - 6} textAnchor="middle" fontSize={11} fill="var(--mantine-color-dimmed)">
            {t('value.pareto.xAxis')}
          </text>
          <line x1={x(0)} y1={y(0)} x2={x(1)} y2={y(1)} stroke="var(--mantine-color-gray-4)" strokeDasharray="4 4" />
          <text x={x(0.62)} y={y(0.62) + 16} fontSize={10} fill="var(--mantine-color-gray-6)" transform={`rotate(${angle(x, y)} ${x(0.62)} ${y(0.62) + 16})`}>
            {t('value.pareto.even')}
          </text>
          {area && <path d={area} fill="var(--mantine-color-indigo-0)" />}
          {line && <path d={line} fill="none" stroke="var(--mantine-color-indigo-6)" strokeWidth={2.5} strokeLinejoin="round" />}
          {cuts.map((cut, index) => {
            const cx = x(cut.customerShare);
            const cy = y(cut.revenueShare);
            return (
              <g key={cut.tier}>
                <line x1={cx} x2={cx} y1={cy} y2={y(0)} stroke={CUT_COLOR[cut.tier]} strokeDasharray="3 3" />
                <line x1={x(0)} x2={flip ? cx : Math.max(cx, labelX - 4)} y1={cy} y2={cy} stroke={CUT_COLOR[cut.tier]} strokeDasharray="3 3" />
                <circle cx={cx} cy={cy} r={5} fill={CUT_COLOR[cut.tier]} stroke="white" strokeWidth={1.5} />
                <text x={textX} y={labelYs[index]} textAnchor={anchorEnd ? 'end' : 'start'} fontSize={12} fontWeight={600} fill="var(--mantine-color-dark-6)" paintOrder="stroke" stroke="white" strokeWidth={3}>
                  {cutText(cut)}
                </text>
              </g>
            );
          })}
        </g>
      </svg>
      <VisuallyHidden>
        <ul>
          {cuts.map((cut) => (
            <li key={cut.tier}>{cutText(cut)}</li>
          ))}
        </ul>
      </VisuallyHidden>
    </Box>
  );
}

/** The on-screen angle of the diagonal, so its label lies along it whatever the chart's width. */
function angle(x: (v: number) => number, y: (v: number) => number): number {
  return (Math.atan2(y(1) - y(0), x(1) - x(0)) * 180) / Math.PI;
}
