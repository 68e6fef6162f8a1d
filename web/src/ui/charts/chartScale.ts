/** The smallest of 1, 2, 2.5, 5 × 10ⁿ at or above `value`, so an axis ends on a readable figure. */
export function niceCeiling(value: number): number {
  if (!(value > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  const step = [1, 2, 2.5, 5, 10].find((candidate) => candidate * power >= value * (1 - 1e-12)) ?? 10;
  return step * power;
}

/** Ticks from 0 up to the first round step at or above `max`, about `count` of them. */
export function axisTicks(max: number, count = 4): number[] {
  const step = niceCeiling(Math.max(max, 0) / count);
  const steps = Math.max(1, Math.ceil(max / step - 1e-9));
  return Array.from({ length: steps + 1 }, (_, index) => roundStep(index * step));
}

/** Maps a domain linearly onto a range of pixels (the range may run backwards, as y does). */
export function linearScale([d0, d1]: readonly [number, number], [r0, r1]: readonly [number, number]): (value: number) => number {
  const span = d1 - d0 || 1;
  return (value) => r0 + ((value - d0) / span) * (r1 - r0);
}

/** An SVG polyline path through points already in pixels. */
export function linePath(points: readonly { x: number; y: number }[]): string {
  return points.map((point, index) => `${index === 0 ? 'M' : 'L'}${round(point.x)},${round(point.y)}`).join(' ');
}

/** Every `every`-th index is labelled so that labels `minGap` pixels wide never touch, given `slot` pixels each. */
export function labelEvery(slot: number, minGap: number): number {
  return Math.max(1, Math.ceil(minGap / Math.max(slot, 1e-9)));
}

const round = (value: number) => Math.round(value * 10) / 10;
const roundStep = (value: number) => Number(value.toPrecision(12));
