import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Campaign, campaignInputSchema, campaignPatchSchema, codeBatchInputSchema, costLineInputSchema, couponCodeInputSchema } from '../../contracts/campaigns.ts';
import { isUniqueViolation, toDbTime } from '../../db/dialect.ts';
import type { CampaignsTable, CouponCodesTable, DB } from '../../db/schema.ts';
import type { Clock } from '../../shared/clock.ts';
import { AppError, badRequest, notFound } from '../../shared/errors.ts';
import { codeKey, randomCodePart } from '../../shared/codes.ts';
import { newId } from '../../shared/ids.ts';
import { normalizeText } from '../../shared/text.ts';
import type { Actor } from '../auth/permissions.ts';
import { createWorkspacesRepository } from '../workspaces/workspaces.repository.ts';
import { createCampaignsRepository } from './campaigns.repository.ts';
import { linkPurchaseCodes, type CodeOutcome } from './purchase-codes.ts';

export interface CampaignDeps {
  db: Kysely<DB>;
  clock: Clock;
}

type CampaignInput = z.output<typeof campaignInputSchema>;
type CodeWindow = Pick<z.output<typeof couponCodeInputSchema>, 'validFrom' | 'validUntil' | 'maxUses'>;


const nameTaken = (name: string) =>
  new AppError('campaigns.name_taken', 409, `There is already a campaign named "${name}"`, { fields: [{ path: 'name', code: 'taken', message: 'A campaign has this name' }] });

export async function listCampaigns(deps: CampaignDeps, actor: Actor, ids?: string[]): Promise<Campaign[]> {
  const currency = await baseCurrency(deps.db, actor.workspaceId);
  const rows = await createCampaignsRepository(deps.db).listCampaigns(actor.workspaceId, currency, ids);
  return rows.map((r) => ({
    id: r.id, name: r.name, sourceId: r.source_id, source: r.channel !== null && r.source_name !== null ? { channel: r.channel, name: r.source_name } : null,
    startsOn: r.starts_on, endsOn: r.ends_on, targetViewId: r.target_view_id, targetSegmentId: r.target_segment_id, responseDays: r.response_days, notes: r.notes, costMinor: Number(r.cost ?? 0), currency,
    customers: Number(r.customers ?? 0), redemptions: Number(r.redemptions ?? 0), createdAt: r.created_at,
  }));
}

export async function getCampaign(deps: CampaignDeps, actor: Actor, campaignId: string) {
  const [campaign] = await listCampaigns(deps, actor, [campaignId]);
  if (!campaign) throw notFound('campaign');
  const repo = createCampaignsRepository(deps.db);
  const costs = await repo.costsOf(actor.workspaceId, campaignId);
  const codes = await repo.codesOf(actor.workspaceId, campaignId);
  return {
    ...campaign,
    costs: costs.map((c) => ({ id: c.id, spentOn: c.spent_on, amountMinor: Number(c.amount_minor), currency: c.currency, description: c.description })),
    codes: codes.map((c) => ({ id: c.id, code: c.code, batchId: c.batch_id, validFrom: c.valid_from, validUntil: c.valid_until, maxUses: c.max_uses, uses: Number(c.uses), flagged: Number(c.flagged) })),
  };
}

/** Creates a campaign with its cost lines and codes; purchases already carrying its codes or name are linked to it. */
export async function createCampaign(deps: CampaignDeps, actor: Actor, input: CampaignInput) {
  const now = toDbTime(deps.clock.now());
  const id = newId();
  await deps.db.transaction().execute(async (trx) => {
    const row: CampaignsTable = {
      workspace_id: actor.workspaceId, id, name: input.name, name_key: normalizeText(input.name), source_id: input.sourceId ?? null,
      starts_on: input.startsOn ?? null, ends_on: input.endsOn ?? null, target_view_id: input.targetViewId ?? null, target_segment_id: input.targetSegmentId ?? null, response_days: input.responseDays ?? null, notes: input.notes ?? null, created_at: now, updated_at: now,
    };
    await assertCampaignRefs(trx, actor.workspaceId, row);
    try {
      await createCampaignsRepository(trx).insertCampaign(row);
    } catch (error) {
      if (isUniqueViolation(error)) throw nameTaken(input.name);
      throw error;
    }
    await insertCostLines(trx, actor.workspaceId, id, input.costs ?? [], now);
    await insertCodes(trx, actor.workspaceId, id, (input.codes ?? []).map((c) => ({ code: c.code, window: c })), null, now);
  });
  await linkPurchaseCodes(deps.db, deps.clock, actor, { workspace: true });
  return getCampaign(deps, actor, id);
}

