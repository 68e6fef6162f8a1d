import { toDbTime } from '../../db/dialect.ts';
import { dayIn } from '../../shared/days.ts';
import { repeatEvery } from '../../shared/repeat.ts';
import type { Actor } from '../auth/permissions.ts';
import { createEmailRepository } from '../email/email.repository.ts';
import { fromOf, smtpErrorText, transportFor, type EmailDeps } from '../email/smtp-settings.usecases.ts';
import { todayQueue } from '../today/today.usecases.ts';
import { digestMessage, itemCount } from './digest-message.ts';
import { createRemindersRepository } from './reminders.repository.ts';
import { DEFAULT_DIGEST_HOUR } from './reminders.usecases.ts';

/**
 * The daily digest: each user, once their local hour reaches their digest hour, gets one email
 * with what the Today queue holds for them. Inserting the day's digest_runs row is the lock, so
 * with several instances on one database it goes out once; a failed send is retried on later
 * passes (RETRY_AFTER_MS apart), and a claim left 'sending' by an instance that died is taken back
 * after STALE_MS; each claim counts as an attempt, at most MAX_ATTEMPTS a day.
 */
export const MAX_ATTEMPTS = 3;
export const RETRY_AFTER_MS = 5 * 60_000;
export const STALE_MS = 15 * 60_000;
/** Items listed per section (the counts cover all). */
const QUEUE_LIMIT = 5;

export interface DigestDeps extends EmailDeps {
  log?: (message: string, error?: unknown) => void;
}

export interface DigestPass {
  sent: number;
  nothing: number;
  failed: number;
}

const hourFormats = new Map<string, Intl.DateTimeFormat>();
/** The hour (0–23) of an instant in a time zone. */
export function hourIn(instant: Date, timeZone: string): number {
  let format = hourFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', hourCycle: 'h23' });
    hourFormats.set(timeZone, format);
  }
  return Number(format.format(instant));
}

export async function runDueDigests(deps: DigestDeps): Promise<DigestPass> {
  const repo = createRemindersRepository(deps.db);
  const email = createEmailRepository(deps.db);
  const pass: DigestPass = { sent: 0, nothing: 0, failed: 0 };
  for (const user of await repo.digestCandidates()) {
    const now = deps.clock.now();
    const zone = user.time_zone ?? user.workspace_time_zone;
    const digestHour = user.digest_hour ?? DEFAULT_DIGEST_HOUR;
    if (hourIn(now, zone) < digestHour) continue;
    const day = dayIn(now, zone);
    const key = [user.workspace_id, user.user_id, day] as const;
    const existing = await repo.digestRun(...key);
    const claimed = existing
      ? await repo.claimAgain(...key, { now: toDbTime(now), retryBefore: toDbTime(new Date(now.getTime() - RETRY_AFTER_MS)), staleBefore: toDbTime(new Date(now.getTime() - STALE_MS)), maxAttempts: MAX_ATTEMPTS })
      : await repo.claimNew(...key, toDbTime(now));
    if (!claimed) continue;
    const attempts = (await repo.digestRun(...key))?.attempts ?? 1;
    try {
      const actor: Actor = { workspaceId: user.workspace_id, userId: user.user_id, role: user.role, via: 'session', scope: 'read' };
      const queue = await todayQueue({ db: deps.db, clock: deps.clock }, actor, { scope: 'mine', limit: QUEUE_LIMIT });
      const items = itemCount(queue);
      if (items === 0) {
        await repo.finishRun(...key, { status: 'nothing', items: 0, last_error: null });
        pass.nothing++;
        continue;
      }
      const settings = await email.getSettings(user.workspace_id);
      if (!settings) throw new Error('Email is no longer set up');
      const message = digestMessage({ queue, locale: user.locale, userName: user.name, digestHour, publicUrl: deps.publicUrl, day });
      const transport = transportFor(deps, settings);
      try {
        await transport.sendMail({ from: fromOf(settings), to: user.email, subject: message.subject, text: message.text, html: message.html, headers: { 'Content-Language': message.lang, 'Auto-Submitted': 'auto-generated' } });
      } finally {
        transport.close();
      }
      await repo.finishRun(...key, { status: 'sent', items, last_error: null, sent_at: toDbTime(deps.clock.now()) });
      pass.sent++;
    } catch (error) {
      const text = smtpErrorText(error);
      await repo.finishRun(...key, { status: 'failed', last_error: text });
      pass.failed++;
      deps.log?.(`Digest of user ${user.user_id} (workspace ${user.workspace_id}) for ${day}: attempt ${attempts} failed: ${text}`);
    }
  }
  return pass;
}

/** Checks every `intervalMs` until stopped; a pass never overlaps the previous one. */
export function startDigestScheduler(deps: DigestDeps, intervalMs = 60_000): { stop(): Promise<void> } {
  return repeatEvery(intervalMs, () => runDueDigests(deps), (error) => deps.log?.('The digest scheduler failed a pass', error));
}
