import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { bulkEmailSchema, emailMessageSchema, sendEmailSchema } from '../../contracts/email.ts';
import { toDbTime } from '../../db/dialect.ts';
import type { DB, EmailMessagesTable, EmailPurpose, SurveyInvitationsTable } from '../../db/schema.ts';
import { recordThankYou } from '../thanks/thanks.usecases.ts';
import { badRequest, conflict, notFound } from '../../shared/errors.ts';
import { newId } from '../../shared/ids.ts';
import type { Actor } from '../auth/permissions.ts';
import { hideSurveyTokens, newInvitation, surveyLink } from '../surveys/survey-tokens.ts';
import { createSurveysRepository } from '../surveys/surveys.repository.ts';
import { createEmailRepository } from './email.repository.ts';
import { notConfigured, type EmailDeps } from './smtp-settings.usecases.ts';
import { getTemplate, renderText, unknownPlaceholders } from './templates.usecases.ts';

type Recipient = Awaited<ReturnType<ReturnType<typeof createEmailRepository>['recipients']>>[number];
export type EmailMessage = z.infer<typeof emailMessageSchema>;

export const addressKey = (address: string) => address.trim().toLowerCase();

/**
 * The placeholders' values. {referralName} is whom the customer referred most recently, or,
 * when they referred nobody, who referred them; {lastPurchase} is the date in the message's language;
 * {surveyLink} is a new single-use survey link made for this message (an exit question for
 * win-back and "could we have done better", else "what made you choose us").
 */
export function placeholderValues(r: Recipient, locale: string, timeZone: string, couponCode: string | undefined, survey = ''): Record<string, string> {
  return {
    firstName: r.first_name ?? r.display_name,
    lastName: r.last_name ?? '',
    lastPurchase: r.last_purchase_at ? new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone }).format(new Date(r.last_purchase_at)) : '',
    referralName: r.referred_name ?? r.referrer_name ?? '',
    couponCode: couponCode ?? '',
    surveyLink: survey,
  };
}

async function contentFor(deps: EmailDeps, workspaceId: string, purpose: EmailPurpose, locale: string, input: { subject?: string; body?: string }) {
  if (input.subject !== undefined || input.body !== undefined) {
    if (!input.subject || !input.body) throw badRequest('email.content_incomplete', 'Give both subject and body, or a purpose to use its template');
    const unknown = unknownPlaceholders(`${input.subject}\n${input.body}`);
    if (unknown.length > 0) throw badRequest('email.unknown_placeholder', `Unknown placeholder {${unknown[0]}}`, { placeholders: unknown });
    return { subject: input.subject, body: input.body };
  }
  return getTemplate(deps, workspaceId, purpose, locale);
}

function messageRow(actor: Actor, r: Recipient, to: string, locale: string, purpose: EmailPurpose, subject: string, body: string, kind: 'single' | 'bulk', marketing: boolean, now: string): EmailMessagesTable {
  return {
    workspace_id: actor.workspaceId, id: newId(), customer_id: r.id, to_address: to, locale, purpose, subject, body, kind, marketing: marketing ? 1 : 0,
    status: 'queued', attempts: 0, next_attempt_at: now, claimed_at: null, last_error: null, message_id: null, sent_at: null, activity_id: newId(),
    unsubscribe_token: randomBytes(24).toString('base64url'), created_by: actor.userId === 'cli' ? null : actor.userId, created_at: now, updated_at: now,
  };
}

const surveyKindOf = (purpose: EmailPurpose) => (purpose === 'exit_question' || purpose === 'winback' ? 'exit' : 'choose');
const asksSurvey = (content: { subject: string; body: string }) => `${content.subject}\n${content.body}`.includes('{surveyLink}');

/** A survey invitation for the message about to be made, when its text asks for {surveyLink}. */
function surveyFor(deps: EmailDeps, actor: Actor, r: Recipient, purpose: EmailPurpose, locale: string, content: { subject: string; body: string }, now: Date) {
  if (!asksSurvey(content)) return null;
  const { token, row } = newInvitation({ workspaceId: actor.workspaceId, customerId: r.id, kind: surveyKindOf(purpose), locale, createdBy: actor.userId === 'cli' ? null : actor.userId, messageId: null, now });
  return { row, link: surveyLink(deps.publicUrl, token) };
}

/** Queues the messages (with their survey invitations) and puts each on the timeline as an 'email' activity, in one transaction. */
async function enqueue(deps: EmailDeps, rows: EmailMessagesTable[], surveys: SurveyInvitationsTable[] = [], alsoInside?: (trx: Kysely<DB>) => Promise<unknown>): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    if (alsoInside) await alsoInside(trx);
    const repo = createEmailRepository(trx);
    for (const row of rows) {
      await trx.insertInto('activities').values({ workspace_id: row.workspace_id, id: row.activity_id!, customer_id: row.customer_id, kind: 'email', occurred_at: row.created_at, author_id: row.created_by, body: hideSurveyTokens(`${row.subject}\n\n${row.body}`), created_at: row.created_at, updated_at: row.created_at }).execute();
      await repo.insertMessage(row);
    }
    await createSurveysRepository(trx).insertInvitations(surveys);
  });
}

/** Why an email to this customer cannot go out, as the error to show; nothing when it can. */
async function assertSendable(deps: EmailDeps, workspaceId: string, r: Recipient, marketing: boolean): Promise<void> {
  const repo = createEmailRepository(deps.db);
  if (!(await repo.getSettings(workspaceId))) throw notConfigured();
  if (!r.email) throw conflict('email.no_address', 'This customer has no email address');
  if ((await repo.unsubscribedKeys(workspaceId, [addressKey(r.email)])).size > 0) throw conflict('email.unsubscribed', 'This address unsubscribed from our emails');
  if (marketing && r.consent_given !== 1) throw conflict('email.no_consent', 'This customer has not given marketing consent');
}

