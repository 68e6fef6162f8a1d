import type { SourceReportRow } from '@contracts/acquisition-reports.ts';
import { describe, expect, it } from 'vitest';
import { buildSourceTree, hasKnownSources, parentKeys, visibleRows } from './sourcesTree.ts';
import { trendMonths } from './trendMonths.ts';

const figures = {
  customers: 1, buyers: 1, revenue90: 0, revenue365: 0, revenue: 0, profit90: null, profit365: null, profit: null, predicted12m: null,
  cost: 0, costPerCustomer: null, costPerBuyer: null, roi: null, roiBasis: 'revenue', paybackMonth: null, valuePerCustomer: null,
} as const;
const row = (level: SourceReportRow['level'], channel: string | null, source: string | null, campaign: string | null = null): SourceReportRow => ({
  ...figures, level, channel, source, sourceId: source && `id-${source}`, campaign, campaignId: campaign && `id-${campaign}`,
});

const rows = [
  row('total', null, null),
  row('channel', 'Online', null),
  row('source', 'Online', 'Instagram'),
  row('campaign', 'Online', 'Instagram', 'Spring'),
  row('source', 'Online', 'Search'),
  row('channel', 'Referral', null),
  row('source', 'Referral', 'Friend'),
  row('source', null, null),
  row('campaign', null, null, 'No source'),
];

describe('buildSourceTree', () => {
  it('nests sources in their channel and campaigns in their source; the unknown source stands alone', () => {
    const tree = buildSourceTree(rows);
    expect(tree.total?.level).toBe('total');
    expect(tree.nodes.map((n) => n.key)).toEqual(['channel:Online', 'channel:Referral', 'source:unknown']);
    expect(tree.nodes[0]!.children.map((n) => n.key)).toEqual(['source:id-Instagram', 'source:id-Search']);
    expect(tree.nodes[0]!.children[0]!.children.map((n) => n.key)).toEqual(['campaign:id-Spring']);
    expect(tree.nodes[2]!.children.map((n) => n.key)).toEqual(['campaign:id-No source']);
  });

  it('shows only what every parent of leaves open', () => {
    const { nodes } = buildSourceTree(rows);
    expect(visibleRows(nodes, new Set()).map((r) => [r.node.key, r.depth])).toEqual([
      ['channel:Online', 0], ['source:id-Instagram', 1], ['campaign:id-Spring', 2], ['source:id-Search', 1],
      ['channel:Referral', 0], ['source:id-Friend', 1], ['source:unknown', 0], ['campaign:id-No source', 1],
    ]);
    expect(visibleRows(nodes, new Set(['channel:Online'])).map((r) => r.node.key)).toEqual(['channel:Online', 'channel:Referral', 'source:id-Friend', 'source:unknown', 'campaign:id-No source']);
    expect(parentKeys(nodes)).toEqual(['channel:Online', 'source:id-Instagram', 'channel:Referral', 'source:unknown']);
  });
});

describe('hasKnownSources', () => {
  it('is false when every customer’s source is unknown and there is no campaign', () => {
    expect(hasKnownSources([row('total', null, null), row('source', null, null)])).toBe(false);
    expect(hasKnownSources(rows)).toBe(true);
  });
});

const m = (month: string, customers: number) => ({ month, customers, buyers: 0, revenue90: 0, revenue: 0, cost: 0 });

describe('trendMonths', () => {
  it('fills the months between with zeros and keeps the last ones', () => {
    expect(trendMonths([m('2024-11', 2), m('2025-02', 3)], 12).map((x) => [x.month, x.customers])).toEqual([['2024-11', 2], ['2024-12', 0], ['2025-01', 0], ['2025-02', 3]]);
    expect(trendMonths([m('2024-11', 2), m('2025-02', 3)], 2).map((x) => x.month)).toEqual(['2025-01', '2025-02']);
    expect(trendMonths([], 12)).toEqual([]);
  });
});
