import type { SourceWithCount } from '../../api/sourcesApi.ts';

export interface ChannelGroup {
  /** As the server matches channels: whatever the case and the spaces around. */
  key: string;
  channel: string;
  customers: number;
  sources: SourceWithCount[];
}

export const channelKey = (channel: string) => channel.trim().toLocaleLowerCase();

/** Sources under their channel, both in alphabetical order, with the customers of each channel. */
export function groupByChannel(sources: readonly SourceWithCount[]): ChannelGroup[] {
  const groups = new Map<string, ChannelGroup>();
  for (const source of sources) {
    const key = channelKey(source.channel);
    const group = groups.get(key) ?? groups.set(key, { key, channel: source.channel, customers: 0, sources: [] }).get(key)!;
    group.customers += source.customers;
    group.sources.push(source);
  }
  return [...groups.values()]
    .map((group) => ({ ...group, sources: group.sources.toSorted((a, b) => a.name.localeCompare(b.name)) }))
    .toSorted((a, b) => a.channel.localeCompare(b.channel));
}

/** Select options grouped by channel, leaving out `except` (the source being merged or deleted). */
export function sourceOptions(sources: readonly SourceWithCount[], except?: string) {
  return groupByChannel(sources.filter((source) => source.id !== except))
    .map((group) => ({ group: group.channel, items: group.sources.map((source) => ({ value: source.id, label: source.name })) }))
    .filter((group) => group.items.length > 0);
}
