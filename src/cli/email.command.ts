import { Command } from 'commander';
import { sendTestEmail } from '../modules/email/smtp-settings.usecases.ts';
import { AppError } from '../shared/errors.ts';
import { systemClock } from '../shared/clock.ts';
import { withDatabase } from './database.ts';
import { pickWorkspace } from './workspace-option.ts';

export function emailCommand(): Command {
  const command = new Command('email').description("email through the workspace's SMTP settings (Settings → Email)");
  command
    .command('test')
    .description("send a test email now and print the SMTP server's answer")
    .requiredOption('--to <address>', 'where to send it')
    .option('-w, --workspace <id or name>', 'the workspace (needed when there are several)')
    .action(async (options: { to: string; workspace?: string }) => {
      await withDatabase(async (database, config) => {
        const workspaceId = await pickWorkspace(database, options.workspace);
        const actor = { workspaceId, userId: 'cli', role: 'owner' as const, via: 'session' as const, scope: 'read_write' as const };
        const result = await sendTestEmail({ db: database.db, clock: systemClock, secretKey: config.secretKey, publicUrl: config.publicUrl }, actor, options.to);
        if (!result.ok) throw new AppError('email.smtp_failed', 502, `Sending to ${options.to} failed: ${result.error}`);
        console.log(`Sent to ${options.to}: ${result.response}`);
      });
    });
  return command;
}
