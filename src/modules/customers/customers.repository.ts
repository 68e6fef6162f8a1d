import type { Kysely } from 'kysely';
import type { CustomersTable, DB } from '../../db/schema.ts';

export interface CustomerCursor {
  name: string;
  id: string;
}

export function createCustomersRepository(db: Kysely<DB>) {
  return {
    async insertCustomer(row: CustomersTable): Promise<void> {
      await db.insertInto('customers').values(row).execute();
    },

    async getCustomer(workspaceId: string, customerId: string): Promise<CustomersTable | undefined> {
      return db
        .selectFrom('customers')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', customerId)
        .where('deleted_at', 'is', null)
        .executeTakeFirst();
    },

    /** Keyset pagination by (display_name, id): stable and index-backed at any depth. */
    async listCustomers(workspaceId: string, limit: number, after?: CustomerCursor): Promise<CustomersTable[]> {
      let query = db
        .selectFrom('customers')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('deleted_at', 'is', null);
      if (after) {
        query = query.where((eb) =>
          eb.or([
            eb('display_name', '>', after.name),
            eb.and([eb('display_name', '=', after.name), eb('id', '>', after.id)]),
          ]),
        );
      }
      return query.orderBy('display_name').orderBy('id').limit(limit).execute();
    },
  };
}
