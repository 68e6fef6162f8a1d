import { describe, expect, it } from 'vitest';
import type { SourceReportRow } from '@contracts/acquisition-reports.ts';
import { customersLikeTheseUrl, sourceRowFilters } from './customersLikeThese.ts';

const row = (level: SourceReportRow['level'], names: Partial<SourceReportRow>): SourceReportRow =>
  ({ level, channel: null, source: null, sourceId: null, campaign: null, campaignId: null, ...names }) as SourceReportRow;

describe('customers like these', () => {
  it('filters by what the row counts, and by the acquisition period', () => {
    const april = { from: '2025-04-01', to: '2025-04-30' };
    expect(sourceRowFilters(row('channel', { channel: 'Online' }), {})).toEqual([{ field: 'channel', op: 'eq', value: 'Online' }]);
    expect(sourceRowFilters(row('source', { sourceId: 's1' }), april)).toEqual([
      { field: 'source', op: 'eq', value: 's1' },
      { field: 'acquired', op: 'gte', value: '2025-04-01' },
      { field: 'acquired', op: 'lte', value: '2025-04-30' },
    ]);
    expect(sourceRowFilters(row('source', {}), {})).toEqual([{ field: 'source', op: 'empty' }]);
    expect(sourceRowFilters(row('campaign', { sourceId: 's1', campaignId: 'k1' }), { from: '2025-01-01' })).toEqual([
      { field: 'campaign', op: 'eq', value: 'k1' },
      { field: 'acquired', op: 'gte', value: '2025-01-01' },
    ]);
    expect(sourceRowFilters(row('total', {}), {})).toEqual([]);
  });

  it('opens the list with the value columns, the most valuable first', () => {
    const url = new URL(customersLikeTheseUrl([{ field: 'referredBy', op: 'eq', value: 'c1' }]), 'http://x');
    expect(url.pathname).toBe('/customers');
    expect(JSON.parse(url.searchParams.get('filters')!)).toEqual([{ field: 'referredBy', op: 'eq', value: 'c1' }]);
    expect(url.searchParams.get('cols')).toBe('name,kind,tier,revenueLifetime,revenue365,purchases,clv,lastPurchaseAt');
    expect(url.searchParams.get('sort')).toBe('revenueLifetime');
    expect(url.searchParams.get('order')).toBe('desc');
  });
});
