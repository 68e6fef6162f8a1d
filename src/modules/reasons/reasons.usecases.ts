import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { addCustomerReasonSchema, createReasonSchema, CustomerReasons, markLostSchema, Reason, ReasonKind, updateReasonSchema } from '../../contracts/reasons.ts';
import { isUniqueViolation, toDbTime } from '../../db/dialect.ts';
import type { DB, ReasonsTable } from '../../db/schema.ts';
import type { Clock } from '../../shared/clock.ts';
import { notFound } from '../../shared/errors.ts';
import { newId } from '../../shared/ids.ts';
import { normalizeText } from '../../shared/text.ts';
import type { Actor } from '../auth/permissions.ts';
import { refreshDerived } from '../customers/customer-state.ts';
import { createCustomersRepository } from '../customers/customers.repository.ts';
import { recordHistory, recordHistoryOfMany } from '../customers/history.ts';
import { defaultReasonRows, reasonRow } from './default-reasons.ts';
import { moveToSelf, reasonInUse, reasonNameTaken, unknownReason, wrongReasonKind } from './reasons.errors.ts';
import { createReasonsRepository } from './reasons.repository.ts';

export interface ReasonDeps {
  db: Kysely<DB>;
  clock: Clock;
}

const toReason = (r: Pick<ReasonsTable, 'id' | 'kind' | 'name' | 'position'>): Reason => ({ id: r.id, kind: r.kind, name: r.name, position: Number(r.position) });
const historyField = (kind: ReasonKind) => (kind === 'choose' ? 'reason' : 'exitReason');

/** Gives a new workspace the default reasons of both kinds, named in its language. */
export async function seedDefaultReasons(db: Kysely<DB>, workspaceId: string, locale: string, now: Date): Promise<void> {
  await createReasonsRepository(db).insertReasons(defaultReasonRows(workspaceId, locale, now));
}

export async function listReasons(deps: ReasonDeps, actor: Actor, kind?: ReasonKind) {
  const rows = await createReasonsRepository(deps.db).listWithCounts(actor.workspaceId, kind);
  return rows.map((r) => ({ ...toReason(r), customers: Number(r.customers) }));
}

export async function createReason(deps: ReasonDeps, actor: Actor, input: z.output<typeof createReasonSchema>): Promise<Reason> {
  const repo = createReasonsRepository(deps.db);
  const row = reasonRow(actor.workspaceId, input.kind, input.name, await repo.nextPosition(actor.workspaceId, input.kind), deps.clock.now());
  try {
    await repo.insertReasons([row]);
  } catch (error) {
    if (isUniqueViolation(error)) throw reasonNameTaken(input.name);
    throw error;
  }
  return toReason(row);
}

export async function updateReason(deps: ReasonDeps, actor: Actor, reasonId: string, input: z.output<typeof updateReasonSchema>): Promise<Reason> {
  const repo = createReasonsRepository(deps.db);
  const existing = await repo.getReason(actor.workspaceId, reasonId);
  if (!existing) throw notFound('reason');
  const patch = { ...(input.name !== undefined && { name: input.name, name_key: normalizeText(input.name) }), ...(input.position !== undefined && { position: input.position }) };
  if (Object.keys(patch).length) {
    try {
      await repo.updateReason(actor.workspaceId, reasonId, patch);
    } catch (error) {
      if (isUniqueViolation(error)) throw reasonNameTaken(input.name ?? existing.name);
      throw error;
    }
  }
  return toReason({ ...existing, ...patch });
}

/**
 * Deletes a reason. One in use asks which reason of the same kind takes its entries (moveTo):
 * they move, each customer with a history line, in the delete's transaction. Merging is the
 * same move named from the other side.
 */
