import { RFM_SEGMENTS, type RfmSegment } from '@contracts/analytics.ts';
import type { Filter } from '@contracts/customers.ts';
import { listPath } from '../customers/listState.ts';

/** Warm for the best customers, cool for those drifting away, grey for the lost. Mantine colour names. */
export const SEGMENT_COLOR: Record<RfmSegment, string> = {
  champions: 'teal',
  loyal: 'green',
  potential_loyalist: 'lime',
  new: 'cyan',
  promising: 'blue',
  need_attention: 'yellow',
  about_to_sleep: 'orange',
  at_risk: 'red',
  cant_lose: 'pink',
  hibernating: 'violet',
  lost: 'gray',
};

/** The columns a list reached from a value report shows: who, and the numbers that put them there. */
export const VALUE_LIST_COLUMNS: readonly string[] = ['name', 'email', 'tier', 'rfmSegment', 'revenue365', 'purchases', 'daysSinceLastPurchase', 'lapseState'];

/** The customer list narrowed by `filter`, most valuable first, with the value columns. */
export function valueListPath(filter: Filter): string {
  return listPath({ filters: [filter], columns: [...VALUE_LIST_COLUMNS], sort: 'revenue365', order: 'desc' });
}

export const segmentListPath = (segment: RfmSegment) => valueListPath({ field: 'rfmSegment', op: 'eq', value: segment });

export interface GridCell {
  r: number;
  fm: number;
  segment: RfmSegment | null;
  customers: number;
}

const SCORES = [1, 2, 3, 4, 5] as const;

/**
 * The 5×5 grid as rows, the best frequency-and-monetary score (5) on top and recency
 * running 1→5 left to right; a cell the server left out is empty.
 */
export function gridRows(grid: readonly GridCell[]): GridCell[][] {
  const byKey = new Map(grid.map((cell) => [`${cell.r}:${cell.fm}`, cell]));
  return SCORES.toReversed().map((fm) => SCORES.map((r) => byKey.get(`${r}:${fm}`) ?? { r, fm, segment: null, customers: 0 }));
}

/** Segments in the contract's order (best first) with the server's numbers, zero for those it left out. */
export function segmentRows<T extends { segment: RfmSegment; customers: number }>(rows: readonly T[], empty: (segment: RfmSegment) => T): T[] {
  return RFM_SEGMENTS.map((segment) => rows.find((row) => row.segment === segment) ?? empty(segment));
}
