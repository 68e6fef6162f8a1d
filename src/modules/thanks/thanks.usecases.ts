import type { Kysely } from 'kysely';
import type { z } from 'zod';
import {
  DEFAULT_THANK_RULES, THANK_RULES, thankRulesSchema,
  type OwedThanks, type owedQuerySchema, type ThankRules, type ThankYou, type thankYouInputSchema,
} from '../../contracts/thanks.ts';
import { toDbTime } from '../../db/dialect.ts';
import type { DB } from '../../db/schema.ts';
import type { Clock } from '../../shared/clock.ts';
import { dayIn } from '../../shared/days.ts';
import { conflict, notFound } from '../../shared/errors.ts';
import { newId } from '../../shared/ids.ts';
import type { Actor } from '../auth/permissions.ts';
import { refreshDerived } from '../customers/customer-state.ts';
import { createCustomersRepository } from '../customers/customers.repository.ts';
import { createWorkspacesRepository } from '../workspaces/workspaces.repository.ts';
import { findOccasions, recordOccasions } from './owed-rules.ts';
import { createThanksRepository } from './thanks.repository.ts';

export interface ThanksDeps {
  db: Kysely<DB>;
  clock: Clock;
}

const userOf = (actor: Actor) => (actor.userId === 'cli' ? null : actor.userId);

export async function getRules(db: Kysely<DB>, workspaceId: string): Promise<ThankRules> {
  const stored = await createThanksRepository(db).getSettings(workspaceId);
  if (!stored) return DEFAULT_THANK_RULES;
  const parsed = thankRulesSchema.safeParse(JSON.parse(stored));
  return parsed.success ? parsed.data : DEFAULT_THANK_RULES;
}

export async function saveRules(deps: ThanksDeps, actor: Actor, rules: ThankRules): Promise<ThankRules> {
  await createThanksRepository(deps.db).saveSettings(actor.workspaceId, JSON.stringify(rules), toDbTime(deps.clock.now()));
  return getRules(deps.db, actor.workspaceId);
}

/** Finds the occasions that earned thanks and records the new ones. Safe to run at any time, from any instance. */
export async function evaluateOwed(deps: ThanksDeps, workspaceId: string): Promise<number> {
  const workspace = await createWorkspacesRepository(deps.db).getWorkspace(workspaceId);
  if (!workspace) return 0;
  const now = deps.clock.now();
  const occasions = await findOccasions(deps.db, workspace, await getRules(deps.db, workspaceId), now);
  return recordOccasions(deps.db, workspaceId, occasions, now);
}

export async function listOwed(deps: ThanksDeps, actor: Actor, query: z.output<typeof owedQuerySchema>): Promise<OwedThanks[]> {
  await evaluateOwed(deps, actor.workspaceId);
  const rules = await getRules(deps.db, actor.workspaceId);
  // Switching a rule off hides what it still says is owed; switching it on shows it again.
  const enabled = query.status === 'owed' ? THANK_RULES.filter((r) => rules.rules[r].enabled) : [...THANK_RULES];
  const rows = await createThanksRepository(deps.db).listOwed(actor.workspaceId, { status: query.status, customerId: query.customerId, rules: enabled, limit: query.limit });
  return rows.map(toOwed);
}

export async function dismissOwed(deps: ThanksDeps, actor: Actor, owedId: string, reason: string): Promise<OwedThanks> {
  const repo = createThanksRepository(deps.db);
  const owed = await repo.getOwed(actor.workspaceId, owedId);
  if (!owed) throw notFound('owed thank-you');
  const done = await repo.resolveOwed(actor.workspaceId, owedId, { status: 'dismissed', dismiss_reason: reason, thank_you_id: null, resolved_at: toDbTime(deps.clock.now()), resolved_by: userOf(actor) });
  if (!done) throw conflict('thanks.not_owed', `This thank-you is already ${owed.status === 'done' ? 'done' : 'dismissed'}`);
  return (await listOne(deps.db, actor.workspaceId, owedId))!;
}

export async function listThankYous(deps: ThanksDeps, actor: Actor, customerId: string): Promise<ThankYou[]> {
  if (!(await createCustomersRepository(deps.db).getCustomer(actor.workspaceId, customerId))) throw notFound('customer');
  return (await createThanksRepository(deps.db).listThankYous(actor.workspaceId, { customerId, limit: 500 })).map(toThankYou);
}

