import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Acquisition, createSourceSchema, Source, updateSourceSchema } from '../../contracts/sources.ts';
import { isUniqueViolation, toDbTime } from '../../db/dialect.ts';
import type { DB } from '../../db/schema.ts';
import type { Clock } from '../../shared/clock.ts';
import { AppError, badRequest, conflict, notFound } from '../../shared/errors.ts';
import { normalizeText } from '../../shared/text.ts';
import type { Actor } from '../auth/permissions.ts';
import { refreshDerived } from '../customers/customer-state.ts';
import { recordHistoryOfMany } from '../customers/history.ts';
import { defaultSourceRows, sourceRow } from './default-sources.ts';
import { createSourcesRepository } from './sources.repository.ts';
import { createSourceRulesRepository } from './source-rules.repository.ts';
import { createCampaignsRepository } from '../campaigns/campaigns.repository.ts';

export interface SourceDeps {
  db: Kysely<DB>;
  clock: Clock;
}

const nameTaken = (channel: string, name: string) =>
  new AppError('sources.name_taken', 409, `The channel "${channel}" already has a source named "${name}"`, {
    fields: [{ path: 'name', code: 'taken', message: 'This channel already has a source with this name' }],
  });

const label = (s: { channel: string; name: string }) => `${s.channel} → ${s.name}`;

/** Gives a new workspace the default sources, named in its language. */
export async function seedDefaultSources(db: Kysely<DB>, workspaceId: string, locale: string, now: Date): Promise<void> {
  await createSourcesRepository(db).insertSources(defaultSourceRows(workspaceId, locale, now));
}

export async function listSources(deps: SourceDeps, actor: Actor) {
  const rows = await createSourcesRepository(deps.db).listWithCounts(actor.workspaceId);
  return rows.map((r) => ({ id: r.id, channel: r.channel, name: r.name, customers: Number(r.customers) }));
}

export async function createSource(deps: SourceDeps, actor: Actor, input: z.output<typeof createSourceSchema>): Promise<Source> {
  const row = sourceRow(actor.workspaceId, input.channel, input.name, deps.clock.now());
  try {
    await createSourcesRepository(deps.db).insertSources([row]);
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken(input.channel, input.name);
    throw error;
  }
  return { id: row.id, channel: row.channel, name: row.name };
}

export async function updateSource(deps: SourceDeps, actor: Actor, sourceId: string, input: z.output<typeof updateSourceSchema>): Promise<Source> {
  const repo = createSourcesRepository(deps.db);
  const existing = await repo.getSource(actor.workspaceId, sourceId);
  if (!existing) throw notFound('source');
  const next = { channel: input.channel ?? existing.channel, name: input.name ?? existing.name };
  try {
    await repo.updateSource(actor.workspaceId, sourceId, { ...next, channel_key: normalizeText(next.channel), name_key: normalizeText(next.name) });
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken(next.channel, next.name);
    throw error;
  }
  return { id: sourceId, ...next };
}

/**
 * Deletes a source. One in use asks which source takes its customers (moveTo): they are moved,
 * each with a line in their history, in the same transaction as the delete. Merging is the same
 * move, named from the other side.
 */
export async function deleteSource(deps: SourceDeps, actor: Actor, sourceId: string, moveTo: string | undefined): Promise<{ moved: number }> {
  return deps.db.transaction().execute(async (trx) => {
    const repo = createSourcesRepository(trx);
    const source = await repo.getSource(actor.workspaceId, sourceId);
    if (!source) throw notFound('source');
    const inUse = await repo.countCustomers(actor.workspaceId, sourceId);
    if (inUse > 0 && moveTo === undefined) {
      throw conflict('sources.in_use', `${inUse} customers came from "${label(source)}": say which source takes them (moveTo)`, { customers: inUse });
    }
    let moved = 0;
    if (moveTo !== undefined) {
      if (moveTo === sourceId) throw badRequest('sources.move_to_self', 'A source cannot take its own customers: choose another one');
      const target = await repo.getSource(actor.workspaceId, moveTo);
      if (!target) throw badRequest('sources.unknown', `Unknown source: ${moveTo}`, { sourceId: moveTo });
      const customers = await repo.customersOf(actor.workspaceId, sourceId);
      await repo.moveCustomers(actor.workspaceId, sourceId, moveTo, toDbTime(deps.clock.now()));
      const change = { action: 'updated' as const, field: 'source', oldValue: label(source), newValue: label(target) };
      await recordHistoryOfMany(trx, actor, deps.clock, customers.map((customerId) => ({ customerId, changes: [change] })));
      moved = customers.length;
      await createSourceRulesRepository(trx).moveRules(actor.workspaceId, sourceId, moveTo);
    }
    await repo.deleteSource(actor.workspaceId, sourceId);
    return { moved };
  });
}

