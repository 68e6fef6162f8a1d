import { Command } from 'commander';
import { winbackQueue } from '../modules/winback/winback.usecases.ts';
import { systemClock } from '../shared/clock.ts';
import { withDatabase } from './database.ts';
import { amount, percent, table } from './table.ts';
import { pickWorkspace } from './workspace-option.ts';

export function winbackCommand(): Command {
  return new Command('winback')
    .description('the win-back queue: gold and silver customers at risk or lapsed, most value at stake first')
    .option('-w, --workspace <id or name>', 'the workspace (needed when there are several)')
    .option('--json', 'print JSON (money in minor units of "currency")')
    .action(async (options: { workspace?: string; json?: boolean }) => {
      await withDatabase(async (database, config) => {
        const workspaceId = await pickWorkspace(database, options.workspace);
        const actor = { workspaceId, userId: 'cli', role: 'owner' as const, via: 'session' as const, scope: 'read_write' as const };
        const deps = { db: database.db, clock: systemClock, secretKey: config.secretKey, publicUrl: config.publicUrl };
        const queue = await winbackQueue(deps, actor, { includeContacted: true });
        if (options.json) {
          console.log(JSON.stringify(queue, null, 2));
          return;
        }
        if (queue.items.length === 0) {
          console.log('No gold or silver customer is at risk or lapsed.');
          return;
        }
        const m = amount(queue.currency);
        console.log(table(['customer', 'tier', 'state', 'usual gap', 'days since', 'P(alive)', `at stake ${queue.currency}`, 'last action'], queue.items.map((e) => [
          e.name, e.tier, e.lapseState.replace('_', ' '), e.usualGapDays === null ? '—' : `${Math.round(e.usualGapDays)} d`, e.daysSinceLast ?? '—', percent(e.pAlive),
          `${m(e.valueAtStakeMinor)}${e.valueBasis === 'clv' ? ' (CLV)' : ''}`, e.lastAction ? `${e.lastAction.action} ${e.lastAction.at.slice(0, 10)}` : '—',
        ])));
        console.log(`\n${queue.items.length} customers, ${m(queue.valueAtStakeMinor)} ${queue.currency} at stake`);
      });
    });
}
