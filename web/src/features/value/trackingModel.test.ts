import { describe, expect, it } from 'vitest';
import { holdoutStartIndex, relativeError } from './trackingModel.ts';

const weeks = [
  { weekStart: '2024-01-01', actual: 2, expected: 1.5 },
  { weekStart: '2024-01-08', actual: 0, expected: 1.25 },
  { weekStart: '2024-01-15', actual: 3, expected: 1 },
];

describe('holdoutStartIndex', () => {
  it('finds the first week on or after the end of calibration', () => {
    expect(holdoutStartIndex(weeks, '2024-01-08')).toBe(1);
    expect(holdoutStartIndex(weeks, '2024-01-10')).toBe(2);
    expect(holdoutStartIndex(weeks, '2023-12-01')).toBe(0);
  });

  it('is null when calibration covers every week', () => {
    expect(holdoutStartIndex(weeks, '2024-02-01')).toBeNull();
  });
});

describe('relativeError', () => {
  it('is the overshoot as a share of what happened', () => {
    expect(relativeError(40, 44)).toBeCloseTo(0.1);
    expect(relativeError(40, 30)).toBeCloseTo(-0.25);
    expect(relativeError(0, 3)).toBeNull();
  });
});
