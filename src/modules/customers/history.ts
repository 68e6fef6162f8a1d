import type { Kysely } from 'kysely';
import type { HistoryEntry } from '../../contracts/customers.ts';
import { toDbTime } from '../../db/dialect.ts';
import type { CustomerHistoryTable, DB } from '../../db/schema.ts';
import type { Clock } from '../../shared/clock.ts';
import { newId } from '../../shared/ids.ts';
import type { Actor } from '../auth/permissions.ts';
import { createCustomersRepository } from './customers.repository.ts';

export interface HistoryChange {
  action: CustomerHistoryTable['action'];
  field: string | null;
  oldValue: string | null;
  newValue: string | null;
}

/** Every change to a customer goes through here: who, when, which field, old → new. */
export async function recordHistory(db: Kysely<DB>, actor: Actor, clock: Clock, customerId: string, changes: HistoryChange[]): Promise<void> {
  await recordHistoryOfMany(db, actor, clock, [{ customerId, changes }]);
}

/** The same for many customers at once (bulk changes): one insert per 200 lines, not one per customer. */
export async function recordHistoryOfMany(db: Kysely<DB>, actor: Actor, clock: Clock, entries: { customerId: string; changes: HistoryChange[] }[]): Promise<void> {
  const at = toDbTime(clock.now());
  const actorId = actor.userId === 'cli' ? null : actor.userId;
  const rows = entries.flatMap(({ customerId, changes }) =>
    changes.map((c) => ({
      workspace_id: actor.workspaceId,
      id: newId(),
      customer_id: customerId,
      actor_id: actorId,
      at,
      action: c.action,
      field: c.field,
      old_value: truncate(c.oldValue),
      new_value: truncate(c.newValue),
    })),
  );
  if (rows.length) await createCustomersRepository(db).insertHistory(rows);
}

export async function historyOf(db: Kysely<DB>, workspaceId: string, customerId: string, limit = 500): Promise<HistoryEntry[]> {
  const rows = await createCustomersRepository(db).historyOf(workspaceId, customerId, limit);
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    actor: r.actor_id ? { id: r.actor_id, name: r.actor_name ?? '?' } : null,
    action: r.action,
    field: r.field,
    oldValue: r.old_value,
    newValue: r.new_value,
  }));
}

function truncate(value: string | null): string | null {
  return value !== null && value.length > 2000 ? `${value.slice(0, 1999)}…` : value;
}
