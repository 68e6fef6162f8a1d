import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { replaceSourceRulesSchema, SourceRule } from '../../contracts/source-rules.ts';
import { toDbTime } from '../../db/dialect.ts';
import type { DB } from '../../db/schema.ts';
import type { Clock } from '../../shared/clock.ts';
import { badRequest } from '../../shared/errors.ts';
import { newId } from '../../shared/ids.ts';
import type { Actor } from '../auth/permissions.ts';
import { defaultSourceRuleRows } from './source-rules.defaults.ts';
import { createSourceRulesRepository } from './source-rules.repository.ts';

export interface SourceRuleDeps {
  db: Kysely<DB>;
  clock: Clock;
}

export interface UtmValues {
  source: string | null;
  medium: string | null;
  campaign: string | null;
}

/**
 * A workspace's rules, seeded with the defaults the first time they are asked for (a workspace
 * made after migration 0008); once set — seeded or edited, even to none — they are its own.
 */
export async function ensureSourceRules(deps: SourceRuleDeps, workspaceId: string): Promise<void> {
  if (await createSourceRulesRepository(deps.db).isSet(workspaceId)) return;
  await deps.db.transaction().execute(async (trx) => {
    const repo = createSourceRulesRepository(trx);
    const now = deps.clock.now();
    if (!(await repo.claim(workspaceId, toDbTime(now)))) return;
    await repo.insert(defaultSourceRuleRows(workspaceId, await repo.sources(workspaceId), now));
  });
}

export async function listSourceRules(deps: SourceRuleDeps, workspaceId: string): Promise<SourceRule[]> {
  await ensureSourceRules(deps, workspaceId);
  const rows = await createSourceRulesRepository(deps.db).list(workspaceId);
  return rows.map((r) => ({ utmSource: r.utm_source, utmMedium: r.utm_medium, utmCampaign: r.utm_campaign, sourceId: r.source_id, source: { channel: r.channel, name: r.name } }));
}

/** Replaces the ordered list; every source must be the workspace's, and no rule may repeat an earlier one's conditions (it would never match). */
export async function replaceSourceRules(deps: SourceRuleDeps, actor: Actor, input: z.output<typeof replaceSourceRulesSchema>): Promise<SourceRule[]> {
  const at = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const repo = createSourceRulesRepository(trx);
    const sources = new Set((await repo.sources(actor.workspaceId)).map((s) => s.id));
    const seen = new Map<string, number>();
    input.items.forEach((rule, i) => {
      if (!sources.has(rule.sourceId)) {
        throw badRequest('sources.unknown', `Rule ${i + 1} names a source that does not exist: ${rule.sourceId}`, { fields: [{ path: `items.${i}.sourceId`, code: 'unknown', message: 'No such source' }] });
      }
      const key = JSON.stringify([rule.utmSource, rule.utmMedium, rule.utmCampaign].map(conditionKey));
      const earlier = seen.get(key);
      if (earlier !== undefined) {
        throw badRequest('source_rules.duplicate', `Rule ${i + 1} has the same conditions as rule ${earlier + 1}, which comes first: it would never be used`, { fields: [{ path: `items.${i}`, code: 'duplicate', message: `Same conditions as rule ${earlier + 1}` }] });
      }
      seen.set(key, i);
    });
    await repo.touch(actor.workspaceId, toDbTime(at));
    await repo.replace(actor.workspaceId, input.items.map((rule, position) => ({
      workspace_id: actor.workspaceId, id: newId(), position, utm_source: rule.utmSource ?? null, utm_medium: rule.utmMedium ?? null, utm_campaign: rule.utmCampaign ?? null, source_id: rule.sourceId, created_at: toDbTime(at),
    })));
  });
  return listSourceRules(deps, actor.workspaceId);
}

const conditionKey = (value: string | null | undefined) => (value ? value.trim().toLowerCase() : null);

/** The first rule whose every condition equals the row's value, without case; null when none does. */
export function matchSourceRule(rules: SourceRule[], utm: UtmValues): SourceRule | null {
  const values = { utmSource: conditionKey(utm.source), utmMedium: conditionKey(utm.medium), utmCampaign: conditionKey(utm.campaign) };
  return rules.find((rule) => (['utmSource', 'utmMedium', 'utmCampaign'] as const).every((k) => rule[k] === null || conditionKey(rule[k]) === values[k])) ?? null;
}
