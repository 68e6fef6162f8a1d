import { toDbTime } from '../../db/dialect.ts';
import type { EmailMessagesTable } from '../../db/schema.ts';
import { createEmailRepository } from './email.repository.ts';
import { unsubscribeLink } from './outbox.usecases.ts';
import { fromOf, smtpErrorText, transportFor, type EmailDeps } from './smtp-settings.usecases.ts';
import { repeatEvery } from '../../shared/repeat.ts';
import { hideSurveyTokens } from '../surveys/survey-tokens.ts';

/**
 * The outbox sender: a background job in each app instance. A message is claimed with an
 * UPDATE guarded by its status, so with several instances one sends it. A failure is kept on
 * the message (last_error) and retried after 1, 5, 30 and 120 minutes; the fifth failure is
 * final ('failed'); a permanent refusal (5xx, e.g. unknown recipient) is 'bounced' at once.
 */
export const BACKOFF_MINUTES = [1, 5, 30, 120];
export const MAX_ATTEMPTS = 5;
const STALE_MS = 10 * 60_000;

export interface SenderDeps extends EmailDeps {
  log?: (message: string, error?: unknown) => void;
}

const UNSUBSCRIBE_LINE: Record<string, string> = { en: 'Unsubscribe from these emails', ru: 'Отписаться от этих писем' };

/** The text that goes out: the body, and for marketing messages the unsubscribe link. */
export function outgoingText(deps: Pick<EmailDeps, 'publicUrl'>, m: EmailMessagesTable): string {
  if (!m.marketing) return m.body;
  return `${m.body}\n\n--\n${UNSUBSCRIBE_LINE[m.locale] ?? UNSUBSCRIBE_LINE.en}: ${unsubscribeLink(deps, m.unsubscribe_token)}\n`;
}

/** One pass: every due message, within each workspace's rate limit. Returns how many were sent. */
export async function runDueEmails(deps: SenderDeps): Promise<number> {
  const repo = createEmailRepository(deps.db);
  const now = deps.clock.now();
  const staleBefore = toDbTime(new Date(now.getTime() - STALE_MS));
  const due = await repo.dueMessages(toDbTime(now), staleBefore, 200);
  const budget = new Map<string, number>();
  let sent = 0;
  for (const { workspace_id, id } of due) {
    const settings = await repo.getSettings(workspace_id);
    if (!settings) continue;
    if (!budget.has(workspace_id)) budget.set(workspace_id, settings.rate_per_minute - (await repo.sentSince(workspace_id, toDbTime(new Date(now.getTime() - 60_000)))));
    if (budget.get(workspace_id)! <= 0) continue;
    if (!(await repo.claim(workspace_id, id, toDbTime(now), staleBefore))) continue;
    const message = (await repo.getMessage(workspace_id, id))!;
    budget.set(workspace_id, budget.get(workspace_id)! - 1);
    const attempts = message.attempts + 1;
    try {
      const transport = transportFor(deps, settings);
      const link = unsubscribeLink(deps, message.unsubscribe_token);
      try {
        const info = await transport.sendMail({
          from: fromOf(settings),
          to: message.to_address,
          subject: message.subject,
          text: outgoingText(deps, message),
          headers: { 'Content-Language': message.locale },
          ...(message.marketing ? { list: { unsubscribe: { url: link, comment: 'Unsubscribe' } }, headers: { 'Content-Language': message.locale, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' } } : {}),
        });
        const at = toDbTime(deps.clock.now());
        await repo.updateMessage(workspace_id, id, { status: 'sent', body: hideSurveyTokens(message.body), attempts, sent_at: at, message_id: info.messageId ?? null, last_error: null, claimed_at: null, updated_at: at });
        sent++;
      } finally {
        transport.close();
      }
    } catch (error) {
      const text = smtpErrorText(error);
      const code = (error as { responseCode?: number }).responseCode;
      const permanent = typeof code === 'number' && code >= 500 && code < 600 && code !== 530 && code !== 535;
      const at = deps.clock.now();
      const status = permanent ? 'bounced' : attempts >= MAX_ATTEMPTS ? 'failed' : 'queued';
      const next = new Date(at.getTime() + (BACKOFF_MINUTES[attempts - 1] ?? BACKOFF_MINUTES.at(-1)!) * 60_000);
      await repo.updateMessage(workspace_id, id, { status, attempts, last_error: text, next_attempt_at: toDbTime(next), claimed_at: null, updated_at: toDbTime(at) });
      deps.log?.(`Email ${id} of workspace ${workspace_id}: ${status} after attempt ${attempts}: ${text}`);
    }
  }
  return sent;
}

/** Checks every `intervalMs` until stopped; a pass never overlaps the previous one. */
export function startEmailSender(deps: SenderDeps, intervalMs = 2_000): { stop(): Promise<void> } {
  return repeatEvery(intervalMs, () => runDueEmails(deps), (error) => deps.log?.('The email sender failed a pass', error));
}
