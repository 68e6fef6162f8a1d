import { sql, type Kysely } from 'kysely';
import type { DialectName } from '../../db/dialect.ts';
import type { DB, WorkspacesTable } from '../../db/schema.ts';

export function createWorkspacesRepository(db: Kysely<DB>) {
  return {
    async countWorkspaces(): Promise<number> {
      const row = await db.selectFrom('workspaces').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      return Number(row.n);
    },

    /** Serialises concurrent first-time setups (SQLite transactions are serial already). */
    async lockForSetup(dialect: DialectName): Promise<void> {
      if (dialect === 'postgres') await sql`lock table workspaces in share row exclusive mode`.execute(db);
    },

    async insertWorkspace(row: WorkspacesTable): Promise<void> {
      await db.insertInto('workspaces').values(row).execute();
    },

    async getWorkspace(workspaceId: string): Promise<WorkspacesTable | undefined> {
      return db.selectFrom('workspaces').selectAll().where('id', '=', workspaceId).executeTakeFirst();
    },

    async listWorkspaces(): Promise<WorkspacesTable[]> {
      return db.selectFrom('workspaces').selectAll().orderBy('created_at').execute();
    },

    async updateWorkspace(
      workspaceId: string,
      patch: Partial<Pick<WorkspacesTable, 'name' | 'base_currency' | 'locale' | 'time_zone'>> & { updated_at: string },
    ): Promise<void> {
      await db.updateTable('workspaces').set(patch).where('id', '=', workspaceId).execute();
    },
  };
}
export type WorkspacesRepository = ReturnType<typeof createWorkspacesRepository>;
