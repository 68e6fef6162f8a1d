import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Activity, createActivitySchema, updateActivitySchema } from '../../contracts/activities.ts';
import { toDbTime } from '../../db/dialect.ts';
import type { ActivitiesTable, DB, EmailStatus } from '../../db/schema.ts';
import type { Clock } from '../../shared/clock.ts';
import { badRequest, fieldError, forbidden, notFound } from '../../shared/errors.ts';
import { newId } from '../../shared/ids.ts';
import type { Actor } from '../auth/permissions.ts';
import { refreshDerived } from '../customers/customer-state.ts';
import { createCustomersRepository } from '../customers/customers.repository.ts';
import { raiseForResolvedComplaint } from '../followups/follow-up-rules.ts';
import { createActivitiesRepository } from './activities.repository.ts';

export interface ActivityDeps {
  db: Kysely<DB>;
  clock: Clock;
}

type ActivityRow = ActivitiesTable & { resolver_name: string | null; author_name: string | null; email_id: string | null; email_status: EmailStatus | null; email_error: string | null; email_to: string | null };

export async function listActivities(deps: ActivityDeps, actor: Actor, customerId: string): Promise<Activity[]> {
  if (!(await createCustomersRepository(deps.db).getCustomer(actor.workspaceId, customerId))) throw notFound('customer');
  const rows = await createActivitiesRepository(deps.db).activitiesOf(actor.workspaceId, customerId, 500);
  return rows.map((r) => toActivity(r, actor));
}

export async function createActivity(deps: ActivityDeps, actor: Actor, customerId: string, input: z.output<typeof createActivitySchema>): Promise<Activity> {
  return deps.db.transaction().execute(async (trx) => {
    const id = await recordActivity(trx, actor, customerId, input, deps.clock.now());
    const saved = await createActivitiesRepository(trx).getActivity(actor.workspaceId, id);
    return toActivity(saved!, actor);
  });
}

/** The writes of adding a timeline entry, inside the caller's transaction (a follow-up done with a note uses it). Returns its id. */
export async function recordActivity(trx: Kysely<DB>, actor: Actor, customerId: string, input: z.output<typeof createActivitySchema>, at: Date): Promise<string> {
  if (!(await createCustomersRepository(trx).getCustomer(actor.workspaceId, customerId))) throw notFound('customer');
  const now = toDbTime(at);
  const row: ActivitiesTable = {
    workspace_id: actor.workspaceId,
    id: newId(),
    customer_id: customerId,
    kind: input.kind,
    occurred_at: input.occurredAt ? toDbTime(new Date(input.occurredAt)) : now,
    author_id: actor.userId === 'cli' ? null : actor.userId,
    body: input.body,
    status: input.kind === 'complaint' ? 'open' : null,
    created_at: now,
    updated_at: now,
  };
  await createActivitiesRepository(trx).insertActivity(row);
  if (row.kind === 'note') await refreshDerived(trx, actor.workspaceId, [customerId]);
  return row.id;
}

/** Only the author may change or delete an activity. */
export async function updateActivity(deps: ActivityDeps, actor: Actor, activityId: string, input: z.output<typeof updateActivitySchema>): Promise<Activity> {
  return deps.db.transaction().execute(async (trx) => {
    const repo = createActivitiesRepository(trx);
    const existing = await ownActivity(repo, actor, activityId);
    await repo.updateActivity(actor.workspaceId, activityId, {
      ...(input.kind !== undefined && { kind: input.kind }),
      ...(input.kind !== undefined && input.kind !== existing.kind && { status: input.kind === 'complaint' ? 'open' : null, resolution: null, resolved_at: null, resolved_by: null }),
      ...(input.body !== undefined && { body: input.body }),
      ...(input.occurredAt !== undefined && { occurred_at: toDbTime(new Date(input.occurredAt)) }),
      updated_at: toDbTime(deps.clock.now()),
    });
    await refreshDerived(trx, actor.workspaceId, [existing.customer_id]);
    return toActivity((await repo.getActivity(actor.workspaceId, activityId))!, actor);
  });
}

export async function deleteActivity(deps: ActivityDeps, actor: Actor, activityId: string): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const repo = createActivitiesRepository(trx);
    const existing = await ownActivity(repo, actor, activityId);
    await repo.deleteActivity(actor.workspaceId, activityId);
    await refreshDerived(trx, actor.workspaceId, [existing.customer_id]);
  });
}

/** Any writer may resolve a complaint (or reopen it), saying how it was resolved. */
export async function setComplaintStatus(deps: ActivityDeps, actor: Actor, activityId: string, input: { status: 'open' | 'resolved'; resolution?: string | null }): Promise<Activity> {
  const repo = createActivitiesRepository(deps.db);
  const existing = await repo.getActivity(actor.workspaceId, activityId);
  if (!existing) throw notFound('activity');
  if (existing.kind !== 'complaint') throw badRequest('activities.not_complaint', 'Only a complaint has a status');
  const resolved = input.status === 'resolved';
  if (resolved && !input.resolution?.trim()) throw fieldError('resolution', 'required', 'Say how the complaint was resolved');
  const now = toDbTime(deps.clock.now());
  await repo.updateActivity(actor.workspaceId, activityId, {
    status: input.status, resolution: resolved ? input.resolution!.trim() : null, resolved_at: resolved ? now : null,
    resolved_by: resolved && actor.userId !== 'cli' ? actor.userId : null, updated_at: now,
  });
  // Its follow-up ("check they are happy") appears at once, not at the next evaluation.
  if (resolved) await raiseForResolvedComplaint(deps, actor.workspaceId, activityId);
  return toActivity((await repo.getActivity(actor.workspaceId, activityId))!, actor);
}

async function ownActivity(repo: ReturnType<typeof createActivitiesRepository>, actor: Actor, activityId: string): Promise<ActivityRow> {
  const existing = await repo.getActivity(actor.workspaceId, activityId);
  if (!existing) throw notFound('activity');
  if (existing.author_id !== actor.userId) throw forbidden('activities.not_author', 'Only the author can change or delete this entry');
  return existing;
}

function toActivity(row: ActivityRow, actor: Actor): Activity {
  return {
    id: row.id,
    customerId: row.customer_id,
    kind: row.kind,
    occurredAt: row.occurred_at,
    body: row.body,
    author: row.author_id ? { id: row.author_id, name: row.author_name ?? '?' } : null,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    canEdit: row.author_id === actor.userId,
    complaint: row.kind === 'complaint'
      ? { status: row.status ?? 'open', resolution: row.resolution ?? null, resolvedAt: row.resolved_at ? new Date(row.resolved_at).toISOString() : null, resolvedBy: row.resolved_by ? (row.resolver_name ?? '?') : null }
      : null,
    email: row.email_id ? { messageId: row.email_id, status: row.email_status!, lastError: row.email_error, to: row.email_to ?? '' } : null,
  };
}
