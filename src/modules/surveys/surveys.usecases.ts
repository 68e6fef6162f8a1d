import type { Kysely } from 'kysely';
import { toDbTime } from '../../db/dialect.ts';
import type { DB } from '../../db/schema.ts';
import type { Clock } from '../../shared/clock.ts';
import { dayIn } from '../../shared/days.ts';
import { badRequest, notFound } from '../../shared/errors.ts';
import { newId } from '../../shared/ids.ts';
import type { Actor } from '../auth/permissions.ts';
import { createCustomersRepository } from '../customers/customers.repository.ts';
import { createReasonsRepository } from '../reasons/reasons.repository.ts';
import { createWorkspacesRepository } from '../workspaces/workspaces.repository.ts';
import { hashToken, newInvitation, surveyLink } from './survey-tokens.ts';
import { createSurveysRepository } from './surveys.repository.ts';

export interface SurveyDeps {
  db: Kysely<DB>;
  clock: Clock;
  publicUrl: string;
}

export const QUESTIONS = {
  choose: { en: 'What made you choose us?', ru: 'Почему вы выбрали нас?' },
  exit: { en: 'Is there anything we could have done better?', ru: 'Могли ли мы сделать что-то лучше?' },
} as const;

export type SurveyState =
  | { status: 'invalid' }
  | { status: 'used' | 'expired'; locale: string; workspaceName: string }
  | { status: 'open'; locale: string; workspaceName: string; kind: 'choose' | 'exit'; question: string; options: { id: string; name: string }[]; expiresAt: string; workspaceId: string; invitationId: string; customerId: string };

/** What a survey link leads to. A token whose workspace part does not match its row is invalid, as is a deleted customer's. */
export async function surveyState(deps: SurveyDeps, token: string): Promise<SurveyState> {
  const row = await createSurveysRepository(deps.db).byTokenHash(hashToken(token));
  if (!row || !token.startsWith(`${row.workspace_id}.`) || row.deleted_at) return { status: 'invalid' };
  const locale = row.locale === 'ru' ? 'ru' : 'en';
  if (row.used_at) return { status: 'used', locale, workspaceName: row.workspace_name };
  if (Date.parse(row.expires_at) <= deps.clock.now().getTime()) return { status: 'expired', locale, workspaceName: row.workspace_name };
  const options = (await createReasonsRepository(deps.db).listOfKind(row.workspace_id, row.kind)).map((r) => ({ id: r.id, name: r.name }));
  return {
    status: 'open', locale, workspaceName: row.workspace_name, kind: row.kind, question: QUESTIONS[row.kind][locale], options, expiresAt: new Date(row.expires_at).toISOString(),
    workspaceId: row.workspace_id, invitationId: row.id, customerId: row.customer_id,
  };
}

const OTHER_NAMES = new Set(['other', 'другое', 'прочее']);

/**
 * Records an answer as the customer's reasons (via 'survey', their words as plain text on the
 * first one chosen, or on "Other" when they only wrote) and closes the link, in one transaction.
 * Returns null when the link is no longer open (nothing recorded).
 */
export async function answerSurvey(deps: SurveyDeps, token: string, answer: { reasonIds: string[]; words: string }): Promise<{ recorded: number } | null> {
  const state = await surveyState(deps, token);
  if (state.status !== 'open') return null;
  const words = answer.words.trim() || null;
  const valid = new Map(state.options.map((o) => [o.id, o]));
  const chosen = [...new Set(answer.reasonIds)].filter((id) => valid.has(id));
  if (chosen.length === 0 && words) {
    const other = state.options.find((o) => OTHER_NAMES.has(o.name.trim().toLowerCase())) ?? state.options.at(-1);
    if (other) chosen.push(other.id);
  }
  if (chosen.length === 0) throw badRequest('surveys.empty_answer', 'Choose at least one answer or write a few words');
  return deps.db.transaction().execute(async (trx) => {
    const now = deps.clock.now();
    if (!(await createSurveysRepository(trx).markUsed(state.workspaceId, state.invitationId, toDbTime(now)))) return null;
    const workspace = (await createWorkspacesRepository(trx).getWorkspace(state.workspaceId))!;
    const notedOn = dayIn(now, workspace.time_zone);
    await trx.insertInto('customer_reasons').values(chosen.map((reasonId, i) => ({
      workspace_id: state.workspaceId, id: newId(), customer_id: state.customerId, reason_id: reasonId, kind: state.kind, noted_on: notedOn,
      recorded_by: null, via: 'survey' as const, words: i === 0 ? words : null, created_at: toDbTime(now),
    }))).execute();
    return { recorded: chosen.length };
  });
}

/** A survey link for one customer, to share by hand (the API; emails make theirs when queued). */
export async function createSurveyLink(deps: SurveyDeps, actor: Actor, customerId: string, kind: 'choose' | 'exit', locale?: string) {
  const customer = await createCustomersRepository(deps.db).getCustomer(actor.workspaceId, customerId);
  if (!customer) throw notFound('customer');
  const workspace = (await createWorkspacesRepository(deps.db).getWorkspace(actor.workspaceId))!;
  const { token, row } = newInvitation({
    workspaceId: actor.workspaceId, customerId, kind, locale: locale ?? customer.preferred_language ?? workspace.locale,
    createdBy: actor.userId === 'cli' ? null : actor.userId, messageId: null, now: deps.clock.now(),
  });
  await createSurveysRepository(deps.db).insertInvitations([row]);
  return { id: row.id, customerId, kind, locale: row.locale, link: surveyLink(deps.publicUrl, token), expiresAt: row.expires_at };
}
