import { describe, expect, it } from 'vitest';
import { axisTicks, labelEvery, linearScale, linePath, niceCeiling } from './chartScale.ts';

describe('niceCeiling', () => {
  it('rounds up to 1, 2, 2.5 or 5 times a power of ten', () => {
    expect(niceCeiling(0.7)).toBe(1);
    expect(niceCeiling(1)).toBe(1);
    expect(niceCeiling(1.2)).toBe(2);
    expect(niceCeiling(2.2)).toBe(2.5);
    expect(niceCeiling(3)).toBe(5);
    expect(niceCeiling(72_100)).toBe(100_000);
    expect(niceCeiling(0.03)).toBeCloseTo(0.05);
  });

  it('gives 1 for nothing to show', () => {
    expect(niceCeiling(0)).toBe(1);
    expect(niceCeiling(-5)).toBe(1);
    expect(niceCeiling(Number.NaN)).toBe(1);
  });
});

describe('axisTicks', () => {
  it('starts at zero and ends at or above the maximum in round steps', () => {
    expect(axisTicks(72_100, 4)).toEqual([0, 20_000, 40_000, 60_000, 80_000]);
    expect(axisTicks(1, 4)).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(axisTicks(10, 4)).toEqual([0, 2.5, 5, 7.5, 10]);
  });

  it('has two ticks when everything is zero', () => {
    expect(axisTicks(0)).toEqual([0, 1]);
  });
});

describe('linearScale', () => {
  it('maps the domain onto the range, also backwards', () => {
    const y = linearScale([0, 100], [200, 0]);
    expect(y(0)).toBe(200);
    expect(y(100)).toBe(0);
    expect(y(25)).toBe(150);
  });

  it('does not divide by zero on an empty domain', () => {
    expect(linearScale([5, 5], [0, 10])(5)).toBe(0);
  });
});

describe('linePath', () => {
  it('moves to the first point and draws to the rest', () => {
    expect(linePath([{ x: 0, y: 10 }, { x: 5.55, y: 2 }])).toBe('M0,10 L5.6,2');
    expect(linePath([])).toBe('');
  });
});

describe('labelEvery', () => {
  it('labels every slot when labels fit, fewer when they do not', () => {
    expect(labelEvery(50, 44)).toBe(1);
    expect(labelEvery(20, 44)).toBe(3);
  });
});
