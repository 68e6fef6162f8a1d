import { describe, expect, it } from 'vitest';
import { paretoCurve, separateLabels, valueShareAt } from './paretoModel.ts';

const points = [
  { customerShare: 0.5, revenueShare: 0.9 },
  { customerShare: 0.1, revenueShare: 0.5 },
  { customerShare: 1, revenueShare: 1 },
];

describe('paretoCurve', () => {
  it('starts at the origin and runs by customer share', () => {
    expect(paretoCurve(points).map((p) => p.customerShare)).toEqual([0, 0.1, 0.5, 1]);
  });

  it('does not repeat the origin the server sent', () => {
    expect(paretoCurve([{ customerShare: 0, revenueShare: 0 }, ...points])).toHaveLength(4);
  });
});

describe('valueShareAt', () => {
  const curve = paretoCurve(points);

  it('reads a point exactly and interpolates between points', () => {
    expect(valueShareAt(curve, 0.1)).toBeCloseTo(0.5);
    expect(valueShareAt(curve, 0.3)).toBeCloseTo(0.7);
    expect(valueShareAt(curve, 0.05)).toBeCloseTo(0.25);
  });

  it('is the whole value past the end and nothing without a curve', () => {
    expect(valueShareAt(curve, 1.2)).toBe(1);
    expect(valueShareAt(paretoCurve([]), 0.2)).toBeNull();
  });
});

describe('separateLabels', () => {
  it('leaves labels that do not touch where they are', () => {
    expect(separateLabels([100, 40], 16)).toEqual([100, 40]);
  });

  it('pushes the lower of two close labels down, keeping the order', () => {
    expect(separateLabels([50, 45], 16)).toEqual([61, 45]);
    expect(separateLabels([10, 10, 10], 12)).toEqual([10, 22, 34]);
  });
});
