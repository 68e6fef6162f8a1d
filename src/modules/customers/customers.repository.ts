import type { Kysely } from 'kysely';
import type { CustomerContactsTable, CustomerHistoryTable, CustomersTable, DB, EmploymentsTable } from '../../db/schema.ts';

export type CustomerRow = CustomersTable;
export type CustomerRowPatch = Partial<Omit<CustomersTable, 'workspace_id' | 'id' | 'kind' | 'created_at' | 'version'>>;

export function createCustomersRepository(db: Kysely<DB>) {
  return {
    async insertCustomer(row: CustomerRow): Promise<void> {
      await db.insertInto('customers').values(row).execute();
    },

    async getCustomer(workspaceId: string, customerId: string, options: { includeDeleted?: boolean } = {}): Promise<CustomerRow | undefined> {
      let query = db.selectFrom('customers').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', customerId);
      if (!options.includeDeleted) query = query.where('deleted_at', 'is', null);
      return query.executeTakeFirst();
    },

    async getCustomers(workspaceId: string, customerIds: string[]): Promise<CustomerRow[]> {
      if (customerIds.length === 0) return [];
      return db.selectFrom('customers').selectAll().where('workspace_id', '=', workspaceId).where('id', 'in', customerIds).execute();
    },

    /** Applies a patch only if nobody changed the row since `version`; returns whether it did. */
    async updateCustomer(workspaceId: string, customerId: string, version: number, patch: CustomerRowPatch): Promise<boolean> {
      const result = await db
        .updateTable('customers')
        .set({ ...patch, version: version + 1 })
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', customerId)
        .where('version', '=', version)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    /** Derived columns only (search text, completeness): no version bump, no history. */
    async setDerived(workspaceId: string, customerId: string, derived: Pick<CustomerRow, 'search_text' | 'completeness'>): Promise<void> {
      await db.updateTable('customers').set(derived).where('workspace_id', '=', workspaceId).where('id', '=', customerId).execute();
    },

    async contactsOf(workspaceId: string, customerIds: string[]): Promise<CustomerContactsTable[]> {
      if (customerIds.length === 0) return [];
      return db
        .selectFrom('customer_contacts')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('customer_id', 'in', customerIds)
        .orderBy('customer_id')
        .orderBy('position')
        .execute();
    },

    async replaceContacts(workspaceId: string, customerId: string, rows: CustomerContactsTable[]): Promise<void> {
      await db.deleteFrom('customer_contacts').where('workspace_id', '=', workspaceId).where('customer_id', '=', customerId).execute();
      if (rows.length) await db.insertInto('customer_contacts').values(rows).execute();
    },

    async moveContacts(workspaceId: string, fromId: string, toId: string, firstPosition: number): Promise<void> {
      const rows = await db.selectFrom('customer_contacts').selectAll().where('workspace_id', '=', workspaceId).where('customer_id', '=', fromId).orderBy('position').execute();
      for (const [i, row] of rows.entries()) {
        await db
          .updateTable('customer_contacts')
          .set({ customer_id: toId, position: firstPosition + i })
          .where('workspace_id', '=', workspaceId)
          .where('id', '=', row.id)
          .execute();
      }
    },

    async deleteContacts(workspaceId: string, contactIds: string[]): Promise<void> {
      if (contactIds.length === 0) return;
      await db.deleteFrom('customer_contacts').where('workspace_id', '=', workspaceId).where('id', 'in', contactIds).execute();
    },

    /** Employments where the customer is the person or the organisation, with both names. */
    async employmentsOf(workspaceId: string, customerIds: string[]) {
      if (customerIds.length === 0) return [];
      // Two lookups, each on its own index: with "person in … or organisation in …" SQLite
      // read every employment of the workspace (a profile, or an imported row, cost O(n)).
      const side = (column: 'e.person_id' | 'e.organisation_id') =>
        db
          .selectFrom('employments as e')
          .innerJoin('customers as p', (j) => j.onRef('p.workspace_id', '=', 'e.workspace_id').onRef('p.id', '=', 'e.person_id'))
          .innerJoin('customers as o', (j) => j.onRef('o.workspace_id', '=', 'e.workspace_id').onRef('o.id', '=', 'e.organisation_id'))
          .select(['e.id', 'e.person_id', 'e.organisation_id', 'e.title', 'e.created_at', 'p.display_name as person_name', 'o.display_name as organisation_name', 'p.deleted_at as person_deleted_at', 'o.deleted_at as organisation_deleted_at'])
          .where('e.workspace_id', '=', workspaceId)
          .where(column, 'in', customerIds)
          .execute();
      const rows = new Map([...(await side('e.person_id')), ...(await side('e.organisation_id'))].map((r) => [r.id, r]));
      return [...rows.values()].toSorted((a, b) => (a.created_at < b.created_at ? -1 : a.created_at > b.created_at ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    },

    async insertEmployment(row: EmploymentsTable): Promise<void> {
      await db.insertInto('employments').values(row).execute();
    },

    async deleteEmployment(workspaceId: string, employmentId: string): Promise<void> {
      await db.deleteFrom('employments').where('workspace_id', '=', workspaceId).where('id', '=', employmentId).execute();
    },

    async childrenOf(workspaceId: string, organisationId: string) {
      return db
        .selectFrom('customers')
        .select(['id', 'kind', 'display_name'])
        .where('workspace_id', '=', workspaceId)
        .where('parent_id', '=', organisationId)
        .where('deleted_at', 'is', null)
        .orderBy('sort_name')
        .execute();
    },

    async reparentChildren(workspaceId: string, fromId: string, toId: string): Promise<void> {
      await db.updateTable('customers').set({ parent_id: toId }).where('workspace_id', '=', workspaceId).where('parent_id', '=', fromId).execute();
    },

    /** The chain of parents above an organisation, nearest first (bounded, in case of bad data). */
    async ancestorsOf(workspaceId: string, organisationId: string, limit = 100): Promise<{ id: string; display_name: string; parent_id: string | null }[]> {
      const chain: { id: string; display_name: string; parent_id: string | null }[] = [];
      let next: string | null = organisationId;
      while (next && chain.length < limit) {
        const row = await db.selectFrom('customers').select(['id', 'display_name', 'parent_id']).where('workspace_id', '=', workspaceId).where('id', '=', next).executeTakeFirst();
        if (!row) break;
        chain.push(row);
        next = row.parent_id;
      }
      return chain;
    },

    /** People employed at, and organisations directly under, an organisation (their search text names it). */
    async dependantsOf(workspaceId: string, organisationId: string): Promise<string[]> {
      const people = await db.selectFrom('employments').select('person_id as id').where('workspace_id', '=', workspaceId).where('organisation_id', '=', organisationId).execute();
      const children = await db.selectFrom('customers').select('id').where('workspace_id', '=', workspaceId).where('parent_id', '=', organisationId).execute();
      return [...new Set([...people, ...children].map((r) => r.id))];
    },

    async noteBodiesOf(workspaceId: string, customerId: string, limit = 20): Promise<string[]> {
      const rows = await db
        .selectFrom('activities')
        .select('body')
        .where('workspace_id', '=', workspaceId)
        .where('customer_id', '=', customerId)
        .where('kind', '=', 'note')
        .orderBy('occurred_at', 'desc')
        .limit(limit)
        .execute();
      return rows.map((r) => r.body);
    },

    async insertHistory(rows: CustomerHistoryTable[]): Promise<void> {
      for (let i = 0; i < rows.length; i += 200) await db.insertInto('customer_history').values(rows.slice(i, i + 200)).execute();
    },

    async historyOf(workspaceId: string, customerId: string, limit: number) {
      return db
        .selectFrom('customer_history as h')
        .leftJoin('users as u', (j) => j.onRef('u.workspace_id', '=', 'h.workspace_id').onRef('u.id', '=', 'h.actor_id'))
        .select(['h.id', 'h.at', 'h.action', 'h.field', 'h.old_value', 'h.new_value', 'h.actor_id', 'u.name as actor_name'])
        .where('h.workspace_id', '=', workspaceId)
        .where('h.customer_id', '=', customerId)
        .orderBy('h.at', 'desc')
        .orderBy('h.id', 'desc')
        .limit(limit)
        .execute();
    },
  };
}
export type CustomersRepository = ReturnType<typeof createCustomersRepository>;
