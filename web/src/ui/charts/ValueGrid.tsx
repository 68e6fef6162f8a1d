/** Horizontal grid lines at round values, the zero line darker, each named at the left edge. */
export function ValueGrid({ ticks, y, left, right, label }: { ticks: readonly number[]; y: (value: number) => number; left: number; right: number; label: (value: number) => string }) {
  return (
    <g>
      {ticks.map((tick) => (
        <g key={tick}>
          <line x1={left} x2={right} y1={y(tick)} y2={y(tick)} stroke={tick === 0 ? 'var(--mantine-color-gray-5)' : 'var(--mantine-color-gray-2)'} />
          <text x={left - 6} y={y(tick) + 4} textAnchor="end" fontSize={11} fill="var(--mantine-color-dimmed)">
            {label(tick)}
          </text>
        </g>
      ))}
    </g>
  );
}
