import { describe, expect, it } from 'vitest';
import { parseListState } from '../customers/listState.ts';
import { gridRows, segmentListPath, segmentRows } from './segmentModel.ts';

describe('segmentListPath', () => {
  it('opens the customer list filtered on the segment, most valuable first', () => {
    const path = segmentListPath('champions');
    expect(path.startsWith('/customers?')).toBe(true);
    const state = parseListState(new URLSearchParams(path.split('?')[1]));
    expect(state.filters).toEqual([{ field: 'rfmSegment', op: 'eq', value: 'champions' }]);
    expect(state.sort).toBe('revenue365');
    expect(state.order).toBe('desc');
    expect(state.columns).toContain('rfmSegment');
  });
});

describe('gridRows', () => {
  it('puts the best frequency-and-monetary score on top and recency left to right', () => {
    const rows = gridRows([
      { r: 5, fm: 5, segment: 'champions', customers: 3 },
      { r: 1, fm: 1, segment: 'lost', customers: 7 },
    ]);
    expect(rows).toHaveLength(5);
    expect(rows[0]![4]).toEqual({ r: 5, fm: 5, segment: 'champions', customers: 3 });
    expect(rows[4]![0]).toEqual({ r: 1, fm: 1, segment: 'lost', customers: 7 });
    expect(rows[2]![2]).toEqual({ r: 3, fm: 3, segment: null, customers: 0 });
  });
});

describe('segmentRows', () => {
  it('lists all eleven segments in order, zero for the missing ones', () => {
    const rows = segmentRows([{ segment: 'lost' as const, customers: 4 }], (segment) => ({ segment, customers: 0 }));
    expect(rows).toHaveLength(11);
    expect(rows[0]).toEqual({ segment: 'champions', customers: 0 });
    expect(rows.at(-1)).toEqual({ segment: 'lost', customers: 4 });
  });
});