type ThankYouInput = z.output<typeof thankYouInputSchema> & { emailMessageId?: string };

/** Logs a thank-you; given an owed item of this customer, marks it done in the same transaction. */
export async function logThankYou(deps: ThanksDeps, actor: Actor, customerId: string, input: ThankYouInput): Promise<ThankYou> {
  return deps.db.transaction().execute(async (trx) => {
    const id = await recordThankYou(trx, actor, customerId, input, deps.clock.now());
    return toThankYou((await createThanksRepository(trx).listThankYous(actor.workspaceId, { ids: [id], limit: 1 }))[0]!);
  });
}

/** The writes of logging a thank-you, inside the caller's transaction (an email sent as thanks uses it too). */
export async function recordThankYou(trx: Kysely<DB>, actor: Actor, customerId: string, input: ThankYouInput, now: Date): Promise<string> {
  const repo = createThanksRepository(trx);
  if (!(await createCustomersRepository(trx).getCustomer(actor.workspaceId, customerId))) throw notFound('customer');
  const workspace = (await createWorkspacesRepository(trx).getWorkspace(actor.workspaceId))!;
  const id = newId();
  if (input.owedId) {
    const owed = await repo.getOwed(actor.workspaceId, input.owedId);
    if (!owed || owed.customer_id !== customerId) throw notFound('owed thank-you');
  }
  await repo.insertThankYou({
    workspace_id: actor.workspaceId, id, customer_id: customerId, kind: input.kind, occasion: input.occasion, given_on: input.givenOn ?? dayIn(now, workspace.time_zone),
    cost_minor: input.costMinor ?? null, currency: input.costMinor == null ? null : (input.currency ?? workspace.base_currency), note: input.note ?? null,
    recorded_by: userOf(actor), email_message_id: input.emailMessageId ?? null, created_at: toDbTime(now), updated_at: toDbTime(now),
  });
  if (input.owedId && !(await repo.resolveOwed(actor.workspaceId, input.owedId, { status: 'done', dismiss_reason: null, thank_you_id: id, resolved_at: toDbTime(now), resolved_by: userOf(actor) }))) {
    throw conflict('thanks.not_owed', 'This thank-you was already done or dismissed');
  }
  await refreshDerived(trx, actor.workspaceId, [customerId]);
  return id;
}

/** Removes a logged thank-you; what it settled is owed again. */
export async function deleteThankYou(deps: ThanksDeps, actor: Actor, customerId: string, thankYouId: string): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const repo = createThanksRepository(trx);
    if ((await repo.deleteThankYou(actor.workspaceId, customerId, thankYouId)) === 0) throw notFound('thank-you');
    await repo.reopenOwed(actor.workspaceId, thankYouId);
    await refreshDerived(trx, actor.workspaceId, [customerId]);
  });
}

async function listOne(db: Kysely<DB>, workspaceId: string, owedId: string): Promise<OwedThanks | undefined> {
  const [row] = await createThanksRepository(db).listOwed(workspaceId, { id: owedId, rules: [...THANK_RULES], limit: 1 });
  return row && toOwed(row);
}

type OwedRow = Awaited<ReturnType<ReturnType<typeof createThanksRepository>['listOwed']>>[number];
function toOwed(row: OwedRow): OwedThanks {
  return {
    id: row.id, customerId: row.customer_id, customerName: row.customer_name, tier: row.tier ?? null, rule: row.rule, occurredOn: row.occurred_on,
    detail: row.detail ? JSON.parse(row.detail) : {}, status: row.status, dismissReason: row.dismiss_reason, thankYouId: row.thank_you_id,
    resolvedAt: row.resolved_at ? new Date(row.resolved_at).toISOString() : null, createdAt: new Date(row.created_at).toISOString(),
  };
}

type ThankYouRow = Awaited<ReturnType<ReturnType<typeof createThanksRepository>['listThankYous']>>[number];
function toThankYou(row: ThankYouRow): ThankYou {
  return {
    id: row.id, customerId: row.customer_id, customerName: row.customer_name, kind: row.kind, occasion: row.occasion, givenOn: row.given_on,
    costMinor: row.cost_minor === null ? null : Number(row.cost_minor), currency: row.currency, note: row.note,
    recordedBy: row.recorded_by ? { id: row.recorded_by, name: row.recorder_name ?? '?' } : null, emailMessageId: row.email_message_id, createdAt: new Date(row.created_at).toISOString(),
  };
}