/** Checks, before anything else is made (a coupon code…), that an email to the customer could go out. */
export async function checkSendable(deps: EmailDeps, workspaceId: string, customerId: string, marketing: boolean): Promise<void> {
  const [r] = await createEmailRepository(deps.db).recipients(workspaceId, [customerId]);
  if (!r) throw notFound('customer');
  await assertSendable(deps, workspaceId, r, marketing);
}

export async function sendToCustomer(deps: EmailDeps, actor: Actor, customerId: string, input: z.output<typeof sendEmailSchema>) {
  const repo = createEmailRepository(deps.db);
  const [r] = await repo.recipients(actor.workspaceId, [customerId]);
  if (!r) throw notFound('customer');
  const workspace = await repo.workspace(actor.workspaceId);
  const purpose = input.purpose ?? 'custom';
  const locale = input.locale ?? r.preferred_language ?? workspace.locale;
  const content = await contentFor(deps, actor.workspaceId, purpose, locale, input);
  const now = deps.clock.now();
  const survey = input.preview ? null : surveyFor(deps, actor, r, purpose, locale, content, now);
  const previewLink = asksSurvey(content) ? `${deps.publicUrl}/s/…` : '';
  const values = placeholderValues(r, locale, workspace.time_zone, input.couponCode, survey?.link ?? previewLink);
  const subject = renderText(content.subject, values);
  const body = renderText(content.body, values);
  if (input.preview) return { preview: true, message: null, subject, body };
  const marketing = input.marketing ?? purpose === 'winback';
  await assertSendable(deps, actor.workspaceId, r, marketing);
  const row = messageRow(actor, r, r.email!, locale, purpose, subject, body, 'single', marketing, toDbTime(now));
  if (survey) survey.row.email_message_id = row.id;
  const thanks = input.thankYou;
  await enqueue(deps, [row], survey ? [survey.row] : [], thanks && ((trx) => recordThankYou(trx, actor, customerId, { kind: 'email', occasion: thanks.occasion, owedId: thanks.owedId, emailMessageId: row.id }, now)));
  return { preview: false, message: toMessage(row), subject, body: hideSurveyTokens(body) };
}

/** Bulk email is marketing: only customers with consent, an address, and not unsubscribed. */
export async function sendBulk(deps: EmailDeps, actor: Actor, input: z.output<typeof bulkEmailSchema>) {
  const repo = createEmailRepository(deps.db);
  if (!(await repo.getSettings(actor.workspaceId))) throw notConfigured();
  const ids = [...new Set(input.customerIds)];
  const workspace = await repo.workspace(actor.workspaceId);
  const recipients: Recipient[] = [];
  for (let i = 0; i < ids.length; i += 500) recipients.push(...(await repo.recipients(actor.workspaceId, ids.slice(i, i + 500))));
  const unsubscribed = await repo.unsubscribedKeys(actor.workspaceId, recipients.flatMap((r) => (r.email ? [addressKey(r.email)] : [])));
  const skipped = { noConsent: 0, unsubscribed: 0, noEmail: 0, notFound: ids.length - recipients.length };
  const at = deps.clock.now();
  const now = toDbTime(at);
  const rows: EmailMessagesTable[] = [];
  const surveys: SurveyInvitationsTable[] = [];
  const templates = new Map<string, { subject: string; body: string }>();
  for (const r of recipients) {
    if (!r.email) { skipped.noEmail++; continue; }
    if (r.consent_given !== 1) { skipped.noConsent++; continue; }
    if (unsubscribed.has(addressKey(r.email))) { skipped.unsubscribed++; continue; }
    const locale = input.locale ?? r.preferred_language ?? workspace.locale;
    if (!templates.has(locale)) templates.set(locale, await getTemplate(deps, actor.workspaceId, input.purpose, locale));
    const t = templates.get(locale)!;
    const survey = surveyFor(deps, actor, r, input.purpose, locale, t, at);
    const values = placeholderValues(r, locale, workspace.time_zone, input.couponCode, survey?.link);
    const row = messageRow(actor, r, r.email!, locale, input.purpose, renderText(t.subject, values), renderText(t.body, values), 'bulk', true, now);
    rows.push(row);
    if (survey) surveys.push({ ...survey.row, email_message_id: row.id });
  }
  await enqueue(deps, rows, surveys);
  return { queued: rows.length, skipped };
}

export async function listMessages(deps: EmailDeps, actor: Actor, filter: { customerId?: string; status?: string; limit: number }): Promise<EmailMessage[]> {
  return (await createEmailRepository(deps.db).listMessages(actor.workspaceId, filter)).map(toMessage);
}

const iso = (v: string | null) => (v ? new Date(v).toISOString() : null);

export function toMessage(row: EmailMessagesTable): EmailMessage {
  return {
    id: row.id, customerId: row.customer_id, to: row.to_address, locale: row.locale, purpose: row.purpose, subject: row.subject, body: hideSurveyTokens(row.body), kind: row.kind,
    status: row.status, attempts: row.attempts, nextAttemptAt: row.status === 'queued' ? iso(row.next_attempt_at) : null, lastError: row.last_error,
    messageId: row.message_id, sentAt: iso(row.sent_at), activityId: row.activity_id, createdAt: new Date(row.created_at).toISOString(),
  };
}

export const unsubscribeLink = (deps: Pick<EmailDeps, 'publicUrl'>, token: string) => `${deps.publicUrl}/u/${token}`;
