import { DEFAULT_SOURCES } from '../../contracts/sources.ts';
import { normalizeText } from '../../shared/text.ts';

/**
 * A file's "source" and "channel" cells matched to a workspace's sources: by the source's name,
 * by "Channel → Source" (or "Channel / Source", "Channel > Source") in one cell, or by a channel
 * and a source column. A default source is also known by its name in the other language
 * (Friend or family / Друг или родственник). A name two channels share, or a channel alone
 * with several sources, is ambiguous: reported with its candidates, never picked.
 */
export interface SourceEntry {
  id: string;
  channel: string;
  name: string;
  channel_key: string;
  name_key: string;
}

export type SourceMatch = { kind: 'one'; source: SourceEntry } | { kind: 'ambiguous'; candidates: SourceEntry[] } | { kind: 'none' };

const SEPARATOR = /\s*(?:→|->|>|»|\/)\s*/;

export const sourceLabel = (s: { channel: string; name: string }) => `${s.channel} → ${s.name}`;

function addSpellings(map: Map<string, string[]>, words: { en: string; ru: string }): void {
  const keys = [normalizeText(words.en), normalizeText(words.ru)];
  for (const k of keys) map.set(k, [...new Set([...(map.get(k) ?? []), ...keys])]);
}

/** Every spelling of a default channel or source name (both languages) → all of them. */
function defaultSpellings(): { channels: Map<string, string[]>; names: Map<string, string[]> } {
  const channels = new Map<string, string[]>();
  const names = new Map<string, string[]>();
  for (const group of DEFAULT_SOURCES) {
    addSpellings(channels, group.channel);
    for (const s of group.sources) addSpellings(names, s);
  }
  return { channels, names };
}

const spelled = (map: Map<string, string[]>, key: string) => map.get(key) ?? [key];

export function createSourceCatalogue(sources: SourceEntry[]) {
  const spellings = defaultSpellings();
  const byName = new Map<string, SourceEntry[]>();
  const byChannel = new Map<string, SourceEntry[]>();
  const byPair = new Map<string, SourceEntry>();
  for (const s of sources) {
    byName.set(s.name_key, [...(byName.get(s.name_key) ?? []), s]);
    byChannel.set(s.channel_key, [...(byChannel.get(s.channel_key) ?? []), s]);
    byPair.set(`${s.channel_key}\u0000${s.name_key}`, s);
  }
  const named = (key: string) => {
    const own = byName.get(key);
    if (own) return own;
    return [...new Set(spelled(spellings.names, key).flatMap((k) => byName.get(k) ?? []))];
  };
  const inChannel = (key: string) => byChannel.get(key) ?? [...new Set(spelled(spellings.channels, key).flatMap((k) => byChannel.get(k) ?? []))];
  const pair = (channel: string, name: string): SourceEntry | undefined => {
    for (const c of spelled(spellings.channels, channel)) for (const n of spelled(spellings.names, name)) {
      const found = byPair.get(`${c}\u0000${n}`);
      if (found) return found;
    }
    return byPair.get(`${channel}\u0000${name}`);
  };
  const of = (found: SourceEntry[]): SourceMatch => (found.length === 1 ? { kind: 'one', source: found[0]! } : found.length > 1 ? { kind: 'ambiguous', candidates: found } : { kind: 'none' });

  return {
    byId: new Map(sources.map((s) => [s.id, s])),

    /** The source a row's cells name: a source column, a channel column, or both. */
    find(sourceText: string | null, channelText: string | null): SourceMatch {
      const source = sourceText === null ? null : normalizeText(sourceText);
      const channel = channelText === null ? null : normalizeText(channelText);
      if (source && channel) {
        const found = pair(channel, source) ?? splitPair(source, channel);
        return found ? { kind: 'one', source: found } : { kind: 'none' };
      }
      if (channel) return of(inChannel(channel));
      if (!source) return { kind: 'none' };
      const byItsName = of(named(source));
      if (byItsName.kind !== 'none') return byItsName;
      const parts = source.split(SEPARATOR);
      if (parts.length === 2 && parts[0] && parts[1]) {
        const found = pair(parts[0], parts[1]);
        if (found) return { kind: 'one', source: found };
      }
      // A channel's name alone: its one source, or a question which.
      return of(inChannel(source));
    },
  };

  /** "Online → Instagram" in the source column beside an "Online" channel column. */
  function splitPair(source: string, channel: string): SourceEntry | undefined {
    const parts = source.split(SEPARATOR);
    return parts.length === 2 && parts[0] === channel && parts[1] ? pair(channel, parts[1]) : undefined;
  }
}

export type SourceCatalogue = ReturnType<typeof createSourceCatalogue>;
