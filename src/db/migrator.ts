import { Migrator, type MigrationResult } from 'kysely';
import type { Database } from './connection.ts';
import { migrations } from './migrations/registry.ts';

export interface MigrationReport {
  applied: string[];
}

/** Brings the schema to the latest version. Safe to run from several processes: Kysely takes a lock. */
function migratorFor(database: Database): Migrator {
  return new Migrator({ db: database.db, provider: { getMigrations: async () => migrations(database.dialect) } });
}

/** The names of the migrations this database has run, in order. */
export async function appliedMigrations(database: Database): Promise<string[]> {
  return (await migratorFor(database).getMigrations()).filter((m) => m.executedAt !== undefined).map((m) => m.name);
}

export async function migrateToLatest(database: Database): Promise<MigrationReport> {
  const migrator = migratorFor(database);
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r: MigrationResult) => r.status === 'Error');
  if (error || failed) {
    const name = failed ? ` (${failed.migrationName})` : '';
    throw new Error(`Database migration failed${name}: ${error instanceof Error ? error.message : String(error)}`);
  }
  return { applied: (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName) };
}
