import { Command } from 'commander';
import type { TodayQueue } from '../contracts/today.ts';
import { createUsersRepository } from '../modules/users/users.repository.ts';
import { todayQueue } from '../modules/today/today.usecases.ts';
import { systemClock } from '../shared/clock.ts';
import { badRequest } from '../shared/errors.ts';
import { withDatabase } from './database.ts';
import { amount, table } from './table.ts';
import { pickWorkspace } from './workspace-option.ts';

const TITLES: Record<keyof TodayQueue['sections'], string> = {
  followUpsDue: 'Follow-ups due', thanksOwed: 'Thanks owed', goldDrifting: 'Gold and silver drifting', lapsedToAsk: 'Lapsed: ask why', keyDates: 'Key dates', newCustomers: 'New customers',
};

export function todayCommand(): Command {
  return new Command('today')
    .description('the Today queue: follow-ups due, thanks owed, gold drifting, lapsed to ask, key dates, new customers')
    .option('-w, --workspace <id or name>', 'the workspace (needed when there are several)')
    .option('-u, --user <email>', 'whose queue ("mine" first, in their language); default the workspace owner')
    .option('--json', 'print JSON: each section a list of items')
    .action(async (options: { workspace?: string; user?: string; json?: boolean }) => {
      await withDatabase(async (database) => {
        const workspaceId = await pickWorkspace(database, options.workspace);
        const users = await createUsersRepository(database.db).listUsers(workspaceId);
        const user = options.user
          ? users.find((u) => u.email.toLowerCase() === options.user!.trim().toLowerCase())
          : users.filter((u) => u.role === 'owner' && !u.disabled_at).toSorted((a, b) => a.created_at.localeCompare(b.created_at))[0];
        if (!user) throw badRequest('cli.user_unknown', options.user ? `No user with email "${options.user}" in this workspace` : 'The workspace has no owner: name a user with --user <email>');
        const actor = { workspaceId, userId: user.id, role: user.role, via: 'session' as const, scope: 'read_write' as const };
        const queue = await todayQueue({ db: database.db, clock: systemClock }, actor, { scope: 'everyone', limit: 200 });
        if (options.json) {
          console.log(JSON.stringify(Object.fromEntries(Object.entries(queue.sections).map(([k, s]) => [k, s.items])), null, 2));
          return;
        }
        const m = amount(queue.currency);
        console.log(`Today, ${queue.today} (${queue.timeZone}), for ${user.name}`);
        for (const [key, s] of Object.entries(queue.sections) as [keyof TodayQueue['sections'], TodayQueue['sections'][keyof TodayQueue['sections']]][]) {
          console.log(`\n${TITLES[key]} (${s.count})`);
          if (s.items.length === 0) console.log('  nothing');
          else console.log(table(['customer', 'why', 'day', `at stake ${queue.currency}`], s.items.map((i) => [i.customerName, i.reason, i.day, m(i.valueAtStakeMinor)])));
        }
        const w = queue.week;
        console.log(`\nThis week from ${w.from}: revenue ${m(w.thisWeek.revenueMinor)} ${queue.currency} (last week ${m(w.lastWeek.revenueMinor)}), new customers ${w.thisWeek.newCustomers} (${w.lastWeek.newCustomers}), returning ${w.thisWeek.returningCustomers} (${w.lastWeek.returningCustomers})`);
      });
    });
}