export async function deleteReason(deps: ReasonDeps, actor: Actor, reasonId: string, moveTo: string | undefined): Promise<{ moved: number }> {
  return deps.db.transaction().execute(async (trx) => {
    const repo = createReasonsRepository(trx);
    const reason = await repo.getReason(actor.workspaceId, reasonId);
    if (!reason) throw notFound('reason');
    const uses = await repo.countUses(actor.workspaceId, reasonId);
    if (uses > 0 && moveTo === undefined) throw reasonInUse(reason.name, uses);
    let moved = 0;
    if (moveTo !== undefined) {
      if (moveTo === reasonId) throw moveToSelf();
      const target = await repo.getReason(actor.workspaceId, moveTo);
      if (!target) throw unknownReason(moveTo, 'moveTo');
      if (target.kind !== reason.kind) throw wrongReasonKind(target.name, reason.kind, 'moveTo');
      const customers = await repo.customersUsing(actor.workspaceId, reasonId);
      await repo.moveUses(actor.workspaceId, reasonId, moveTo);
      const change = { action: 'updated' as const, field: historyField(reason.kind), oldValue: reason.name, newValue: target.name };
      await recordHistoryOfMany(trx, actor, deps.clock, customers.map((customerId) => ({ customerId, changes: [change] })));
      moved = uses;
    }
    await repo.deleteReason(actor.workspaceId, reasonId);
    return { moved };
  });
}

/** A customer's recorded reasons (newest first) and whether a person marked them lost. */
export async function reasonsOf(db: Kysely<DB>, actor: Actor, customerId: string): Promise<CustomerReasons> {
  const customer = await createCustomersRepository(db).getCustomer(actor.workspaceId, customerId);
  if (!customer) throw notFound('customer');
  const repo = createReasonsRepository(db);
  const entries = await repo.entriesOf(actor.workspaceId, customerId);
  const lostReason = customer.lost_reason_id ? await repo.getReason(actor.workspaceId, customer.lost_reason_id) : undefined;
  return {
    items: entries.map((e) => ({
      id: e.id,
      kind: e.kind,
      reason: { id: e.reason_id, name: e.reason_name },
      notedOn: e.noted_on,
      recordedBy: e.recorded_by ? { id: e.recorded_by, name: e.recorder_name ?? '?' } : null,
      via: e.via,
      words: e.words,
      createdAt: new Date(e.created_at).toISOString(),
    })),
    lost: customer.lost_at ? { at: new Date(customer.lost_at).toISOString(), reason: lostReason ? { id: lostReason.id, name: lostReason.name } : null, note: customer.lost_note } : null,
  };
}

async function requireReason(db: Kysely<DB>, workspaceId: string, reasonId: string, kind: ReasonKind): Promise<ReasonsTable> {
  const reason = await createReasonsRepository(db).getReason(workspaceId, reasonId);
  if (!reason) throw unknownReason(reasonId);
  if (reason.kind !== kind) throw wrongReasonKind(reason.name, kind);
  return reason;
}

async function requireCustomer(db: Kysely<DB>, workspaceId: string, customerId: string) {
  const customer = await createCustomersRepository(db).getCustomer(workspaceId, customerId);
  if (!customer) throw notFound('customer');
  return customer;
}

const entryLabel = (name: string, notedOn: string, words: string | null | undefined) => `${name} (${notedOn})${words ? `: ${words}` : ''}`;
const today = (clock: Clock) => clock.now().toISOString().slice(0, 10);

/** Records a reason a customer gave, with a line in their history. */
export async function addCustomerReason(deps: ReasonDeps, actor: Actor, customerId: string, input: z.output<typeof addCustomerReasonSchema>): Promise<CustomerReasons> {
  await deps.db.transaction().execute(async (trx) => {
    await requireCustomer(trx, actor.workspaceId, customerId);
    const reason = await requireReason(trx, actor.workspaceId, input.reasonId, input.kind);
    const notedOn = input.notedOn ?? today(deps.clock);
    const words = input.words ? input.words : null;
    await createReasonsRepository(trx).insertEntry({
      workspace_id: actor.workspaceId, id: newId(), customer_id: customerId, reason_id: reason.id, kind: reason.kind, noted_on: notedOn,
      recorded_by: input.via === 'staff' && actor.userId !== 'cli' ? actor.userId : null, via: input.via, words, created_at: toDbTime(deps.clock.now()),
    });
    await recordHistory(trx, actor, deps.clock, customerId, [{ action: 'updated', field: historyField(reason.kind), oldValue: null, newValue: entryLabel(reason.name, notedOn, words) }]);
    // The "why they choose us" bit is one the completeness score counts.
    if (reason.kind === 'choose') await refreshDerived(trx, actor.workspaceId, [customerId]);
  });
  return reasonsOf(deps.db, actor, customerId);
}

