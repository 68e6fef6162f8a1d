import type { Kysely } from 'kysely';
import nodemailer, { type Transporter } from 'nodemailer';
import type { z } from 'zod';
import type { emailSettingsSchema, putEmailSettingsSchema, testEmailResultSchema } from '../../contracts/email.ts';
import { toDbTime } from '../../db/dialect.ts';
import type { DB, EmailSettingsTable } from '../../db/schema.ts';
import type { Clock } from '../../shared/clock.ts';
import { AppError } from '../../shared/errors.ts';
import type { Actor } from '../auth/permissions.ts';
import { createEmailRepository } from './email.repository.ts';
import { seal, unseal } from './secret-box.ts';

export interface EmailDeps {
  db: Kysely<DB>;
  clock: Clock;
  secretKey: string | undefined;
  publicUrl: string;
}

export const notConfigured = () => new AppError('email.not_configured', 409, 'Email is not set up: enter the SMTP server in Settings → Email');

export async function getSettings(deps: EmailDeps, actor: Actor): Promise<z.infer<typeof emailSettingsSchema>> {
  const row = await createEmailRepository(deps.db).getSettings(actor.workspaceId);
  return {
    configured: !!row,
    host: row?.host ?? '',
    port: row?.port ?? 587,
    security: row?.security ?? 'starttls',
    user: row?.username ?? null,
    passwordSet: !!row?.password_sealed,
    fromAddress: row?.from_address ?? '',
    fromName: row?.from_name ?? null,
    ratePerMinute: row?.rate_per_minute ?? 30,
    secretKeyConfigured: !!deps.secretKey,
    updatedAt: row ? new Date(row.updated_at).toISOString() : null,
  };
}

export async function saveSettings(deps: EmailDeps, actor: Actor, input: z.output<typeof putEmailSettingsSchema>) {
  const repo = createEmailRepository(deps.db);
  const existing = await repo.getSettings(actor.workspaceId);
  const password_sealed = input.password === undefined ? (existing?.password_sealed ?? null) : input.password === null || input.password === '' ? null : seal(deps.secretKey, input.password);
  await repo.saveSettings({
    workspace_id: actor.workspaceId,
    host: input.host,
    port: input.port,
    security: input.security,
    username: input.user || null,
    password_sealed,
    from_address: input.fromAddress,
    from_name: input.fromName || null,
    rate_per_minute: input.ratePerMinute,
    updated_at: toDbTime(deps.clock.now()),
  });
  return getSettings(deps, actor);
}

export function transportFor(deps: Pick<EmailDeps, 'secretKey'>, row: EmailSettingsTable): Transporter {
  return nodemailer.createTransport({
    host: row.host,
    port: row.port,
    secure: row.security === 'tls',
    requireTLS: row.security === 'starttls',
    ignoreTLS: row.security === 'none',
    auth: row.username ? { user: row.username, pass: row.password_sealed ? unseal(deps.secretKey, row.password_sealed) : '' } : undefined,
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 30_000,
  });
}

export function fromOf(row: EmailSettingsTable): string | { name: string; address: string } {
  return row.from_name ? { name: row.from_name, address: row.from_address } : row.from_address;
}

/** Sends at once and reports what the server said (or why it failed). */
export async function sendTestEmail(deps: EmailDeps, actor: Actor, to: string): Promise<z.infer<typeof testEmailResultSchema>> {
  const repo = createEmailRepository(deps.db);
  const row = await repo.getSettings(actor.workspaceId);
  if (!row) throw notConfigured();
  const workspace = await repo.workspace(actor.workspaceId);
  const transport = transportFor(deps, row);
  try {
    const info = await transport.sendMail({
      from: fromOf(row),
      to,
      subject: workspace.locale === 'ru' ? `Rapport: проверка почты (${workspace.name})` : `Rapport: test email (${workspace.name})`,
      text: workspace.locale === 'ru' ? 'Если вы читаете это письмо, отправка почты из Rapport работает.' : 'If you can read this, Rapport can send email.',
    });
    return { ok: true, response: info.response ?? null, messageId: info.messageId ?? null, error: null };
  } catch (error) {
    return { ok: false, response: null, messageId: null, error: smtpErrorText(error) };
  } finally {
    transport.close();
  }
}

export function smtpErrorText(error: unknown): string {
  const e = error as { message?: string; response?: string; code?: string };
  return (e.response || e.message || String(error)) + (e.code && !(e.response || e.message || '').includes(e.code) ? ` (${e.code})` : '');
}
