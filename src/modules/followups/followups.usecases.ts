import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type {
  FollowUp, FollowUpRules, followUpBulkInputSchema, followUpInputSchema, followUpQuerySchema, followUpUpdateSchema,
} from '../../contracts/followups.ts';
import { toDbTime } from '../../db/dialect.ts';
import type { DB, FollowUpsTable } from '../../db/schema.ts';
import type { Clock } from '../../shared/clock.ts';
import { addDays, dayIn } from '../../shared/days.ts';
import { conflict, fieldError, notFound } from '../../shared/errors.ts';
import { newId } from '../../shared/ids.ts';
import { recordActivity } from '../activities/activities.usecases.ts';
import { createActivitiesRepository } from '../activities/activities.repository.ts';
import type { Actor } from '../auth/permissions.ts';
import { createCustomersRepository } from '../customers/customers.repository.ts';
import { createUsersRepository } from '../users/users.repository.ts';
import { createWorkspacesRepository } from '../workspaces/workspaces.repository.ts';
import { evaluateFollowUps, getFollowUpRules } from './follow-up-rules.ts';
import { toFollowUp, type FollowUpLocale } from './follow-up-view.ts';
import { createFollowUpsRepository } from './followups.repository.ts';

export interface FollowUpsDeps {
  db: Kysely<DB>;
  clock: Clock;
}

const userOf = (actor: Actor) => (actor.userId === 'cli' ? null : actor.userId);

/** Today in the workspace's time zone, and the reader's language (theirs, else the workspace's). */
async function readerOf(db: Kysely<DB>, actor: Actor, now: Date): Promise<{ today: string; locale: FollowUpLocale }> {
  const workspace = (await createWorkspacesRepository(db).getWorkspace(actor.workspaceId))!;
  const user = actor.userId === 'cli' ? undefined : await createUsersRepository(db).getUser(actor.workspaceId, actor.userId);
  return { today: dayIn(now, workspace.time_zone), locale: (user?.locale ?? workspace.locale).startsWith('ru') ? 'ru' : 'en' };
}

async function views(deps: FollowUpsDeps, actor: Actor, rows: Parameters<typeof toFollowUp>[0][]): Promise<FollowUp[]> {
  const { today, locale } = await readerOf(deps.db, actor, deps.clock.now());
  return rows.map((r) => toFollowUp(r, today, locale));
}

async function one(deps: FollowUpsDeps, actor: Actor, id: string): Promise<FollowUp> {
  const [row] = await createFollowUpsRepository(deps.db).getViews(actor.workspaceId, [id]);
  if (!row) throw notFound('follow_up');
  return (await views(deps, actor, [row]))[0]!;
}

/** The assignee asked for: omitted, the one creating it; null, the team; else a user of the workspace. */
async function assigneeOf(db: Kysely<DB>, actor: Actor, assigneeId: string | null | undefined): Promise<string | null> {
  if (assigneeId === undefined) return userOf(actor);
  if (assigneeId === null) return null;
  if (!(await createFollowUpsRepository(db).isUser(actor.workspaceId, assigneeId))) throw fieldError('assigneeId', 'unknown_user', 'No such user in this workspace');
  return assigneeId;
}

function newRow(actor: Actor, customerId: string, input: { dueOn: string; kind: FollowUpsTable['kind']; note?: string | null; activityId?: string }, assigneeId: string | null, at: string): FollowUpsTable {
  return {
    workspace_id: actor.workspaceId, id: newId(), customer_id: customerId, due_on: input.dueOn, kind: input.kind, assignee_id: assigneeId, note: input.note || null,
    status: 'open', skip_reason: null, rule: null, occasion_key: null, occasion_on: null, activity_id: input.activityId ?? null, done_at: null, done_by: null,
    done_activity_id: null, snoozed: 0, created_by: userOf(actor), created_at: at, updated_at: at,
  };
}

/** A follow-up on a customer; a past due day is allowed (it is then overdue). */
export async function createFollowUp(deps: FollowUpsDeps, actor: Actor, customerId: string, input: z.output<typeof followUpInputSchema>): Promise<FollowUp> {
  if (!(await createCustomersRepository(deps.db).getCustomer(actor.workspaceId, customerId))) throw notFound('customer');
  if (input.activityId) {
    const activity = await createActivitiesRepository(deps.db).getActivity(actor.workspaceId, input.activityId);
    if (!activity || activity.customer_id !== customerId) throw notFound('activity');
  }
  const row = newRow(actor, customerId, input, await assigneeOf(deps.db, actor, input.assigneeId), toDbTime(deps.clock.now()));
  await createFollowUpsRepository(deps.db).insert([row]);
  return one(deps, actor, row.id);
}

/** The same follow-up for many customers, in one transaction; deleted or unknown customers are skipped. */
export async function createFollowUps(deps: FollowUpsDeps, actor: Actor, input: z.output<typeof followUpBulkInputSchema>): Promise<{ created: number; skipped: number }> {
  const assigneeId = await assigneeOf(deps.db, actor, input.assigneeId);
  const ids = [...new Set(input.customerIds)];
  return deps.db.transaction().execute(async (trx) => {
    const repo = createFollowUpsRepository(trx);
    const liveIds = await repo.liveCustomerIds(actor.workspaceId, ids);
    const at = toDbTime(deps.clock.now());
    const created = await repo.insert(ids.filter((id) => liveIds.has(id)).map((id) => newRow(actor, id, input, assigneeId, at)));
    return { created, skipped: input.customerIds.length - created };
  });
}

