import { randomBytes } from 'node:crypto';
import type { z } from 'zod';
import type { bulkEmailSchema, emailMessageSchema, sendEmailSchema } from '../../contracts/email.ts';
import { toDbTime } from '../../db/dialect.ts';
import type { EmailMessagesTable, EmailPurpose } from '../../db/schema.ts';
import { badRequest, conflict, notFound } from '../../shared/errors.ts';
import { newId } from '../../shared/ids.ts';
import type { Actor } from '../auth/permissions.ts';
import { createEmailRepository } from './email.repository.ts';
import { notConfigured, type EmailDeps } from './smtp-settings.usecases.ts';
import { getTemplate, renderText, unknownPlaceholders } from './templates.usecases.ts';

type Recipient = Awaited<ReturnType<ReturnType<typeof createEmailRepository>['recipients']>>[number];
export type EmailMessage = z.infer<typeof emailMessageSchema>;

export const addressKey = (address: string) => address.trim().toLowerCase();

/**
 * The placeholders' values. {referralName} is whom the customer referred most recently, or,
 * when they referred nobody, who referred them; {lastPurchase} is the date in the message's language.
 */
export function placeholderValues(r: Recipient, locale: string, timeZone: string, couponCode: string | undefined): Record<string, string> {
  return {
    firstName: r.first_name ?? r.display_name,
    lastName: r.last_name ?? '',
    lastPurchase: r.last_purchase_at ? new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone }).format(new Date(r.last_purchase_at)) : '',
    referralName: r.referred_name ?? r.referrer_name ?? '',
    couponCode: couponCode ?? '',
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

/** Queues the message and puts it on the customer's timeline as an 'email' activity in one transaction. */
async function enqueue(deps: EmailDeps, rows: EmailMessagesTable[]): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const repo = createEmailRepository(trx);
    for (const row of rows) {
      await trx.insertInto('activities').values({ workspace_id: row.workspace_id, id: row.activity_id!, customer_id: row.customer_id, kind: 'email', occurred_at: row.created_at, author_id: row.created_by, body: `${row.subject}\n\n${row.body}`, created_at: row.created_at, updated_at: row.created_at }).execute();
      await repo.insertMessage(row);
    }
  });
}

export async function sendToCustomer(deps: EmailDeps, actor: Actor, customerId: string, input: z.output<typeof sendEmailSchema>) {
  const repo = createEmailRepository(deps.db);
  const [r] = await repo.recipients(actor.workspaceId, [customerId]);
  if (!r) throw notFound('customer');
  const workspace = await repo.workspace(actor.workspaceId);
  const purpose = input.purpose ?? 'custom';
  const locale = input.locale ?? r.preferred_language ?? workspace.locale;
  const content = await contentFor(deps, actor.workspaceId, purpose, locale, input);
  const values = placeholderValues(r, locale, workspace.time_zone, input.couponCode);
  const subject = renderText(content.subject, values);
  const body = renderText(content.body, values);
  if (input.preview) return { preview: true, message: null, subject, body };
  if (!(await repo.getSettings(actor.workspaceId))) throw notConfigured();
  if (!r.email) throw conflict('email.no_address', 'This customer has no email address');
  if ((await repo.unsubscribedKeys(actor.workspaceId, [addressKey(r.email)])).size > 0) throw conflict('email.unsubscribed', 'This address unsubscribed from our emails');
  const marketing = input.marketing ?? purpose === 'winback';
  if (marketing && r.consent_given !== 1) throw conflict('email.no_consent', 'This customer has not given marketing consent');
  const row = messageRow(actor, r, r.email, locale, purpose, subject, body, 'single', marketing, toDbTime(deps.clock.now()));
  await enqueue(deps, [row]);
  return { preview: false, message: toMessage(row), subject, body };
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
  const now = toDbTime(deps.clock.now());
  const rows: EmailMessagesTable[] = [];
  const templates = new Map<string, { subject: string; body: string }>();
  for (const r of recipients) {
    if (!r.email) { skipped.noEmail++; continue; }
    if (r.consent_given !== 1) { skipped.noConsent++; continue; }
    if (unsubscribed.has(addressKey(r.email))) { skipped.unsubscribed++; continue; }
    const locale = input.locale ?? r.preferred_language ?? workspace.locale;
    if (!templates.has(locale)) templates.set(locale, await getTemplate(deps, actor.workspaceId, input.purpose, locale));
    const t = templates.get(locale)!;
    const values = placeholderValues(r, locale, workspace.time_zone, input.couponCode);
    rows.push(messageRow(actor, r, r.email, locale, input.purpose, renderText(t.subject, values), renderText(t.body, values), 'bulk', true, now));
  }
  await enqueue(deps, rows);
  return { queued: rows.length, skipped };
}

export async function listMessages(deps: EmailDeps, actor: Actor, filter: { customerId?: string; status?: string; limit: number }): Promise<EmailMessage[]> {
  return (await createEmailRepository(deps.db).listMessages(actor.workspaceId, filter)).map(toMessage);
}

const iso = (v: string | null) => (v ? new Date(v).toISOString() : null);

export function toMessage(row: EmailMessagesTable): EmailMessage {
  return {
    id: row.id, customerId: row.customer_id, to: row.to_address, locale: row.locale, purpose: row.purpose, subject: row.subject, body: row.body, kind: row.kind,
    status: row.status, attempts: row.attempts, nextAttemptAt: row.status === 'queued' ? iso(row.next_attempt_at) : null, lastError: row.last_error,
    messageId: row.message_id, sentAt: iso(row.sent_at), activityId: row.activity_id, createdAt: new Date(row.created_at).toISOString(),
  };
}

export const unsubscribeLink = (deps: Pick<EmailDeps, 'publicUrl'>, token: string) => `${deps.publicUrl}/u/${token}`;
