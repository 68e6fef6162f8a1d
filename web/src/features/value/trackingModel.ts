export interface TrackingWeek {
  weekStart: string;
  actual: number;
  expected: number;
}

/** The index of the first week of the holdout (starting on or after `calibrationEnd`), or null if none is. */
export function holdoutStartIndex(weeks: readonly TrackingWeek[], calibrationEnd: string): number | null {
  const index = weeks.findIndex((week) => week.weekStart >= calibrationEnd);
  return index === -1 ? null : index;
}

/** How far off the prediction was, as a share of what happened (null when nothing did). */
export function relativeError(actual: number, predicted: number): number | null {
  return actual === 0 ? null : (predicted - actual) / actual;
}
