import { Command } from 'commander';
import { setupRequestSchema } from '../contracts/auth.ts';
import { systemClock } from '../shared/clock.ts';
import { randomToken } from '../shared/ids.ts';
import { parseInput } from '../shared/validation.ts';
import { createWorkspacesRepository } from '../modules/workspaces/workspaces.repository.ts';
import { createWorkspace } from '../modules/workspaces/workspaces.usecases.ts';
import { withDatabase } from './database.ts';
import { readStdinLine } from './prompt.ts';

export function workspaceCommand(): Command {
  const workspace = new Command('workspace').description('list or create workspaces (one business each)');

  workspace
    .command('list')
    .description('list the workspaces of this installation')
    .action(async () => {
      await withDatabase(async (database) => {
        for (const w of await createWorkspacesRepository(database.db).listWorkspaces()) {
          console.log(`${w.id}\t${w.name}\t${w.base_currency}\t${w.locale}\t${w.time_zone}`);
        }
      });
    });

  workspace
    .command('create')
    .description('create another workspace with its owner (the first one is created in the browser)')
    .requiredOption('--name <name>', 'business name')
    .requiredOption('--owner-email <email>', "owner's sign-in email")
    .requiredOption('--owner-name <name>', "owner's name")
    .option('--currency <code>', 'base currency (ISO 4217)', 'EUR')
    .option('--locale <locale>', 'en or ru', 'en')
    .option('--time-zone <zone>', 'IANA time zone', 'UTC')
    .option('--password-stdin', "read the owner's password from standard input")
    .action(async (o: { name: string; ownerEmail: string; ownerName: string; currency: string; locale: string; timeZone: string; passwordStdin?: boolean }) => {
      const generated = o.passwordStdin ? undefined : randomToken(15);
      const input = parseInput(setupRequestSchema, {
        workspaceName: o.name,
        baseCurrency: o.currency,
        locale: o.locale,
        timeZone: o.timeZone,
        ownerName: o.ownerName,
        email: o.ownerEmail,
        password: generated ?? (await readStdinLine()),
      });
      await withDatabase(async (database) => {
        const created = await createWorkspace({ db: database.db, dialect: database.dialect, clock: systemClock }, input);
        console.log(`Created workspace ${o.name} (id ${created.workspaceId}) with owner ${input.email}.`);
        if (generated) console.log(`Owner password (shown once): ${generated}`);
      });
    });
  return workspace;
}
