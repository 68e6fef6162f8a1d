import type { Kysely } from 'kysely';
import { toDbTime } from '../../db/dialect.ts';
import type { DB } from '../../db/schema.ts';
import type { Clock } from '../../shared/clock.ts';
import { normalizeText } from '../../shared/text.ts';
import type { Actor } from '../auth/permissions.ts';
import { refreshDerived } from '../customers/customer-state.ts';
import { recordHistoryOfMany, type HistoryChange } from '../customers/history.ts';
import { listSourceRules, matchSourceRule } from '../sources/source-rules.usecases.ts';
import { createSourcesRepository } from '../sources/sources.repository.ts';
import { createImportAcquisitionRepository } from './acquisition.repository.ts';
import type { AcquisitionCells, CustomerReadSettings } from './customer-rows.ts';
import type { AcquisitionOutcome, ImportCounts } from './import-run.ts';
import { createSourceCatalogue, sourceLabel, type SourceCatalogue } from './source-values.ts';
import { createUnplacedList } from './unplaced-values.ts';

/**
 * How a customers file's acquisition columns set each customer's source, acquisition date and
 * campaign: the source by the source/channel columns, else by the workspace's utm rules, else by
 * the source of the campaign utm_campaign names. Only what is unknown is set — an import never
 * overwrites what a person (or an earlier import) set; those are counted as kept. A value that
 * places nowhere leaves the source unknown and is listed with its rows: nothing is created,
 * nothing defaulted.
 */
export interface Acquisition {
  sourceId: string | null;
  via: 'column' | 'rule' | 'campaign' | null;
  acquiredOn: string | null;
  campaign: { id: string; name: string } | null;
}

/** The columns of the customers table an acquisition sets on a new customer, and its history. */
export interface AcquisitionWrite {
  source_id: string | null;
  acquired_on: string | null;
  campaign_id: string | null;
  changes: HistoryChange[];
}

type Current = { sourceId: string | null; acquiredOn: string | null; campaignId: string | null };

const ACQUISITION_FIELDS = ['source', 'channel', 'acquiredOn', 'utmSource', 'utmMedium', 'utmCampaign'] as const;

export function emptyAcquisitionOutcome(): AcquisitionOutcome {
  return { sourcesSet: 0, sourcesByRule: 0, sourcesByCampaign: 0, sourcesKept: 0, datesSet: 0, datesKept: 0, campaignsSet: 0, campaignsKept: 0, unmatched: [], ambiguous: [] };
}

