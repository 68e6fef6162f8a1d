import { Command } from 'commander';
import { appliedMigrations } from '../db/migrator.ts';
import { withDatabase } from './database.ts';

export function migrateCommand(): Command {
  return new Command('migrate').description('apply pending database migrations (npm start does this too)').action(async () => {
    await withDatabase(async (database) => {
      // withDatabase has migrated already; report what the database is at.
      const applied = await appliedMigrations(database);
      console.log(`Database ${database.location} (${database.dialect}) is up to date: ${applied.length} migration(s) applied.`);
    });
  });
}
