import path from 'node:path';
import { Command } from 'commander';
import { loadConfig } from '../config.ts';
import { backupSqlite, pgDumpCommand } from '../db/backup.ts';

export function backupCommand(): Command {
  return new Command('backup')
    .description('copy the SQLite database consistently while the app runs; for PostgreSQL, print the pg_dump command')
    .option('-o, --out <file>', 'where to write the copy (default: <data dir>/backups/rapport-<time>.db)')
    .action(async (options: { out?: string }) => {
      const config = loadConfig();
      if (config.databaseUrl) {
        console.log('Rapport is on PostgreSQL: back it up with pg_dump, for example');
        console.log(`  ${pgDumpCommand(config.databaseUrl, new Date())}`);
        console.log('and restore with pg_restore --clean --dbname <url> <file>.');
        return;
      }
      const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*$/, '').replace('T', '-');
      const out = path.resolve(options.out ?? path.join(config.dataDir, 'backups', `rapport-${stamp}.db`));
      const result = await backupSqlite(config.sqlitePath, out);
      console.log(`Backed up ${config.sqlitePath} to ${out} (${(result.bytes / 1024).toFixed(0)} KiB, integrity ok).`);
    });
}