export function createAcquisitionImporter(ctx: { db: Kysely<DB>; clock: Clock; workspaceId: string }, actor: Actor, settings: CustomerReadSettings, dryRun: boolean) {
  const mapped = ACQUISITION_FIELDS.some((f) => settings.mapping[f] !== undefined);
  const repo = createImportAcquisitionRepository(ctx.db);
  let catalogue: SourceCatalogue | null = null;
  let rules: Awaited<ReturnType<typeof listSourceRules>> | null = null;
  const campaigns = new Map<string, { id: string; name: string; source_id: string | null } | null>();
  /** What this run planned (a dry run writes nothing, so it remembers). */
  const planned = new Map<string, Current>();
  const column = (...fields: string[]) => fields.flatMap((f) => settings.mapping[f] ?? []).join(', ');

  return {
    mapped,

    /** The batch's campaigns (by their utm_campaign names) and, once, the sources and rules. */
    async load(cells: (AcquisitionCells | null)[]): Promise<void> {
      if (!mapped) return;
      catalogue ??= createSourceCatalogue(await repo.sources(ctx.workspaceId));
      if (settings.mapping.utmSource || settings.mapping.utmMedium || settings.mapping.utmCampaign) rules ??= await listSourceRules(ctx, ctx.workspaceId);
      const keys = [...new Set(cells.flatMap((c) => (c?.utmCampaign ? [normalizeText(c.utmCampaign)] : [])))].filter((k) => !campaigns.has(k));
      for (const k of keys) campaigns.set(k, null);
      for (const c of await repo.campaignsByNameKeys(ctx.workspaceId, keys)) campaigns.set(c.name_key, c);
    },

    /** What a row's cells say (values that place nowhere are listed in the outcome). */
    resolve(row: number, cells: AcquisitionCells | null, counts: ImportCounts): Acquisition | null {
      if (!mapped || !cells) return null;
      const outcome = (counts.acquisition ??= emptyAcquisitionOutcome());
      const unmatched = createUnplacedList(outcome.unmatched);
      const ambiguous = createUnplacedList(outcome.ambiguous);
      let sourceId: string | null = null;
      let via: Acquisition['via'] = null;
      if (cells.source !== null || cells.channel !== null) {
        const match = catalogue!.find(cells.source, cells.channel);
        const field = cells.source !== null ? 'source' : 'channel';
        const value = cells.source !== null && cells.channel !== null ? `${cells.channel} → ${cells.source}` : (cells.source ?? cells.channel)!;
        const where = column(...(cells.channel !== null ? ['channel'] : []), ...(cells.source !== null ? ['source'] : []));
        if (match.kind === 'one') [sourceId, via] = [match.source.id, 'column'];
        else if (match.kind === 'ambiguous') ambiguous.add({ field, column: where, value }, row, match.candidates.map((s) => ({ id: s.id, label: sourceLabel(s) })));
        else unmatched.add({ field, column: where, value }, row);
      }
      const campaignKey = cells.utmCampaign === null ? null : normalizeText(cells.utmCampaign);
      const campaign = campaignKey === null ? null : (campaigns.get(campaignKey) ?? null);
      if (cells.utmCampaign !== null && !campaign) unmatched.add({ field: 'utmCampaign', column: column('utmCampaign'), value: cells.utmCampaign }, row);
      const utm = { source: cells.utmSource, medium: cells.utmMedium, campaign: cells.utmCampaign };
      if (sourceId === null && (utm.source !== null || utm.medium !== null || utm.campaign !== null)) {
        const rule = matchSourceRule(rules ?? [], utm);
        if (rule) [sourceId, via] = [rule.sourceId, 'rule'];
        else if (!campaign?.source_id || !catalogue!.byId.has(campaign.source_id)) {
          const parts = [['utm_source', utm.source, 'utmSource'], ['utm_medium', utm.medium, 'utmMedium'], ['utm_campaign', utm.campaign, 'utmCampaign']].filter(([, v]) => v !== null);
          unmatched.add({ field: 'utm', column: column(...parts.map((p) => p[2]!)), value: parts.map(([k, v]) => `${k}=${v}`).join(', ') }, row);
        }
      }
      if (sourceId === null && campaign?.source_id && catalogue!.byId.has(campaign.source_id)) [sourceId, via] = [campaign.source_id, 'campaign'];
      return { sourceId, via, acquiredOn: cells.acquiredOn, campaign: campaign ? { id: campaign.id, name: campaign.name } : null };
    },

    /** A new customer: everything the row gives is set (their source is unknown so far). */
    forNew(id: string, a: Acquisition | null, counts: ImportCounts): AcquisitionWrite | null {
      if (!a) return null;
      const { patch, changes } = apply({ sourceId: null, acquiredOn: null, campaignId: null }, a, counts);
      if (dryRun) planned.set(id, { sourceId: patch.source_id ?? null, acquiredOn: patch.acquired_on ?? null, campaignId: patch.campaign_id ?? null });
      return { source_id: patch.source_id ?? null, acquired_on: patch.acquired_on ?? null, campaign_id: patch.campaign_id ?? null, changes };
    },

    /** A customer already there (or made by an earlier row): what is unknown is set, the rest kept. */
    async forExisting(id: string, a: Acquisition | null, counts: ImportCounts): Promise<void> {
      if (!a) return;
      const stored = planned.get(id) ?? (id.startsWith('planned:') ? { sourceId: null, acquiredOn: null, campaignId: null } : await currentOf(id));
      if (!stored) return; // deleted meanwhile
      const { patch, changes } = apply(stored, a, counts);
      if (!changes.length) return;
      const next = { sourceId: patch.source_id ?? stored.sourceId, acquiredOn: patch.acquired_on ?? stored.acquiredOn, campaignId: patch.campaign_id ?? stored.campaignId };
      if (dryRun) {
        planned.set(id, next);
        return;
      }
      await ctx.db.transaction().execute(async (trx) => {
        await createSourcesRepository(trx).setAcquisition(ctx.workspaceId, [id], { source_id: next.sourceId, acquired_on: next.acquiredOn, campaign_id: next.campaignId }, toDbTime(ctx.clock.now()));
        await recordHistoryOfMany(trx, actor, ctx.clock, [{ customerId: id, changes }]);
        if (patch.source_id) await refreshDerived(trx, ctx.workspaceId, [id]); // completeness counts a known source
      });
    },
  };

  async function currentOf(id: string): Promise<Current | null> {
    const [row] = await createSourcesRepository(ctx.db).acquisitionOf(ctx.workspaceId, [id]);
    return row ? { sourceId: row.sourceId, acquiredOn: row.acquired_on, campaignId: row.campaignId } : null;
  }

  /** What the row sets on a customer whose acquisition is `stored`, counted. */
  function apply(stored: Current, a: Acquisition, counts: ImportCounts) {
    const outcome = (counts.acquisition ??= emptyAcquisitionOutcome());
    const patch: { source_id?: string; acquired_on?: string; campaign_id?: string } = {};
    const changes: HistoryChange[] = [];
    if (a.sourceId !== null) {
      if (stored.sourceId === null) {
        patch.source_id = a.sourceId;
        changes.push({ action: 'updated', field: 'source', oldValue: null, newValue: sourceLabel(catalogue!.byId.get(a.sourceId)!) });
        outcome.sourcesSet++;
        if (a.via === 'rule') outcome.sourcesByRule++;
        if (a.via === 'campaign') outcome.sourcesByCampaign++;
      } else if (stored.sourceId !== a.sourceId) outcome.sourcesKept++;
    }
    if (a.acquiredOn !== null) {
      if (stored.acquiredOn === null) {
        patch.acquired_on = a.acquiredOn;
        changes.push({ action: 'updated', field: 'acquiredOn', oldValue: null, newValue: a.acquiredOn });
        outcome.datesSet++;
      } else if (stored.acquiredOn !== a.acquiredOn) outcome.datesKept++;
    }
    if (a.campaign !== null) {
      if (stored.campaignId === null) {
        patch.campaign_id = a.campaign.id;
        changes.push({ action: 'updated', field: 'campaign', oldValue: null, newValue: a.campaign.name });
        outcome.campaignsSet++;
      } else if (stored.campaignId !== a.campaign.id) outcome.campaignsKept++;
    }
    return { patch, changes };
  }
}