async function existing(db: Kysely<DB>, actor: Actor, id: string): Promise<FollowUpsTable> {
  const row = await createFollowUpsRepository(db).get(actor.workspaceId, id);
  if (!row) throw notFound('follow_up');
  return row;
}

const closed = (row: FollowUpsTable) => conflict('follow_ups.closed', `This follow-up is already ${row.status === 'done' ? 'done' : 'skipped'}`);

export async function updateFollowUp(deps: FollowUpsDeps, actor: Actor, id: string, input: z.output<typeof followUpUpdateSchema>): Promise<FollowUp> {
  await existing(deps.db, actor, id);
  const patch = {
    ...(input.dueOn !== undefined && { due_on: input.dueOn }),
    ...(input.kind !== undefined && { kind: input.kind }),
    ...(input.assigneeId !== undefined && { assignee_id: await assigneeOf(deps.db, actor, input.assigneeId) }),
    ...(input.note !== undefined && { note: input.note || null }),
    updated_at: toDbTime(deps.clock.now()),
  };
  await createFollowUpsRepository(deps.db).update(actor.workspaceId, id, patch);
  return one(deps, actor, id);
}

/** Marks it done; a note goes to the customer's timeline (its id kept on the follow-up). */
export async function completeFollowUp(deps: FollowUpsDeps, actor: Actor, id: string, note?: string): Promise<FollowUp> {
  await deps.db.transaction().execute(async (trx) => {
    const row = await existing(trx, actor, id);
    if (row.status !== 'open') throw closed(row);
    const now = deps.clock.now();
    const activityId = note ? await recordActivity(trx, actor, row.customer_id, { kind: 'note', body: note }, now) : null;
    const done = await createFollowUpsRepository(trx).update(actor.workspaceId, id, { status: 'done', done_at: toDbTime(now), done_by: userOf(actor), done_activity_id: activityId, updated_at: toDbTime(now) }, true);
    if (!done) throw closed(row);
  });
  return one(deps, actor, id);
}

export async function skipFollowUp(deps: FollowUpsDeps, actor: Actor, id: string, reason: string): Promise<FollowUp> {
  const row = await existing(deps.db, actor, id);
  const now = toDbTime(deps.clock.now());
  if (!(await createFollowUpsRepository(deps.db).update(actor.workspaceId, id, { status: 'skipped', skip_reason: reason, updated_at: now }, true))) throw closed(row);
  return one(deps, actor, id);
}

/** A day or a week later: from today, or from the due day when that is later. */
export async function snoozeFollowUp(deps: FollowUpsDeps, actor: Actor, id: string, days: 1 | 7): Promise<FollowUp> {
  const row = await existing(deps.db, actor, id);
  if (row.status !== 'open') throw closed(row);
  const { today } = await readerOf(deps.db, actor, deps.clock.now());
  const from = row.due_on > today ? row.due_on : today;
  const patch = { due_on: addDays(from, days), snoozed: Number(row.snoozed) + 1, updated_at: toDbTime(deps.clock.now()) };
  if (!(await createFollowUpsRepository(deps.db).update(actor.workspaceId, id, patch, true))) throw closed(row);
  return one(deps, actor, id);
}

export async function deleteFollowUp(deps: FollowUpsDeps, actor: Actor, id: string): Promise<void> {
  if ((await createFollowUpsRepository(deps.db).remove(actor.workspaceId, id)) === 0) throw notFound('follow_up');
}

/** A customer's follow-ups: open first by due day, then closed newest first. */
export async function listCustomerFollowUps(deps: FollowUpsDeps, actor: Actor, customerId: string): Promise<FollowUp[]> {
  if (!(await createCustomersRepository(deps.db).getCustomer(actor.workspaceId, customerId))) throw notFound('customer');
  return views(deps, actor, await createFollowUpsRepository(deps.db).listForCustomer(actor.workspaceId, customerId, 500));
}

export async function listFollowUps(deps: FollowUpsDeps, actor: Actor, query: z.output<typeof followUpQuerySchema>): Promise<FollowUp[]> {
  const rows = await createFollowUpsRepository(deps.db).list(actor.workspaceId, {
    status: query.status, dueBefore: query.dueBefore, limit: query.limit, ...(query.assignee === 'me' && { assigneeId: actor.userId }),
  });
  return views(deps, actor, rows);
}

/** The customer's earliest open follow-up, or null. */
export async function nextFollowUp(deps: FollowUpsDeps, actor: Actor, customerId: string): Promise<FollowUp | null> {
  const row = await createFollowUpsRepository(deps.db).nextOpen(actor.workspaceId, customerId);
  return row ? (await views(deps, actor, [row]))[0]! : null;
}

export const getRules = (deps: FollowUpsDeps, actor: Actor): Promise<FollowUpRules> => getFollowUpRules(deps.db, actor.workspaceId);

/** Saves the rules (date attributes must be date attributes of the workspace) and applies them at once. */
export async function saveRules(deps: FollowUpsDeps, actor: Actor, rules: FollowUpRules): Promise<FollowUpRules> {
  const repo = createFollowUpsRepository(deps.db);
  const known = await repo.dateAttributeIds(actor.workspaceId, rules.dateAttributes.map((a) => a.attributeId));
  const bad = rules.dateAttributes.findIndex((a) => !known.has(a.attributeId));
  if (bad >= 0) throw fieldError(`dateAttributes.${bad}.attributeId`, 'not_date_attribute', 'Not a date attribute of this workspace');
  await repo.saveSettings(actor.workspaceId, JSON.stringify(rules), toDbTime(deps.clock.now()));
  await evaluateFollowUps(deps, actor.workspaceId);
  return getFollowUpRules(deps.db, actor.workspaceId);
}
