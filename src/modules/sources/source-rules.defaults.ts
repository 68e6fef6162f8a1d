import { DEFAULT_SOURCE_RULES } from '../../contracts/source-rules.ts';
import { DEFAULT_SOURCES } from '../../contracts/sources.ts';
import { toDbTime } from '../../db/dialect.ts';
import { newId } from '../../shared/ids.ts';
import { normalizeText } from '../../shared/text.ts';

export type SourceRulesTable = {
  workspace_id: string;
  id: string;
  /** 0 first: the first rule that matches gives the source. */
  position: number;
  /** Conditions as written; null is any value. Compared without case. */
  utm_source: string | null;
  utm_medium: string | null;
  utm_campaign: string | null;
  source_id: string;
  created_at: string;
};

/** A workspace whose rules are set (seeded or edited): its rules, even none, are its own. */
export type SourceRuleSetsTable = {
  workspace_id: string;
  updated_at: string;
};

export type SourceRuleTables = {
  source_rules: SourceRulesTable;
  source_rule_sets: SourceRuleSetsTable;
};

/**
 * The default rules for a workspace's sources: each names a default source, found by its
 * channel and name in either language (a renamed or deleted one leaves its rules out).
 */
export function defaultSourceRuleRows(workspaceId: string, sources: { id: string; channel_key: string; name_key: string }[], now: Date): SourceRulesTable[] {
  const byKey = new Map(sources.map((s) => [`${s.channel_key}\u0000${s.name_key}`, s.id]));
  const idOf = (channel: string, name: string): string | undefined => {
    const group = DEFAULT_SOURCES.find((g) => g.channel.en === channel);
    const words = group?.sources.find((s) => s.en === name);
    if (!group || !words) return undefined;
    for (const lang of ['en', 'ru'] as const) {
      const id = byKey.get(`${normalizeText(group.channel[lang])}\u0000${normalizeText(words[lang])}`);
      if (id) return id;
    }
    return undefined;
  };
  const rows: SourceRulesTable[] = [];
  for (const rule of DEFAULT_SOURCE_RULES) {
    const sourceId = idOf(rule.source.channel, rule.source.name);
    if (!sourceId) continue;
    rows.push({ workspace_id: workspaceId, id: newId(), position: rows.length, utm_source: rule.utmSource ?? null, utm_medium: rule.utmMedium ?? null, utm_campaign: rule.utmCampaign ?? null, source_id: sourceId, created_at: toDbTime(now) });
  }
  return rows;
}