export async function updateCampaign(deps: CampaignDeps, actor: Actor, campaignId: string, patch: z.output<typeof campaignPatchSchema>) {
  await deps.db.transaction().execute(async (trx) => {
    const repo = createCampaignsRepository(trx);
    const existing = await repo.getCampaign(actor.workspaceId, campaignId);
    if (!existing) throw notFound('campaign');
    const next: CampaignsTable = {
      ...existing,
      ...(patch.name !== undefined && { name: patch.name, name_key: normalizeText(patch.name) }),
      ...(patch.sourceId !== undefined && { source_id: patch.sourceId }),
      ...(patch.startsOn !== undefined && { starts_on: patch.startsOn }),
      ...(patch.endsOn !== undefined && { ends_on: patch.endsOn }),
      ...(patch.targetViewId !== undefined && { target_view_id: patch.targetViewId }),
      ...(patch.targetSegmentId !== undefined && { target_segment_id: patch.targetSegmentId }),
      ...(patch.responseDays !== undefined && { response_days: patch.responseDays }),
      ...(patch.notes !== undefined && { notes: patch.notes }),
      updated_at: toDbTime(deps.clock.now()),
    };
    await assertCampaignRefs(trx, actor.workspaceId, next);
    try {
      await repo.updateCampaign(actor.workspaceId, campaignId, next);
    } catch (error) {
      if (isUniqueViolation(error)) throw nameTaken(next.name);
      throw error;
    }
  });
  if (patch.name !== undefined) await linkPurchaseCodes(deps.db, deps.clock, actor, { workspace: true });
  return getCampaign(deps, actor, campaignId);
}

/** Deletes a campaign, its costs, codes and redemptions; its customers and purchases stay, with no campaign. */
export async function deleteCampaign(deps: CampaignDeps, actor: Actor, campaignId: string): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const repo = createCampaignsRepository(trx);
    if (!(await repo.getCampaign(actor.workspaceId, campaignId))) throw notFound('campaign');
    await repo.deleteCampaign(actor.workspaceId, campaignId);
  });
}

export async function addCostLine(deps: CampaignDeps, actor: Actor, campaignId: string, input: z.output<typeof costLineInputSchema>) {
  await requireCampaign(deps.db, actor.workspaceId, campaignId);
  await insertCostLines(deps.db, actor.workspaceId, campaignId, [input], toDbTime(deps.clock.now()));
  return getCampaign(deps, actor, campaignId);
}

export async function deleteCostLine(deps: CampaignDeps, actor: Actor, campaignId: string, costId: string) {
  if (!(await createCampaignsRepository(deps.db).deleteCost(actor.workspaceId, campaignId, costId))) throw notFound('cost line');
  return getCampaign(deps, actor, campaignId);
}

/** One code, or a batch: generated (count, prefix) or taken from a list. Purchases already carrying them are linked. */
export async function addCodes(deps: CampaignDeps, actor: Actor, campaignId: string, input: z.output<typeof couponCodeInputSchema> | z.output<typeof codeBatchInputSchema>): Promise<{ added: string[]; linked: CodeOutcome }> {
  await requireCampaign(deps.db, actor.workspaceId, campaignId);
  const now = toDbTime(deps.clock.now());
  let added: string[];
  if ('code' in input) {
    added = await insertCodes(deps.db, actor.workspaceId, campaignId, [{ code: input.code, window: input }], null, now);
  } else {
    const batchId = newId();
    const codes = input.codes ?? (await generateCodes(deps.db, actor.workspaceId, input.count!, input.prefix ?? ''));
    added = await insertCodes(deps.db, actor.workspaceId, campaignId, codes.map((code) => ({ code, window: input })), batchId, now);
  }
  const linked = await linkPurchaseCodes(deps.db, deps.clock, actor, { workspace: true });
  return { added, linked };
}

export async function deleteCode(deps: CampaignDeps, actor: Actor, campaignId: string, codeId: string): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    if (!(await createCampaignsRepository(trx).deleteCode(actor.workspaceId, campaignId, codeId))) throw notFound('code');
  });
}

export async function campaignRedemptions(deps: CampaignDeps, actor: Actor, campaignId: string) {
  await requireCampaign(deps.db, actor.workspaceId, campaignId);
  const rows = await createCampaignsRepository(deps.db).redemptionsOf(actor.workspaceId, campaignId, 1000);
  return rows.map((r) => ({ transactionId: r.transaction_id, code: r.code, customerId: r.customer_id, customerName: r.display_name, redeemedAt: r.redeemed_at, amountMinor: Number(r.amount_minor), flag: r.flag }));
}

async function requireCampaign(db: Kysely<DB>, workspaceId: string, campaignId: string): Promise<CampaignsTable> {
  const row = await createCampaignsRepository(db).getCampaign(workspaceId, campaignId);
  if (!row) throw notFound('campaign');
  return row;
}

async function baseCurrency(db: Kysely<DB>, workspaceId: string): Promise<string> {
  return (await createWorkspacesRepository(db).getWorkspace(workspaceId))!.base_currency;
}