export async function acquisitionOf(db: Kysely<DB>, actor: Actor, customerId: string): Promise<Acquisition> {
  const [row] = await createSourcesRepository(db).acquisitionOf(actor.workspaceId, [customerId]);
  if (!row) throw notFound('customer');
  return {
    source: row.sourceId && row.channel !== null && row.name !== null ? { id: row.sourceId, channel: row.channel, name: row.name } : null,
    acquiredOn: row.acquired_on,
    campaign: row.campaignId && row.campaignName !== null ? { id: row.campaignId, name: row.campaignName } : null,
  };
}

/**
 * Sets how customers first found us (null makes it unknown again), with a history line for each
 * customer whose source or date changed. acquiredOn left out keeps the date each one has.
 */
export async function setAcquisition(
  deps: SourceDeps,
  actor: Actor,
  customerIds: string[],
  input: { sourceId: string | null; acquiredOn?: string | null | undefined; campaignId?: string | null | undefined },
): Promise<{ updated: number }> {
  const unique = [...new Set(customerIds)];
  return deps.db.transaction().execute(async (trx) => {
    const repo = createSourcesRepository(trx);
    const target = input.sourceId === null ? null : await repo.getSource(actor.workspaceId, input.sourceId);
    if (target === undefined) throw badRequest('sources.unknown', `Unknown source: ${input.sourceId}`, { sourceId: input.sourceId });
    const campaign = input.campaignId ? await createCampaignsRepository(trx).getCampaign(actor.workspaceId, input.campaignId) : null;
    if (campaign === undefined) throw badRequest('campaigns.unknown', `Unknown campaign: ${input.campaignId}`, { fields: [{ path: 'campaignId', code: 'unknown', message: 'No such campaign' }] });
    const current = await currentAcquisitions(repo, actor.workspaceId, unique);
    const missing = unique.filter((id) => !current.has(id));
    if (missing.length) throw notFound('customer', { customerIds: missing });
    const changed = unique.filter((id) => {
      const c = current.get(id)!;
      return c.sourceId !== (target?.id ?? null) || (input.acquiredOn !== undefined && c.acquiredOn !== input.acquiredOn) || (input.campaignId !== undefined && c.campaignId !== input.campaignId);
    });
    await repo.setAcquisition(
      actor.workspaceId,
      changed,
      { source_id: target?.id ?? null, ...(input.acquiredOn !== undefined && { acquired_on: input.acquiredOn }), ...(input.campaignId !== undefined && { campaign_id: input.campaignId }) },
      toDbTime(deps.clock.now()),
    );
    const history = changed.map((customerId) => {
      const c = current.get(customerId)!;
      const changes = [];
      if (c.sourceId !== (target?.id ?? null)) changes.push({ action: 'updated' as const, field: 'source', oldValue: c.label, newValue: target ? label(target) : null });
      if (input.acquiredOn !== undefined && c.acquiredOn !== input.acquiredOn) changes.push({ action: 'updated' as const, field: 'acquiredOn', oldValue: c.acquiredOn, newValue: input.acquiredOn });
      if (input.campaignId !== undefined && c.campaignId !== input.campaignId) changes.push({ action: 'updated' as const, field: 'campaign', oldValue: c.campaignName, newValue: campaign?.name ?? null });
      return { customerId, changes };
    });
    await recordHistoryOfMany(trx, actor, deps.clock, history);
    // Known or unknown, the source is one of the seven bits the completeness score counts.
    await refreshDerived(trx, actor.workspaceId, changed.filter((id) => (current.get(id)!.sourceId === null) !== (target === null)));
    return { updated: changed.length };
  });
}

async function currentAcquisitions(repo: ReturnType<typeof createSourcesRepository>, workspaceId: string, ids: string[]) {
  const current = new Map<string, { sourceId: string | null; label: string | null; acquiredOn: string | null; campaignId: string | null; campaignName: string | null }>();
  for (const r of await repo.acquisitionOf(workspaceId, ids)) {
    current.set(r.customerId, { sourceId: r.sourceId, label: r.channel !== null && r.name !== null ? label({ channel: r.channel, name: r.name }) : null, acquiredOn: r.acquired_on, campaignId: r.campaignId, campaignName: r.campaignName });
  }
  return current;
}
