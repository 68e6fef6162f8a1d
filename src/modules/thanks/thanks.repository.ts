import { sql, type Kysely, type SqlBool } from 'kysely';
import type { DB, OwedThanksTable, ThankYousTable } from '../../db/schema.ts';

const live = (alias: string) => sql.raw<SqlBool>(`${alias}.deleted_at is null and ${alias}.merged_into_id is null`);

/** The SQL of the thank-you log, the rules' settings, and the owed thanks. */
export function createThanksRepository(db: Kysely<DB>) {
  return {
    async insertThankYou(row: ThankYousTable): Promise<void> {
      await db.insertInto('thank_yous').values(row).execute();
    },

    async deleteThankYou(workspaceId: string, customerId: string, id: string): Promise<number> {
      const result = await db.deleteFrom('thank_yous').where('workspace_id', '=', workspaceId).where('customer_id', '=', customerId).where('id', '=', id).executeTakeFirst();
      return Number(result.numDeletedRows);
    },

    /** Newest first, with the customer's and recorder's names. */
    async listThankYous(workspaceId: string, filter: { customerId?: string; ids?: string[]; limit: number }) {
      let query = db
        .selectFrom('thank_yous as t')
        .innerJoin('customers as c', (j) => j.onRef('c.workspace_id', '=', 't.workspace_id').onRef('c.id', '=', 't.customer_id'))
        .leftJoin('users as u', 'u.id', 't.recorded_by')
        .selectAll('t')
        .select(['c.display_name as customer_name', 'u.name as recorder_name'])
        .where('t.workspace_id', '=', workspaceId);
      if (filter.customerId) query = query.where('t.customer_id', '=', filter.customerId);
      if (filter.ids) query = query.where('t.id', 'in', filter.ids);
      return query.orderBy('t.given_on', 'desc').orderBy('t.created_at', 'desc').limit(filter.limit).execute();
    },

    async countFor(workspaceId: string, customerId: string): Promise<number> {
      const row = await db.selectFrom('thank_yous').select((eb) => eb.fn.countAll<number | string>().as('n')).where('workspace_id', '=', workspaceId).where('customer_id', '=', customerId).executeTakeFirst();
      return Number(row?.n ?? 0);
    },

    async getSettings(workspaceId: string): Promise<string | undefined> {
      return (await db.selectFrom('thank_settings').select('settings').where('workspace_id', '=', workspaceId).executeTakeFirst())?.settings;
    },

    async saveSettings(workspaceId: string, settings: string, at: string): Promise<void> {
      await db.insertInto('thank_settings').values({ workspace_id: workspaceId, settings, updated_at: at })
        .onConflict((oc) => oc.column('workspace_id').doUpdateSet({ settings, updated_at: at })).execute();
    },

    /** Inserts the owed thanks not seen before (once per rule and occasion); returns how many were new. */
    async insertOwed(rows: OwedThanksTable[]): Promise<number> {
      let added = 0;
      for (let i = 0; i < rows.length; i += 200) {
        const result = await db.insertInto('owed_thanks').values(rows.slice(i, i + 200)).onConflict((oc) => oc.columns(['workspace_id', 'rule', 'occasion_key']).doNothing()).executeTakeFirst();
        added += Number(result.numInsertedOrUpdatedRows ?? 0);
      }
      return added;
    },

    async listOwed(workspaceId: string, filter: { status?: OwedThanksTable['status']; id?: string; customerId?: string; rules: string[]; limit: number }) {
      if (filter.rules.length === 0) return [];
      let query = db
        .selectFrom('owed_thanks as o')
        .innerJoin('customers as c', (j) => j.onRef('c.workspace_id', '=', 'o.workspace_id').onRef('c.id', '=', 'o.customer_id'))
        .leftJoin('customer_metrics as m', (j) => j.onRef('m.workspace_id', '=', 'o.workspace_id').onRef('m.customer_id', '=', 'o.customer_id'))
        .selectAll('o')
        .select(['c.display_name as customer_name', 'm.tier'])
        .where('o.workspace_id', '=', workspaceId)
        .where('o.rule', 'in', filter.rules as OwedThanksTable['rule'][])
        .where(live('c'));
      if (filter.status) query = query.where('o.status', '=', filter.status);
      if (filter.id) query = query.where('o.id', '=', filter.id);
      if (filter.customerId) query = query.where('o.customer_id', '=', filter.customerId);
      return query.orderBy('o.occurred_on', 'desc').orderBy('o.created_at', 'desc').orderBy('o.id').limit(filter.limit).execute();
    },

    async getOwed(workspaceId: string, id: string): Promise<OwedThanksTable | undefined> {
      return db.selectFrom('owed_thanks').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
    },

    /** Settles an owed item that is still owed; false when it was not. */
    async resolveOwed(workspaceId: string, id: string, patch: Pick<OwedThanksTable, 'status' | 'dismiss_reason' | 'thank_you_id' | 'resolved_at' | 'resolved_by'>): Promise<boolean> {
      const result = await db.updateTable('owed_thanks').set(patch).where('workspace_id', '=', workspaceId).where('id', '=', id).where('status', '=', 'owed').executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },

    async reopenOwed(workspaceId: string, thankYouId: string): Promise<void> {
      await db.updateTable('owed_thanks').set({ status: 'owed', thank_you_id: null, resolved_at: null, resolved_by: null })
        .where('workspace_id', '=', workspaceId).where('thank_you_id', '=', thankYouId).execute();
    },

    /** Customers referred by a live customer whose first purchase is at or after `since`. */
    async referralsThatBought(workspaceId: string, since: string) {
      return db
        .selectFrom('customers as x')
        .innerJoin('customers as r', (j) => j.onRef('r.workspace_id', '=', 'x.workspace_id').onRef('r.id', '=', 'x.referred_by_id'))
        .select(['x.id', 'x.display_name', 'x.referred_by_id', 'x.first_purchase_at'])
        .where('x.workspace_id', '=', workspaceId)
        .where('x.first_purchase_at', '>=', since)
        .where(live('x'))
        .where(live('r'))
        .execute();
    },

    async firstPurchasesSince(workspaceId: string, since: string) {
      return db
        .selectFrom('customers as c')
        .select(['c.id', 'c.first_purchase_at'])
        .select((eb) => [
          eb.selectFrom('transactions as t').select('t.amount_minor').whereRef('t.workspace_id', '=', 'c.workspace_id').whereRef('t.customer_id', '=', 'c.id').where('t.kind', '=', 'sale').orderBy('t.occurred_at').orderBy('t.id').limit(1).as('amount_minor'),
          eb.selectFrom('transactions as t').select('t.currency').whereRef('t.workspace_id', '=', 'c.workspace_id').whereRef('t.customer_id', '=', 'c.id').where('t.kind', '=', 'sale').orderBy('t.occurred_at').orderBy('t.id').limit(1).as('currency'),
        ])
        .where('c.workspace_id', '=', workspaceId)
        .where('c.first_purchase_at', '>=', since)
        .where(live('c'))
        .execute();
    },

    /** Gold now and not gold at the previous full recompute (or new since `since`). */
    async enteredGold(workspaceId: string, since: string) {
      return db
        .selectFrom('customer_metrics as m')
        .innerJoin('customers as c', (j) => j.onRef('c.workspace_id', '=', 'm.workspace_id').onRef('c.id', '=', 'm.customer_id'))
        .select(['m.customer_id as id', 'm.computed_at', 'm.previous_tier', 'c.first_purchase_at'])
        .where('m.workspace_id', '=', workspaceId)
        .where('m.tier', '=', 'gold')
        .where('m.computed_at', '>=', since)
        .where((eb) => eb.or([eb('m.previous_tier', '!=', 'gold'), eb.and([eb('m.previous_tier', 'is', null), eb('c.first_purchase_at', '>=', since)])]))
        .where(live('c'))
        .execute();
    },

    /** Customers with an entered-gold thanks created at or after `since` (so one stay in gold is thanked once). */
    async recentGoldOccasions(workspaceId: string, since: string): Promise<Set<string>> {
      const rows = await db.selectFrom('owed_thanks').select('customer_id').where('workspace_id', '=', workspaceId).where('rule', '=', 'entered_gold').where('created_at', '>=', since).execute();
      return new Set(rows.map((r) => r.customer_id));
    },

    async bigPurchases(workspaceId: string, currency: string, amountMinor: number, since: string) {
      return db
        .selectFrom('transactions as t')
        .innerJoin('customers as c', (j) => j.onRef('c.workspace_id', '=', 't.workspace_id').onRef('c.id', '=', 't.customer_id'))
        .select(['t.id', 't.customer_id', 't.occurred_at', 't.amount_minor', 't.currency'])
        .where('t.workspace_id', '=', workspaceId)
        .where('t.kind', '=', 'sale')
        .where('t.currency', '=', currency)
        .where('t.amount_minor', '>=', amountMinor)
        .where('t.occurred_at', '>=', since)
        .where(live('c'))
        .execute();
    },

    /** Every live customer's "customer since" day (set, else the first purchase) and birthday. */
    async customerDates(workspaceId: string) {
      return db
        .selectFrom('customers as c')
        .select(['c.id', 'c.customer_since', 'c.first_purchase_at', 'c.birthday'])
        .where('c.workspace_id', '=', workspaceId)
        .where((eb) => eb.or([eb('c.customer_since', 'is not', null), eb('c.first_purchase_at', 'is not', null), eb('c.birthday', 'is not', null)]))
        .where(live('c'))
        .execute();
    },
  };
}
