import type { TimeAxis } from './timeAxis.ts';

/** The month (or day) labels of a time axis at `y`, and the year row beneath them. */
export function TimeAxisLabels({ axis, y }: { axis: TimeAxis; y: number }) {
  return (
    <g fontSize={11} fill="var(--mantine-color-dimmed)" textAnchor="middle">
      {axis.ticks.map((tick) => (
        <text key={`${tick.x}-${tick.text}`} x={tick.x} y={y}>
          {tick.text}
        </text>
      ))}
      {axis.years.map((year) => (
        <text key={`${year.x}-${year.text}`} x={year.x} y={y + 16} fontWeight={600}>
          {year.text}
        </text>
      ))}
    </g>
  );
}
