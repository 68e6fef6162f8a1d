import fs from 'node:fs';
import path from 'node:path';
import { Command, Option } from 'commander';
import { exportCustomers } from '../modules/exports/exports.usecases.ts';
import type { SheetFormat } from '../modules/exports/sheet-writers.ts';
import { checkFilter } from '../modules/segments/segments.usecases.ts';
import { systemClock } from '../shared/clock.ts';
import { withDatabase } from './database.ts';
import { cliActor, pickWorkspace } from './workspace-option.ts';

const langOption = () => new Option('--lang <lang>', 'the language of error messages').choices(['en', 'ru']).default('en');

/** `rapport segment count|list '<filter>'`: the filter language (docs/filters.md) from the command line. */
export function segmentCommand(): Command {
  const command = new Command('segment').description('count or list the customers a filter matches (the filter language of docs/filters.md)');
  command
    .command('count')
    .description('how many live customers a filter matches, e.g. rapport segment count \'tier = gold and last_purchase < 90 days ago\'')
    .argument('<filter>', 'a filter, quoted for the shell')
    .option('-w, --workspace <id or name>', 'the workspace (needed when there are several)')
    .option('--json', 'print JSON: { "count": N }')
    .addOption(langOption())
    .action(async (filter: string, options: { workspace?: string; json?: boolean; lang: 'en' | 'ru' }) => {
      await withDatabase(async (database) => {
        const workspaceId = await pickWorkspace(database, options.workspace);
        // A mistake is an AppError (filters.invalid) whose message says where: runCli prints it and exits non-zero.
        const { count, text } = await checkFilter({ db: database.db, clock: systemClock }, cliActor(workspaceId), filter, options.lang);
        if (options.json) {
          console.log(JSON.stringify({ count }, null, 2));
          return;
        }
        console.log(`${count.toLocaleString('en')} ${count === 1 ? 'customer matches' : 'customers match'}${text ? ` ${text}` : ' (no filter: every live customer)'}.`);
      });
    });
  command
    .command('list')
    .description('write the customers a filter matches as CSV or XLSX, with the columns of `rapport export customers`')
    .argument('<filter>', 'a filter, quoted for the shell')
    .option('-w, --workspace <id or name>', 'the workspace (needed when there are several)')
    .addOption(new Option('-f, --format <format>', 'file format').choices(['csv', 'xlsx']).default('xlsx'))
    .requiredOption('-o, --out <file>', 'where to write it')
    .addOption(langOption())
    .action(async (filter: string, options: { workspace?: string; format: SheetFormat; out: string; lang: 'en' | 'ru' }) => {
      await withDatabase(async (database) => {
        const workspaceId = await pickWorkspace(database, options.workspace);
        const deps = { db: database.db, clock: systemClock };
        const actor = cliActor(workspaceId);
        // Checked first, so that a mistake leaves no empty file behind.
        const { count } = await checkFilter(deps, actor, filter, options.lang);
        const file = path.resolve(options.out);
        const out = fs.createWriteStream(file);
        const done = new Promise<void>((resolve, reject) => out.on('finish', () => resolve()).on('error', reject));
        await exportCustomers(deps, actor, { filter, lang: options.lang, sort: 'name', order: 'asc', limit: 500 }, options.format, out);
        await done;
        console.log(`Wrote ${count.toLocaleString('en')} ${count === 1 ? 'customer' : 'customers'} to ${file}`);
      });
    });
  return command;
}
