import type { Kysely } from 'kysely';
import type { ApiKeysTable, DB } from '../../db/schema.ts';

export function createApiKeysRepository(db: Kysely<DB>) {
  return {
    async insertApiKey(row: ApiKeysTable): Promise<void> {
      await db.insertInto('api_keys').values(row).execute();
    },

    async listApiKeys(workspaceId: string): Promise<ApiKeysTable[]> {
      return db
        .selectFrom('api_keys')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('revoked_at', 'is', null)
        .orderBy('created_at', 'desc')
        .execute();
    },

    async getApiKey(workspaceId: string, apiKeyId: string): Promise<ApiKeysTable | undefined> {
      return db
        .selectFrom('api_keys')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', apiKeyId)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
    },

    async revokeApiKey(workspaceId: string, apiKeyId: string, revokedAt: string): Promise<void> {
      await db
        .updateTable('api_keys')
        .set({ revoked_at: revokedAt })
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', apiKeyId)
        .execute();
    },

    /** Looked up by the hash of the secret, which identifies the workspace. */
    async findActiveKeyWithUser(tokenHash: string) {
      return db
        .selectFrom('api_keys')
        .innerJoin('users', (join) =>
          join.onRef('users.workspace_id', '=', 'api_keys.workspace_id').onRef('users.id', '=', 'api_keys.created_by'),
        )
        .select([
          'api_keys.id',
          'api_keys.workspace_id',
          'api_keys.created_by',
          'api_keys.scope',
          'api_keys.last_used_at',
          'users.role',
          'users.disabled_at',
        ])
        .where('api_keys.token_hash', '=', tokenHash)
        .where('api_keys.revoked_at', 'is', null)
        .executeTakeFirst();
    },

    async touchApiKey(workspaceId: string, apiKeyId: string, usedAt: string): Promise<void> {
      await db
        .updateTable('api_keys')
        .set({ last_used_at: usedAt })
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', apiKeyId)
        .execute();
    },
  };
}