async function assertCampaignRefs(db: Kysely<DB>, workspaceId: string, row: CampaignsTable): Promise<void> {
  if (row.starts_on && row.ends_on && row.ends_on < row.starts_on) {
    throw badRequest('campaigns.dates', `The campaign ends (${row.ends_on}) before it starts (${row.starts_on})`, { fields: [{ path: 'endsOn', code: 'before_start', message: 'Ends before it starts' }] });
  }
  if (row.source_id && !(await db.selectFrom('sources').select('id').where('workspace_id', '=', workspaceId).where('id', '=', row.source_id).executeTakeFirst())) {
    throw badRequest('sources.unknown', `Unknown source: ${row.source_id}`, { fields: [{ path: 'sourceId', code: 'unknown', message: 'No such source' }] });
  }
  if (row.target_view_id && !(await db.selectFrom('saved_views').select('id').where('workspace_id', '=', workspaceId).where('id', '=', row.target_view_id).executeTakeFirst())) {
    throw badRequest('campaigns.unknown_list', `Unknown saved list: ${row.target_view_id}`, { fields: [{ path: 'targetViewId', code: 'unknown', message: 'No such saved list' }] });
  }
  if (row.target_segment_id && !(await db.selectFrom('segments').select('id').where('workspace_id', '=', workspaceId).where('id', '=', row.target_segment_id).executeTakeFirst())) {
    throw badRequest('campaigns.unknown_segment', `Unknown segment: ${row.target_segment_id}`, { fields: [{ path: 'targetSegmentId', code: 'unknown', message: 'No such segment' }] });
  }
}

/** Cost lines in the workspace currency only: Rapport keeps no exchange rates, and never mixes currencies in a sum. */
async function insertCostLines(db: Kysely<DB>, workspaceId: string, campaignId: string, lines: z.output<typeof costLineInputSchema>[], now: string): Promise<void> {
  const currency = await baseCurrency(db, workspaceId);
  lines.forEach((line, i) => {
    if (line.currency !== undefined && line.currency !== currency) {
      throw new AppError('campaigns.currency_unconvertible', 400, `Cost line ${i + 1} is in ${line.currency}, but this workspace keeps its money in ${currency} and has no rate to convert it: enter the cost in ${currency}`, {
        fields: [{ path: `costs.${i}.currency`, code: 'unconvertible', message: `Enter the cost in ${currency}` }],
      });
    }
  });
  await createCampaignsRepository(db).insertCosts(lines.map((l) => ({
    workspace_id: workspaceId, id: newId(), campaign_id: campaignId, spent_on: l.spentOn, amount_minor: l.amountMinor, currency, description: l.description ?? null, created_at: now,
  })));
}

async function insertCodes(db: Kysely<DB>, workspaceId: string, campaignId: string, codes: { code: string; window: CodeWindow }[], batchId: string | null, now: string): Promise<string[]> {
  const seen = new Map<string, number>();
  const rows: CouponCodesTable[] = codes.map(({ code, window }, i) => {
    if (window.validFrom && window.validUntil && window.validUntil < window.validFrom) {
      throw badRequest('campaigns.code_dates', `Code ${code} is valid until ${window.validUntil}, before it is valid from ${window.validFrom}`, { fields: [{ path: `codes.${i}.validUntil`, code: 'before_start', message: 'Before valid from' }] });
    }
    const key = codeKey(code);
    const again = seen.get(key);
    if (again !== undefined) throw badRequest('campaigns.code_repeated', `Code ${code} is in the list twice (items ${again + 1} and ${i + 1})`, { fields: [{ path: `codes.${i}`, code: 'repeated', message: 'Repeated' }] });
    seen.set(key, i);
    return { workspace_id: workspaceId, id: newId(), campaign_id: campaignId, code: code.trim(), code_key: key, batch_id: batchId, valid_from: window.validFrom ?? null, valid_until: window.validUntil ?? null, max_uses: window.maxUses ?? null, created_at: now };
  });
  const repo = createCampaignsRepository(db);
  const taken = await repo.existingCodeKeys(workspaceId, rows.map((r) => r.code_key));
  if (taken.size) {
    const list = [...taken].slice(0, 10).join(', ');
    throw new AppError('campaigns.code_taken', 409, `${taken.size} code(s) exist already in this workspace: ${list}`, { codes: [...taken] });
  }
  await repo.insertCodes(rows);
  return rows.map((r) => r.code);
}

async function generateCodes(db: Kysely<DB>, workspaceId: string, count: number, prefix: string): Promise<string[]> {
  const length = count > 5_000 ? 8 : 6;
  const out = new Set<string>();
  while (out.size < count) {
    const wanted = count - out.size;
    const fresh = Array.from({ length: wanted }, () => `${prefix ? `${prefix.toUpperCase()}-` : ''}${randomCodePart(length)}`);
    const taken = await createCampaignsRepository(db).existingCodeKeys(workspaceId, fresh);
    for (const c of fresh) if (!taken.has(c)) out.add(c);
  }
  return [...out];
}
