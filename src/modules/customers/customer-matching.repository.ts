import type { Kysely } from 'kysely';
import { bulkInsert, type ColumnKinds } from '../../db/bulk-insert.ts';
import type { AttributeValuesTable, CustomerContactsTable, CustomerHistoryTable, CustomerTagsTable, DB, EmploymentsTable } from '../../db/schema.ts';
import { chunked } from '../transactions/transactions.repository.ts';
import type { CustomerRow } from './customers.repository.ts';

const CUSTOMER_KINDS: ColumnKinds<'customers'> = {
  workspace_id: 'text', id: 'text', kind: 'text', display_name: 'text', sort_name: 'text', first_name: 'text', last_name: 'text', website: 'text', parent_id: 'text',
  address_line1: 'text', address_line2: 'text', city: 'text', region: 'text', postal_code: 'text', country: 'text', birthday: 'date', preferred_language: 'text',
  consent_given: 'integer', consent_at: 'timestamp', consent_source: 'text', notes: 'text', customer_since: 'date', first_purchase_at: 'timestamp',
  last_purchase_at: 'timestamp', next_follow_up: 'date', search_text: 'text', completeness: 'integer', version: 'integer', merged_into_id: 'text',
  external_id: 'text', source_id: 'text', acquired_on: 'date', campaign_id: 'text', referred_by_id: 'text', referral_code: 'text', lost_at: 'timestamp', lost_reason_id: 'text', lost_note: 'text', created_at: 'timestamp', updated_at: 'timestamp', deleted_at: 'timestamp',
};
const CONTACT_KINDS: ColumnKinds<'customer_contacts'> = { workspace_id: 'text', id: 'text', customer_id: 'text', kind: 'text', value: 'text', label: 'text', match_key: 'text', position: 'integer' };
const HISTORY_KINDS: ColumnKinds<'customer_history'> = {
  workspace_id: 'text', id: 'text', customer_id: 'text', actor_id: 'text', at: 'timestamp', action: 'text', field: 'text', old_value: 'text', new_value: 'text',
};

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
      await bulkInsert(db, 'customers', CUSTOMER_KINDS, rows);
      await bulkInsert(db, 'customer_contacts', CONTACT_KINDS, contacts);
      await bulkInsert(db, 'customer_history', HISTORY_KINDS, history);
    },

    /** Tags, attribute values and employments of customers just inserted. */
    async insertRelations(related: { tags: CustomerTagsTable[]; values: AttributeValuesTable[]; employments: EmploymentsTable[] }): Promise<void> {
      await bulkInsert(db, 'customer_tags', { workspace_id: 'text', customer_id: 'text', tag_id: 'text' }, related.tags);
      await bulkInsert(db, 'attribute_values', { workspace_id: 'text', customer_id: 'text', attribute_id: 'text', value_text: 'text', value_number: 'double', value_date: 'date' }, related.values);
      await bulkInsert(db, 'employments', { workspace_id: 'text', id: 'text', person_id: 'text', organisation_id: 'text', title: 'text', created_at: 'timestamp' }, related.employments);
    },

    /** Live organisations by their sort name (the first made, when several share one). */
    async organisationsByName(workspaceId: string, sortNames: string[]): Promise<{ sort_name: string; id: string }[]> {
      const out: { sort_name: string; id: string }[] = [];
      for (const chunk of chunked(sortNames, 1)) {
        const rows = await db
          .selectFrom('customers')
          .select(['sort_name', 'id'])
          .where('workspace_id', '=', workspaceId)
          .where('kind', '=', 'organisation')
          .where('sort_name', 'in', chunk)
          .where('deleted_at', 'is', null)
          .orderBy('created_at')
          .orderBy('id')
          .execute();
        out.push(...rows);
      }
      return out;
    },

    /**
     * Live people of these sort names, without an external id, that an import made (other than
     * `exceptImportId`): the first made first.
     */
    async importedPeopleByName(workspaceId: string, sortNames: string[], exceptImportId: string | null): Promise<{ sort_name: string; id: string }[]> {
      const out: { sort_name: string; id: string }[] = [];
      for (const chunk of chunked(sortNames, 1)) {
        const rows = await db
          .selectFrom('customers as c')
          .select(['c.sort_name', 'c.id'])
          .where('c.workspace_id', '=', workspaceId)
          .where('c.kind', '=', 'person')
          .where('c.sort_name', 'in', chunk)
          .where('c.external_id', 'is', null)
          .where('c.deleted_at', 'is', null)
          .where('c.merged_into_id', 'is', null)
          .where(({ exists, selectFrom }) =>
            exists(
              selectFrom('import_changes as ic')
                .select('ic.entity_id')
                .whereRef('ic.workspace_id', '=', 'c.workspace_id')
                .where('ic.entity', '=', 'customer')
                .where('ic.action', '=', 'created')
                .whereRef('ic.entity_id', '=', 'c.id')
                .$if(exceptImportId !== null, (q) => q.where('ic.import_id', '<>', exceptImportId!)),
            ),
          )
          .orderBy('c.created_at')
          .orderBy('c.id')
          .execute();
        out.push(...rows);
      }
      return out;
    },

    async namesOf(workspaceId: string, ids: string[]): Promise<{ id: string; display_name: string }[]> {
      const out: { id: string; display_name: string }[] = [];
      for (const chunk of chunked(ids, 1)) out.push(...(await db.selectFrom('customers').select(['id', 'display_name']).where('workspace_id', '=', workspaceId).where('id', 'in', chunk).execute()));
      return out;
    },
  };
}
