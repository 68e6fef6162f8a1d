import type { Kysely } from 'kysely';
import type { DB, UsersTable } from '../../db/schema.ts';

export type UserRow = UsersTable;
export type UserPatch = Partial<Pick<UsersTable, 'name' | 'role' | 'locale' | 'password_hash' | 'disabled_at'>> & {
  updated_at: string;
};

export function createUsersRepository(db: Kysely<DB>) {
  return {
    async insertUser(row: UserRow): Promise<void> {
      await db.insertInto('users').values(row).execute();
    },

    /** The one lookup outside a workspace: sign-in knows only the email. */
    async findUserForSignIn(email: string): Promise<UserRow | undefined> {
      return db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
    },

    async getUser(workspaceId: string, userId: string): Promise<UserRow | undefined> {
      return db
        .selectFrom('users')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', userId)
        .executeTakeFirst();
    },

    async listUsers(workspaceId: string): Promise<UserRow[]> {
      return db.selectFrom('users').selectAll().where('workspace_id', '=', workspaceId).orderBy('name').orderBy('id').execute();
    },

    async updateUser(workspaceId: string, userId: string, patch: UserPatch): Promise<void> {
      await db.updateTable('users').set(patch).where('workspace_id', '=', workspaceId).where('id', '=', userId).execute();
    },

    async countActiveOwners(workspaceId: string): Promise<number> {
      const row = await db
        .selectFrom('users')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('workspace_id', '=', workspaceId)
        .where('role', '=', 'owner')
        .where('disabled_at', 'is', null)
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
  };
}
export type UsersRepository = ReturnType<typeof createUsersRepository>;
