import { describe, expect, it } from 'vitest';
import { groupByChannel, sourceOptions } from './sourceGroups.ts';

const sources = [
  { id: '1', channel: 'Online', name: 'VK', customers: 2 },
  { id: '2', channel: 'Event', name: 'Workshop', customers: 0 },
  { id: '3', channel: 'online ', name: 'Instagram', customers: 5 },
];

describe('groupByChannel', () => {
  it('puts sources under their channel whatever its case, with the channel’s customers', () => {
    expect(groupByChannel(sources).map((g) => [g.channel, g.customers, g.sources.map((s) => s.name)])).toEqual([
      ['Event', 0, ['Workshop']],
      ['Online', 7, ['Instagram', 'VK']],
    ]);
  });
});

describe('sourceOptions', () => {
  it('groups the options by channel and leaves out the source given, and channels left empty', () => {
    expect(sourceOptions(sources, '2')).toEqual([{ group: 'Online', items: [{ value: '3', label: 'Instagram' }, { value: '1', label: 'VK' }] }]);
  });
});
