import type { Kysely } from 'kysely';
import type { DB, LoginAttemptsTable } from '../../db/schema.ts';

/** Failed sign-in counters, kept in the database so every app instance sees the same limits. */
export function createLoginAttemptsRepository(db: Kysely<DB>) {
  return {
    async getAttempts(keys: string[]): Promise<LoginAttemptsTable[]> {
      if (keys.length === 0) return [];
      return db.selectFrom('login_attempts').selectAll().where('key', 'in', keys).execute();
    },

    async saveAttempt(row: LoginAttemptsTable): Promise<void> {
      await db
        .insertInto('login_attempts')
        .values(row)
        .onConflict((oc) => oc.column('key').doUpdateSet({ window_start: row.window_start, failures: row.failures }))
        .execute();
    },

    async clearAttempts(keys: string[]): Promise<void> {
      if (keys.length === 0) return;
      await db.deleteFrom('login_attempts').where('key', 'in', keys).execute();
    },
  };
}
