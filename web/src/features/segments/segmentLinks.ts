import { formatFilter } from '@contracts/filter-syntax.ts';
import { exportUrl } from '../customers/exportUrl.ts';
import { listPath } from '../customers/listState.ts';

/** The filter selecting a segment's members: `segment = "Big spenders"`. */
export function segmentFilter(name: string): string {
  return formatFilter({ type: 'compare', field: 'segment', at: 0, op: '=', value: { kind: 'text', text: name, quoted: true, at: 0 } });
}

/** The customer list showing a segment's members. */
export function segmentListPath(name: string): string {
  return listPath({ filter: segmentFilter(name) });
}

/** A segment's members as a file, as the customer list exports them. */
export function segmentExportUrl(name: string, format: 'csv' | 'xlsx'): string {
  return exportUrl({ filter: segmentFilter(name) }, format);
}

/** A change of a share in percentage points, signed: 0.012 → +1.2. */
export function sharePoints(change: number): number {
  return Math.round(change * 1000) / 10;
}
