import { Command } from 'commander';
import { createUserSchema } from '../contracts/users.ts';
import { randomToken } from '../shared/ids.ts';
import { systemClock } from '../shared/clock.ts';
import { parseInput } from '../shared/validation.ts';
import { createUser, listUsers } from '../modules/users/users.usecases.ts';
import { withDatabase } from './database.ts';
import { readStdinLine } from './prompt.ts';
import { cliActor, pickWorkspace } from './workspace-option.ts';

/** The CLI runs with the machine owner's authority: it acts as a workspace owner. */

export function userCommand(): Command {
  const user = new Command('user').description('manage the users of a workspace');

  user
    .command('create')
    .description('create a user; prints a generated password unless --password-stdin is given')
    .requiredOption('--email <email>', 'sign-in email')
    .requiredOption('--name <name>', 'full name')
    .option('--role <role>', 'owner, admin, member or viewer', 'member')
    .option('--locale <locale>', 'interface language: en or ru')
    .option('--password-stdin', 'read the password from the first line of standard input')
    .option('-w, --workspace <id or name>', 'workspace (needed only when there are several)')
    .action(async (options: { email: string; name: string; role: string; locale?: string; passwordStdin?: boolean; workspace?: string }) => {
      const generated = options.passwordStdin ? undefined : randomToken(15);
      const password = generated ?? (await readStdinLine());
      const input = parseInput(createUserSchema, { email: options.email, name: options.name, role: options.role, locale: options.locale, password });
      await withDatabase(async (database) => {
        const workspaceId = await pickWorkspace(database, options.workspace);
        const created = await createUser({ db: database.db, clock: systemClock }, cliActor(workspaceId), input);
        console.log(`Created ${created.role} ${created.name} <${created.email}> (id ${created.id}).`);
        if (generated) console.log(`Password (shown once; ask them to change it in Settings → My account): ${generated}`);
      });
    });

  user
    .command('list')
    .description('list the users of a workspace')
    .option('-w, --workspace <id or name>', 'workspace (needed only when there are several)')
    .action(async (options: { workspace?: string }) => {
      await withDatabase(async (database) => {
        const workspaceId = await pickWorkspace(database, options.workspace);
        for (const u of await listUsers({ db: database.db, clock: systemClock }, cliActor(workspaceId))) {
          console.log(`${u.email}\t${u.role}\t${u.name}${u.disabled ? '\t(disabled)' : ''}`);
        }
      });
    });
  return user;
}
