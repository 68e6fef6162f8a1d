import type { Kysely } from 'kysely';
import type { CustomerContactsTable, CustomerHistoryTable, DB } from '../../db/schema.ts';
import { chunked } from '../transactions/transactions.repository.ts';
import type { CustomerRow } from './customers.repository.ts';

/** Set-based lookups and inserts for imports: thousands of customers per statement. */
export function createCustomerMatchingRepository(db: Kysely<DB>) {
  return {
    /** Live customers (merged ones resolve to their survivor) by external id. */
    async byExternalIds(workspaceId: string, externalIds: string[]): Promise<{ external_id: string; id: string }[]> {
      const out: { external_id: string; id: string }[] = [];
      for (const chunk of chunked(externalIds, 1)) {
        const rows = await db
          .selectFrom('customers')
          .select(['external_id', 'id', 'merged_into_id'])
          .where('workspace_id', '=', workspaceId)
          .where('external_id', 'in', chunk)
          .execute();
        for (const r of rows) out.push({ external_id: r.external_id!, id: r.merged_into_id ?? r.id });
      }
      return out;
    },

    /** Live customers by email or phone match key; the earliest-created wins a shared key. */
    async byContactKeys(workspaceId: string, kind: 'email' | 'phone', keys: string[]): Promise<{ match_key: string; customer_id: string }[]> {
      const out: { match_key: string; customer_id: string }[] = [];
      for (const chunk of chunked(keys, 1)) {
        const rows = await db
          .selectFrom('customer_contacts as cc')
          .innerJoin('customers as c', (j) => j.onRef('c.workspace_id', '=', 'cc.workspace_id').onRef('c.id', '=', 'cc.customer_id'))
          .select(['cc.match_key', 'cc.customer_id'])
          .where('cc.workspace_id', '=', workspaceId)
          .where('cc.kind', '=', kind)
          .where('cc.match_key', 'in', chunk)
          .where('c.deleted_at', 'is', null)
          .orderBy('c.created_at')
          .execute();
        out.push(...rows);
      }
      return out;
    },

    async insertCustomers(rows: CustomerRow[], contacts: CustomerContactsTable[], history: CustomerHistoryTable[]): Promise<void> {
      for (const chunk of chunked(rows, 34)) await db.insertInto('customers').values(chunk).execute();
      for (const chunk of chunked(contacts, 8)) await db.insertInto('customer_contacts').values(chunk).execute();
      for (const chunk of chunked(history, 9)) await db.insertInto('customer_history').values(chunk).execute();
    },
  };
}
