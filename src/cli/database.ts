import { loadConfig, type AppConfig } from '../config.ts';
import { openDatabase, type Database } from '../db/connection.ts';
import { migrateToLatest } from '../db/migrator.ts';

/** Opens the configured database, brought up to date, for one CLI command; always closed after. */
export async function withDatabase<T>(work: (database: Database, config: AppConfig) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const database = openDatabase({ url: config.databaseUrl, sqlitePath: config.sqlitePath });
  try {
    await migrateToLatest(database);
    return await work(database, config);
  } finally {
    await database.close();
  }
}
