import { Command } from 'commander';
import { withDatabase } from './database.ts';

export function migrateCommand(): Command {
  return new Command('migrate').description('apply pending database migrations (npm start does this too)').action(async () => {
    await withDatabase(async (database) => {
      // withDatabase has migrated already; report what the database is at.
      const rows = await database.db
        .selectFrom('kysely_migration' as never)
        .select('name' as never)
        .execute();
      console.log(`Database ${database.location} (${database.dialect}) is up to date: ${rows.length} migration(s) applied.`);
    });
  });
}