export async function removeCustomerReason(deps: ReasonDeps, actor: Actor, customerId: string, entryId: string): Promise<CustomerReasons> {
  await deps.db.transaction().execute(async (trx) => {
    await requireCustomer(trx, actor.workspaceId, customerId);
    const repo = createReasonsRepository(trx);
    const entry = (await repo.entriesOf(actor.workspaceId, customerId)).find((e) => e.id === entryId);
    if (!entry) throw notFound('reason_entry');
    await repo.deleteEntry(actor.workspaceId, customerId, entryId);
    await recordHistory(trx, actor, deps.clock, customerId, [{ action: 'updated', field: historyField(entry.kind), oldValue: entryLabel(entry.reason_name, entry.noted_on, entry.words), newValue: null }]);
    if (entry.kind === 'choose') await refreshDerived(trx, actor.workspaceId, [customerId]);
  });
  return reasonsOf(deps.db, actor, customerId);
}

/**
 * Marks a customer lost with an exit reason and a note. A new or changed reason is also
 * recorded as an exit reason they gave today, which is what the exit-reasons report counts.
 */
export async function markLost(deps: ReasonDeps, actor: Actor, customerId: string, input: z.output<typeof markLostSchema>): Promise<CustomerReasons> {
  await deps.db.transaction().execute(async (trx) => {
    const customer = await requireCustomer(trx, actor.workspaceId, customerId);
    const repo = createReasonsRepository(trx);
    const reason = await requireReason(trx, actor.workspaceId, input.reasonId, 'exit');
    const note = input.note ? input.note : null;
    const previous = customer.lost_reason_id ? await repo.getReason(actor.workspaceId, customer.lost_reason_id) : undefined;
    const oldValue = customer.lost_at ? `${previous?.name ?? '?'}${customer.lost_note ? `: ${customer.lost_note}` : ''}` : null;
    const newValue = `${reason.name}${note ? `: ${note}` : ''}`;
    if (oldValue === newValue) return;
    const now = toDbTime(deps.clock.now());
    await repo.setLost(actor.workspaceId, customerId, { lost_at: customer.lost_at ? toDbTime(new Date(customer.lost_at)) : now, lost_reason_id: reason.id, lost_note: note }, now);
    if (customer.lost_reason_id !== reason.id) {
      await repo.insertEntry({
        workspace_id: actor.workspaceId, id: newId(), customer_id: customerId, reason_id: reason.id, kind: 'exit', noted_on: today(deps.clock),
        recorded_by: actor.userId === 'cli' ? null : actor.userId, via: 'staff', words: note, created_at: now,
      });
    }
    await recordHistory(trx, actor, deps.clock, customerId, [{ action: 'updated', field: 'lost', oldValue, newValue }]);
  });
  return reasonsOf(deps.db, actor, customerId);
}

/** "No longer lost": the mark goes; the exit reasons they gave stay on record. */
export async function clearLost(deps: ReasonDeps, actor: Actor, customerId: string): Promise<CustomerReasons> {
  await deps.db.transaction().execute(async (trx) => {
    const customer = await requireCustomer(trx, actor.workspaceId, customerId);
    if (!customer.lost_at) return;
    const repo = createReasonsRepository(trx);
    const previous = customer.lost_reason_id ? await repo.getReason(actor.workspaceId, customer.lost_reason_id) : undefined;
    await repo.setLost(actor.workspaceId, customerId, { lost_at: null, lost_reason_id: null, lost_note: null }, toDbTime(deps.clock.now()));
    await recordHistory(trx, actor, deps.clock, customerId, [{ action: 'updated', field: 'lost', oldValue: `${previous?.name ?? '?'}${customer.lost_note ? `: ${customer.lost_note}` : ''}`, newValue: null }]);
  });
  return reasonsOf(deps.db, actor, customerId);
}
