import { sql, type Kysely } from 'kysely';
import type { CustomerReasonsTable, DB, ReasonsTable } from '../../db/schema.ts';

export function createReasonsRepository(db: Kysely<DB>) {
  return {
    async insertReasons(rows: ReasonsTable[]): Promise<void> {
      if (rows.length) await db.insertInto('reasons').values(rows).execute();
    },

    /** Reasons with the live customers who gave each (or were marked lost with it). */
    async listWithCounts(workspaceId: string, kind?: ReasonsTable['kind']) {
      let query = db
        .selectFrom('reasons as r')
        .select(['r.id', 'r.kind', 'r.name', 'r.position'])
        .select(sql<number | string>`(select count(*) from customers c where c.workspace_id = r.workspace_id and c.deleted_at is null
          and (c.lost_reason_id = r.id or exists (select 1 from customer_reasons e where e.workspace_id = c.workspace_id and e.customer_id = c.id and e.reason_id = r.id)))`.as('customers'))
        .where('r.workspace_id', '=', workspaceId);
      if (kind) query = query.where('r.kind', '=', kind);
      return query.orderBy('r.kind').orderBy('r.position').orderBy('r.name_key').execute();
    },

    async listOfKind(workspaceId: string, kind: ReasonsTable['kind']) {
      return db.selectFrom('reasons').select(['id', 'name', 'position']).where('workspace_id', '=', workspaceId).where('kind', '=', kind).orderBy('position').orderBy('name_key').execute();
    },

    async getReason(workspaceId: string, reasonId: string): Promise<ReasonsTable | undefined> {
      return db.selectFrom('reasons').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', reasonId).executeTakeFirst();
    },

    async nextPosition(workspaceId: string, kind: ReasonsTable['kind']): Promise<number> {
      const row = await db.selectFrom('reasons').select((eb) => eb.fn.max('position').as('p')).where('workspace_id', '=', workspaceId).where('kind', '=', kind).executeTakeFirst();
      return row?.p === null || row?.p === undefined ? 0 : Number(row.p) + 1;
    },

    async updateReason(workspaceId: string, reasonId: string, patch: Partial<Pick<ReasonsTable, 'name' | 'name_key' | 'position'>>): Promise<void> {
      await db.updateTable('reasons').set(patch).where('workspace_id', '=', workspaceId).where('id', '=', reasonId).execute();
    },

    async deleteReason(workspaceId: string, reasonId: string): Promise<void> {
      await db.deleteFrom('reasons').where('workspace_id', '=', workspaceId).where('id', '=', reasonId).execute();
    },

    /** Entries and lost marks pointing at a reason, deleted and merged customers included. */
    async countUses(workspaceId: string, reasonId: string): Promise<number> {
      const entries = await db.selectFrom('customer_reasons').select((eb) => eb.fn.countAll<number | string>().as('n')).where('workspace_id', '=', workspaceId).where('reason_id', '=', reasonId).executeTakeFirstOrThrow();
      const lost = await db.selectFrom('customers').select((eb) => eb.fn.countAll<number | string>().as('n')).where('workspace_id', '=', workspaceId).where('lost_reason_id', '=', reasonId).executeTakeFirstOrThrow();
      return Number(entries.n) + Number(lost.n);
    },

    /** Live customers a move touches, for their history. */
    async customersUsing(workspaceId: string, reasonId: string): Promise<string[]> {
      const rows = await db
        .selectFrom('customers as c')
        .select('c.id')
        .where('c.workspace_id', '=', workspaceId)
        .where('c.deleted_at', 'is', null)
        .where((eb) => eb.or([
          eb('c.lost_reason_id', '=', reasonId),
          eb.exists(eb.selectFrom('customer_reasons as e').select('e.id').whereRef('e.workspace_id', '=', 'c.workspace_id').whereRef('e.customer_id', '=', 'c.id').where('e.reason_id', '=', reasonId)),
        ]))
        .execute();
      return rows.map((r) => r.id);
    },

    async moveUses(workspaceId: string, fromId: string, toId: string): Promise<void> {
      await db.updateTable('customer_reasons').set({ reason_id: toId }).where('workspace_id', '=', workspaceId).where('reason_id', '=', fromId).execute();
      await db.updateTable('customers').set({ lost_reason_id: toId }).where('workspace_id', '=', workspaceId).where('lost_reason_id', '=', fromId).execute();
    },

    async insertEntry(row: CustomerReasonsTable): Promise<void> {
      await db.insertInto('customer_reasons').values(row).execute();
    },

    async entriesOf(workspaceId: string, customerId: string) {
      return db
        .selectFrom('customer_reasons as e')
        .innerJoin('reasons as r', (j) => j.onRef('r.workspace_id', '=', 'e.workspace_id').onRef('r.id', '=', 'e.reason_id'))
        .leftJoin('users as u', (j) => j.onRef('u.workspace_id', '=', 'e.workspace_id').onRef('u.id', '=', 'e.recorded_by'))
        .select(['e.id', 'e.kind', 'e.reason_id', 'r.name as reason_name', 'e.noted_on', 'e.recorded_by', 'u.name as recorder_name', 'e.via', 'e.words', 'e.created_at'])
        .where('e.workspace_id', '=', workspaceId)
        .where('e.customer_id', '=', customerId)
        .orderBy('e.noted_on', 'desc')
        .orderBy('e.created_at', 'desc')
        .execute();
    },

    async deleteEntry(workspaceId: string, customerId: string, entryId: string): Promise<void> {
      await db.deleteFrom('customer_reasons').where('workspace_id', '=', workspaceId).where('customer_id', '=', customerId).where('id', '=', entryId).execute();
    },

    /** How many reasons they choose us a customer has on record (the "why they choose us" bit). */
    async countChoose(workspaceId: string, customerId: string): Promise<number> {
      const row = await db.selectFrom('customer_reasons').select((eb) => eb.fn.countAll<number | string>().as('n')).where('workspace_id', '=', workspaceId).where('customer_id', '=', customerId).where('kind', '=', 'choose').executeTakeFirstOrThrow();
      return Number(row.n);
    },

    async setLost(workspaceId: string, customerId: string, patch: { lost_at: string | null; lost_reason_id: string | null; lost_note: string | null }, now: string): Promise<void> {
      await db
        .updateTable('customers')
        .set((eb) => ({ ...patch, updated_at: now, version: eb('version', '+', 1) }))
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', customerId)
        .execute();
    },
  };
}
