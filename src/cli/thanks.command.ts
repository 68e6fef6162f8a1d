import { Command } from 'commander';
import { listOwed } from '../modules/thanks/thanks.usecases.ts';
import { systemClock } from '../shared/clock.ts';
import { withDatabase } from './database.ts';
import { amount, table } from './table.ts';
import { pickWorkspace } from './workspace-option.ts';

const RULE_NAMES: Record<string, string> = {
  referral_bought: 'referral bought', first_purchase: 'first purchase', entered_gold: 'entered gold', big_purchase: 'big purchase', anniversary: 'anniversary', birthday: 'birthday',
};

export function thanksCommand(): Command {
  const command = new Command('thanks').description('thank-yous: who is owed thanks by the rules in Settings → Thank-yous');
  command
    .command('owed')
    .description('list the thanks owed now (each occasion once, until done or dismissed), newest first')
    .option('-w, --workspace <id or name>', 'the workspace (needed when there are several)')
    .option('--json', 'print JSON')
    .action(async (options: { workspace?: string; json?: boolean }) => {
      await withDatabase(async (database) => {
        const workspaceId = await pickWorkspace(database, options.workspace);
        const actor = { workspaceId, userId: 'cli', role: 'owner' as const, via: 'session' as const, scope: 'read_write' as const };
        const items = await listOwed({ db: database.db, clock: systemClock }, actor, { status: 'owed', limit: 1000 });
        if (options.json) {
          console.log(JSON.stringify({ items }, null, 2));
          return;
        }
        if (items.length === 0) {
          console.log('No thanks owed.');
          return;
        }
        console.log(table(['customer', 'for', 'on', 'detail'], items.map((o) => [
          o.customerName, RULE_NAMES[o.rule] ?? o.rule, o.occurredOn,
          o.detail.referralName ? `referred ${o.detail.referralName}` : o.detail.amountMinor !== undefined ? `${amount(o.detail.currency ?? '')(o.detail.amountMinor)} ${o.detail.currency}` : o.detail.years ? `${o.detail.years} years` : '',
        ])));
        console.log(`\n${items.length} owed`);
      });
    });
  return command;
}
