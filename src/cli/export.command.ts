import fs from 'node:fs';
import path from 'node:path';
import { Command, Option } from 'commander';
import { appliedMigrations } from '../db/migrator.ts';
import { exportCustomers, exportTransactions } from '../modules/exports/exports.usecases.ts';
import type { SheetFormat } from '../modules/exports/sheet-writers.ts';
import { exportWorkspaceArchive, restoreWorkspaceArchive } from '../modules/exports/workspace-archive.ts';
import { systemClock } from '../shared/clock.ts';
import { withDatabase } from './database.ts';
import { cliActor, pickWorkspace } from './workspace-option.ts';


export function exportCommand(): Command {
  const command = new Command('export').description('export customers or transactions as CSV/XLSX, or a whole workspace as one archive file');
  command
    .command('customers')
    .description('every customer (or those a search matches) with attributes, tags and key dates')
    .option('-w, --workspace <id or name>', 'the workspace (needed when there are several)')
    .addOption(new Option('-f, --format <format>', 'file format').choices(['csv', 'xlsx']).default('xlsx'))
    .option('-q, --search <text>', 'only customers matching this search')
    .requiredOption('-o, --out <file>', 'where to write it')
    .action(async (options: { workspace?: string; format: SheetFormat; search?: string; out: string }) => {
      await withDatabase(async (database) => {
        const workspaceId = await pickWorkspace(database, options.workspace);
        const out = fs.createWriteStream(path.resolve(options.out));
        const done = new Promise<void>((resolve, reject) => out.on('finish', () => resolve()).on('error', reject));
        await exportCustomers({ db: database.db, clock: systemClock }, cliActor(workspaceId), { q: options.search, sort: 'name', order: 'asc', limit: 500 }, options.format, out);
        await done;
        console.log(`Wrote ${path.resolve(options.out)}`);
      });
    });
  command
    .command('transactions')
    .description('every purchase and refund, oldest first')
    .option('-w, --workspace <id or name>', 'the workspace (needed when there are several)')
    .addOption(new Option('-f, --format <format>', 'file format').choices(['csv', 'xlsx']).default('xlsx'))
    .requiredOption('-o, --out <file>', 'where to write it')
    .action(async (options: { workspace?: string; format: SheetFormat; out: string }) => {
      await withDatabase(async (database) => {
        const workspaceId = await pickWorkspace(database, options.workspace);
        const out = fs.createWriteStream(path.resolve(options.out));
        const done = new Promise<void>((resolve, reject) => out.on('finish', () => resolve()).on('error', reject));
        await exportTransactions({ db: database.db, clock: systemClock }, cliActor(workspaceId), options.format, out);
        await done;
        console.log(`Wrote ${path.resolve(options.out)}`);
      });
    });
  command
    .command('workspace')
    .description('the whole workspace, every table, in one file that `rapport restore` loads (SQLite or PostgreSQL)')
    .option('-w, --workspace <id or name>', 'the workspace (needed when there are several)')
    .requiredOption('-o, --out <file>', 'where to write it (gzipped JSON lines, e.g. shop.rapport.gz)')
    .action(async (options: { workspace?: string; out: string }) => {
      await withDatabase(async (database) => {
        const workspaceId = await pickWorkspace(database, options.workspace);
        const summary = await exportWorkspaceArchive(database.db, workspaceId, path.resolve(options.out), await appliedMigrations(database));
        console.log(`Wrote workspace "${summary.workspaceName}" to ${path.resolve(options.out)}:`);
        for (const [table, n] of Object.entries(summary.rows)) if (n) console.log(`  ${table.padEnd(22)} ${n.toLocaleString('en')}`);
      });
    });
  return command;
}

export function restoreCommand(): Command {
  return new Command('restore')
    .description('load a workspace archive (from `rapport export workspace`) into this database — for instance into PostgreSQL via DATABASE_URL')
    .argument('<file>', 'the archive')
    .action(async (file: string) => {
      await withDatabase(async (database) => {
        const summary = await restoreWorkspaceArchive(database.db, path.resolve(file));
        console.log(`Restored workspace "${summary.workspaceName}" (${summary.workspaceId}) into ${database.location}:`);
        for (const [table, n] of Object.entries(summary.rows)) if (n) console.log(`  ${table.padEnd(22)} ${n.toLocaleString('en')}`);
      });
    });
}
