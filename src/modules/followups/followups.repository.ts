import { sql, type Kysely, type SqlBool } from 'kysely';
import { dialectOf } from '../../db/dialect.ts';
import type { DB, FollowUpsTable } from '../../db/schema.ts';
import { FOLLOW_UP_NAME_COLUMNS, type FollowUpViewRow } from './follow-up-view.ts';

const live = (alias: string) => sql.raw<SqlBool>(`${alias}.deleted_at is null and ${alias}.merged_into_id is null`);
export type FollowUpPatch = Partial<Pick<FollowUpsTable, 'due_on' | 'kind' | 'assignee_id' | 'note' | 'status' | 'skip_reason' | 'done_at' | 'done_by' | 'done_activity_id' | 'snoozed' | 'updated_at'>>;

/** The SQL of follow-ups and their rules' settings. */
export function createFollowUpsRepository(db: Kysely<DB>) {
  /** Follow-ups with the names the contract shows (customer, assignee, done by, date attribute). */
  const withNames = (workspaceId: string) => db
    .selectFrom('follow_ups as f')
    .innerJoin('customers as c', (j) => j.onRef('c.workspace_id', '=', 'f.workspace_id').onRef('c.id', '=', 'f.customer_id'))
    .leftJoin('users as a', (j) => j.onRef('a.workspace_id', '=', 'f.workspace_id').onRef('a.id', '=', 'f.assignee_id'))
    .leftJoin('users as d', (j) => j.onRef('d.workspace_id', '=', 'f.workspace_id').onRef('d.id', '=', 'f.done_by'))
    // A date attribute's occasion key starts with the attribute's id (a UUID, 36 characters).
    .leftJoin('attribute_definitions as ad', (j) => j.onRef('ad.workspace_id', '=', 'f.workspace_id').on(sql<SqlBool>`f.rule = 'date_attribute' and ad.id = substr(f.occasion_key, 1, 36)`))
    .selectAll('f')
    .select([...FOLLOW_UP_NAME_COLUMNS])
    .where('f.workspace_id', '=', workspaceId);

  /**
   * The customers' "next follow-up" day (the list's column and filter) kept as their earliest
   * open follow-up, none: null. Run after every write that opens, moves or closes one.
   */
  const syncNext = async (workspaceId: string, customerIds: readonly string[]) => {
    const earliest = sql`(select min(f.due_on) from follow_ups f where f.workspace_id = customers.workspace_id and f.customer_id = customers.id and f.status = 'open')`;
    const value = dialectOf(db) === 'postgres' ? sql<string | null>`cast(${earliest} as date)` : sql<string | null>`${earliest}`;
    const ids = [...new Set(customerIds)];
    for (let i = 0; i < ids.length; i += 500) {
      await db.updateTable('customers').set({ next_follow_up: value }).where('workspace_id', '=', workspaceId).where('id', 'in', ids.slice(i, i + 500)).execute();
    }
  };
  const customersOf = async (workspaceId: string, ids: readonly string[]) => {
    const out: string[] = [];
    for (let i = 0; i < ids.length; i += 500) {
      out.push(...(await db.selectFrom('follow_ups').select('customer_id').where('workspace_id', '=', workspaceId).where('id', 'in', ids.slice(i, i + 500)).execute()).map((r) => r.customer_id));
    }
    return out;
  };

  return {
    async insert(rows: FollowUpsTable[]): Promise<number> {
      let added = 0;
      for (let i = 0; i < rows.length; i += 200) {
        const result = await db.insertInto('follow_ups').values(rows.slice(i, i + 200))
          .onConflict((oc) => oc.columns(['workspace_id', 'rule', 'occasion_key']).doNothing()).executeTakeFirst();
        added += Number(result.numInsertedOrUpdatedRows ?? 0);
      }
      for (const workspaceId of new Set(rows.map((r) => r.workspace_id))) await syncNext(workspaceId, rows.filter((r) => r.workspace_id === workspaceId).map((r) => r.customer_id));
      return added;
    },

    /** The occasion keys a rule already raised with a due day on or after `dueFrom` (what a run need not insert again). */
    async knownKeys(workspaceId: string, rule: string, dueFrom: string): Promise<Set<string>> {
      const rows = await db.selectFrom('follow_ups').select('occasion_key').where('workspace_id', '=', workspaceId).where('rule', '=', rule).where('due_on', '>=', dueFrom).execute();
      return new Set(rows.map((r) => r.occasion_key!));
    },

    async get(workspaceId: string, id: string): Promise<FollowUpsTable | undefined> {
      return db.selectFrom('follow_ups').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
    },

    async getViews(workspaceId: string, ids: string[]): Promise<FollowUpViewRow[]> {
      if (ids.length === 0) return [];
      return withNames(workspaceId).where('f.id', 'in', ids).execute() as Promise<FollowUpViewRow[]>;
    },

    /** Open first by due day, then closed newest first. */
    async listForCustomer(workspaceId: string, customerId: string, limit: number): Promise<FollowUpViewRow[]> {
      return withNames(workspaceId).where('f.customer_id', '=', customerId)
        .orderBy(sql`case when f.status = 'open' then 0 else 1 end`)
        .orderBy(sql`case when f.status = 'open' then f.due_on end`)
        .orderBy(sql`coalesce(f.done_at, f.updated_at)`, 'desc')
        .orderBy('f.created_at').orderBy('f.id')
        .limit(limit).execute() as Promise<FollowUpViewRow[]>;
    },

    /** The workspace's follow-ups of live customers, by due day. */
    async list(workspaceId: string, q: { status?: FollowUpsTable['status']; assigneeId?: string; dueBefore?: string; limit: number }): Promise<FollowUpViewRow[]> {
      let query = withNames(workspaceId).where(live('c'));
      if (q.status) query = query.where('f.status', '=', q.status);
      if (q.assigneeId) query = query.where('f.assignee_id', '=', q.assigneeId);
      if (q.dueBefore) query = query.where('f.due_on', '<=', q.dueBefore);
      return query.orderBy('f.due_on').orderBy('f.created_at').orderBy('f.id').limit(q.limit).execute() as Promise<FollowUpViewRow[]>;
    },

    /** The earliest open follow-up of a customer. */
    async nextOpen(workspaceId: string, customerId: string): Promise<FollowUpViewRow | undefined> {
      return withNames(workspaceId).where('f.customer_id', '=', customerId).where('f.status', '=', 'open')
        .orderBy('f.due_on').orderBy('f.created_at').orderBy('f.id').limit(1).executeTakeFirst() as Promise<FollowUpViewRow | undefined>;
    },

    /** Applies a patch; with `onlyOpen`, only to a follow-up still open. Returns whether a row changed. */
    async update(workspaceId: string, id: string, patch: FollowUpPatch, onlyOpen = false): Promise<boolean> {
      let query = db.updateTable('follow_ups').set(patch).where('workspace_id', '=', workspaceId).where('id', '=', id);
      if (onlyOpen) query = query.where('status', '=', 'open');
      const changed = Number((await query.executeTakeFirst()).numUpdatedRows) > 0;
      if (changed) await syncNext(workspaceId, await customersOf(workspaceId, [id]));
      return changed;
    },

    async remove(workspaceId: string, id: string): Promise<number> {
      const customers = await customersOf(workspaceId, [id]);
      const removed = Number((await db.deleteFrom('follow_ups').where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst()).numDeletedRows);
      await syncNext(workspaceId, customers);
      return removed;
    },

    /** Which of these are live customers of the workspace. */
    async liveCustomerIds(workspaceId: string, customerIds: string[]): Promise<Set<string>> {
      const out = new Set<string>();
      for (let i = 0; i < customerIds.length; i += 500) {
        const rows = await db.selectFrom('customers as c').select('c.id').where('c.workspace_id', '=', workspaceId).where('c.id', 'in', customerIds.slice(i, i + 500)).where(live('c')).execute();
        for (const r of rows) out.add(r.id);
      }
      return out;
    },

    async isUser(workspaceId: string, userId: string): Promise<boolean> {
      return !!(await db.selectFrom('users').select('id').where('workspace_id', '=', workspaceId).where('id', '=', userId).executeTakeFirst());
    },

    async getSettings(workspaceId: string): Promise<string | undefined> {
      return (await db.selectFrom('follow_up_settings').select('settings').where('workspace_id', '=', workspaceId).executeTakeFirst())?.settings;
    },

    async saveSettings(workspaceId: string, settings: string, at: string): Promise<void> {
      await db.insertInto('follow_up_settings').values({ workspace_id: workspaceId, settings, updated_at: at })
        .onConflict((oc) => oc.column('workspace_id').doUpdateSet({ settings, updated_at: at })).execute();
    },

    async dateAttributeIds(workspaceId: string, ids: string[]): Promise<Set<string>> {
      if (ids.length === 0) return new Set();
      const rows = await db.selectFrom('attribute_definitions').select('id').where('workspace_id', '=', workspaceId).where('id', 'in', ids).where('type', '=', 'date').execute();
      return new Set(rows.map((r) => r.id));
    },

    // --- the rules' candidates: one query each, set-based ---

    /** Live customers whose first purchase is at or after `since`. */
    async firstPurchasesSince(workspaceId: string, since: string) {
      return db.selectFrom('customers as c').select(['c.id', 'c.first_purchase_at'])
        .where('c.workspace_id', '=', workspaceId).where('c.first_purchase_at', '>=', since).where(live('c')).execute();
    },

    /** Live customers not marked lost, with an own rhythm (two purchases or more). */
    async rhythms(workspaceId: string) {
      return db.selectFrom('customer_metrics as m')
        .innerJoin('customers as c', (j) => j.onRef('c.workspace_id', '=', 'm.workspace_id').onRef('c.id', '=', 'm.customer_id'))
        .select(['c.id', 'c.last_purchase_at', 'm.average_gap_days'])
        .where('m.workspace_id', '=', workspaceId).where('m.average_gap_days', 'is not', null).where('m.purchases', '>=', 2)
        .where('c.last_purchase_at', 'is not', null).where(live('c')).where('c.lost_at', 'is', null).execute();
    },

    /** Open expected-purchase follow-ups, with their customer's last purchase and whether they are still to be expected. */
    async openExpected(workspaceId: string) {
      return db.selectFrom('follow_ups as f')
        .innerJoin('customers as c', (j) => j.onRef('c.workspace_id', '=', 'f.workspace_id').onRef('c.id', '=', 'f.customer_id'))
        .select(['f.id', 'f.customer_id', 'f.occasion_key', 'c.last_purchase_at'])
        .where('f.workspace_id', '=', workspaceId).where('f.rule', '=', 'expected_purchase').where('f.status', '=', 'open').execute();
    },

    async skipMany(workspaceId: string, ids: string[], reason: string, at: string): Promise<number> {
      let n = 0;
      for (let i = 0; i < ids.length; i += 500) {
        const result = await db.updateTable('follow_ups').set({ status: 'skipped', skip_reason: reason, updated_at: at })
          .where('workspace_id', '=', workspaceId).where('status', '=', 'open').where('id', 'in', ids.slice(i, i + 500)).executeTakeFirst();
        n += Number(result.numUpdatedRows);
      }
      if (n > 0) await syncNext(workspaceId, await customersOf(workspaceId, ids));
      return n;
    },

    /** Complaints of live customers resolved at or after `since` (or this one complaint). */
    async resolvedComplaints(workspaceId: string, filter: { since: string; activityId?: string }) {
      let query = db.selectFrom('activities as x')
        .innerJoin('customers as c', (j) => j.onRef('c.workspace_id', '=', 'x.workspace_id').onRef('c.id', '=', 'x.customer_id'))
        .select(['x.id', 'x.customer_id', 'x.resolved_at'])
        .where('x.workspace_id', '=', workspaceId).where('x.kind', '=', 'complaint').where('x.status', '=', 'resolved')
        .where('x.resolved_at', 'is not', null).where('x.resolved_at', '>=', filter.since).where(live('c'));
      if (filter.activityId) query = query.where('x.id', '=', filter.activityId);
      return query.execute();
    },

    /** Live customers' values of these date attributes. */
    async dateValues(workspaceId: string, attributeIds: string[]) {
      if (attributeIds.length === 0) return [];
      // Two plain reads, the few deleted or merged customers left out here: any join of the values
      // with the customers was planned as nested loops on fresh statistics (minutes at 100,000).
      const values = await db.selectFrom('attribute_values as v')
        .select(['v.customer_id', 'v.attribute_id', 'v.value_date'])
        .where('v.workspace_id', '=', workspaceId).where('v.attribute_id', 'in', attributeIds).where('v.value_date', 'is not', null)
        .execute();
      if (values.length === 0) return [];
      const gone = new Set((await db.selectFrom('customers as c').select('c.id').where('c.workspace_id', '=', workspaceId)
        .where((eb) => eb.or([eb('c.deleted_at', 'is not', null), eb('c.merged_into_id', 'is not', null)])).execute()).map((c) => c.id));
      return values.filter((v) => !gone.has(v.customer_id));
    },
  };
}
