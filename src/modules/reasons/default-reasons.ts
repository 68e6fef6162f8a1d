import { localeSchema } from '../../contracts/common.ts';
import { DEFAULT_REASONS, REASON_KINDS, type ReasonKind } from '../../contracts/reasons.ts';
import { toDbTime } from '../../db/dialect.ts';
import type { ReasonsTable } from '../../db/schema.ts';
import { newId } from '../../shared/ids.ts';
import { normalizeText } from '../../shared/text.ts';

/** A reason as stored, with the key that makes its name unique among the reasons of its kind. */
export function reasonRow(workspaceId: string, kind: ReasonKind, name: string, position: number, now: Date): ReasonsTable {
  return { workspace_id: workspaceId, id: newId(), kind, name, name_key: normalizeText(name), position, created_at: toDbTime(now) };
}

/** The default reasons of a workspace, both kinds, in its language (English for one without a catalogue). */
export function defaultReasonRows(workspaceId: string, locale: string, now: Date): ReasonsTable[] {
  const lang = localeSchema.catch('en').parse(locale);
  return REASON_KINDS.flatMap((kind) => DEFAULT_REASONS[kind].map((r, i) => reasonRow(workspaceId, kind, r[lang], i, now)));
}
