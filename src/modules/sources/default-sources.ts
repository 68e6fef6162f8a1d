import { localeSchema } from '../../contracts/common.ts';
import { DEFAULT_SOURCES } from '../../contracts/sources.ts';
import { toDbTime } from '../../db/dialect.ts';
import type { SourcesTable } from '../../db/schema.ts';
import { newId } from '../../shared/ids.ts';
import { normalizeText } from '../../shared/text.ts';

/** A source as stored: its channel and name with the keys that make them unique in a workspace. */
export function sourceRow(workspaceId: string, channel: string, name: string, now: Date): SourcesTable {
  return { workspace_id: workspaceId, id: newId(), channel, channel_key: normalizeText(channel), name, name_key: normalizeText(name), created_at: toDbTime(now) };
}

/** The default set for a workspace, in its language (English for one without a catalogue). */
export function defaultSourceRows(workspaceId: string, locale: string, now: Date): SourcesTable[] {
  const lang = localeSchema.catch('en').parse(locale);
  return DEFAULT_SOURCES.flatMap((group) => group.sources.map((s) => sourceRow(workspaceId, group.channel[lang], s[lang], now)));
}
