import { describe, expect, it } from 'vitest';
import { concentrationFigures, type GroupTotal } from './concentration-figures.ts';

const group = (name: string, revenue: number): GroupTotal => ({ groupId: name, name, kind: 'person', revenue, members: 1 });

describe('concentration figures', () => {
  it('two equal groups: half each, HHI 50² + 50² = 5,000', () => {
    expect(concentrationFigures([group('A', 300), group('B', 300)])).toMatchObject({ top1Share: 0.5, top5Share: 1, hhi: 5_000, groupCount: 2 });
  });

  it('seven groups: top-5 leaves out the two smallest; a negative group holds no share but counts in the total', () => {
    // 40, 20, 10, 10, 10, 5, 5 of 100: top 5 = 90; HHI = 1600 + 400 + 3·100 + 2·25 = 2,350.
    const f = concentrationFigures([group('A', 40), group('B', 20), group('C', 10), group('D', 10), group('E', 10), group('F', 5), group('G', 5), group('Z', -15)]);
    expect(f).toMatchObject({ totalRevenue: 85, sharedRevenue: 100, groupCount: 7, top1Share: 0.4, top5Share: 0.9, hhi: 2_350 });
    expect(f.groups.map((g) => g.name)).toEqual(['A', 'B', 'C', 'D', 'E', 'F', 'G']);
  });

  it('no positive revenue: no shares', () => {
    expect(concentrationFigures([group('A', 0), group('B', -10)])).toMatchObject({ totalRevenue: -10, groupCount: 0, top1Share: null, top5Share: null, hhi: null, groups: [] });
  });
});
