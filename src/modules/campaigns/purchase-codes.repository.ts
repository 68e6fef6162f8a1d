import { sql, type Kysely } from 'kysely';
import type { CouponRedemptionsTable, DB } from '../../db/schema.ts';
import { chunked } from '../transactions/transactions.repository.ts';

export type CodeScope = { importId: string } | { transactionIds: string[] } | { workspace: true };

/** Reads and writes of the pass that turns the codes purchases carry into redemptions and campaigns. */
export function createPurchaseCodesRepository(db: Kysely<DB>) {
  return {
    /** Purchases in scope that carry a code or campaign name not linked yet, oldest first. */
    async unlinked(workspaceId: string, scope: CodeScope) {
      let q = db
        .selectFrom('transactions as t')
        .select(['t.id', 't.customer_id', 't.kind', 't.occurred_at', 't.campaign'])
        .where('t.workspace_id', '=', workspaceId)
        .where('t.campaign', 'is not', null)
        .where('t.campaign_id', 'is', null);
      if ('importId' in scope) q = q.where('t.import_id', '=', scope.importId);
      if ('transactionIds' in scope) q = q.where('t.id', 'in', scope.transactionIds.length ? scope.transactionIds : ['']);
      return q.orderBy('t.occurred_at').orderBy('t.id').execute();
    },

    async codesByKey(workspaceId: string, keys: string[]) {
      const out = [];
      for (const chunk of chunked(keys, 500)) {
        out.push(...(await db
          .selectFrom('coupon_codes as cc')
          .innerJoin('campaigns as c', (j) => j.onRef('c.workspace_id', '=', 'cc.workspace_id').onRef('c.id', '=', 'cc.campaign_id'))
          .select(['cc.id', 'cc.code_key', 'cc.campaign_id', 'cc.valid_from', 'cc.valid_until', 'cc.max_uses', 'c.source_id',
            (eb) => eb.selectFrom('coupon_redemptions as r').select((e) => e.fn.countAll<number | string>().as('n')).whereRef('r.workspace_id', '=', 'cc.workspace_id').whereRef('r.code_id', '=', 'cc.id')
              .where((e) => e.or([e('r.flag', 'is', null), e('r.flag', '=', 'over_limit')])).as('uses')])
          .where('cc.workspace_id', '=', workspaceId)
          .where('cc.code_key', 'in', chunk)
          .execute()));
      }
      return out;
    },

    async campaignsByNameKey(workspaceId: string, keys: string[]) {
      if (!keys.length) return [];
      return db.selectFrom('campaigns').select(['id', 'name_key', 'source_id']).where('workspace_id', '=', workspaceId).where('name_key', 'in', keys).execute();
    },

    async insertRedemptions(rows: CouponRedemptionsTable[]): Promise<void> {
      for (const chunk of chunked(rows, 500)) {
        await db.insertInto('coupon_redemptions').values(chunk).onConflict((oc) => oc.columns(['workspace_id', 'transaction_id']).doNothing()).execute();
      }
    },

    async setTransactionCampaign(workspaceId: string, campaignId: string, transactionIds: string[]): Promise<void> {
      for (const chunk of chunked(transactionIds, 500)) {
        await db.updateTable('transactions').set({ campaign_id: campaignId }).where('workspace_id', '=', workspaceId).where('id', 'in', chunk).execute();
      }
    },

    /** Customers among these with no campaign (or no source) yet. */
    async customersToLink(workspaceId: string, ids: string[]) {
      const out = [];
      for (const chunk of chunked(ids, 500)) {
        out.push(...(await db.selectFrom('customers').select(['id', 'campaign_id', 'source_id', 'referred_by_id', 'display_name']).where('workspace_id', '=', workspaceId).where('id', 'in', chunk).execute()));
      }
      return out;
    },

    async setCustomerCampaign(workspaceId: string, customerId: string, patch: { campaign_id?: string; source_id?: string; referred_by_id?: string }, now: string): Promise<void> {
      await db.updateTable('customers').set({ ...patch, updated_at: now, version: sql`version + 1` }).where('workspace_id', '=', workspaceId).where('id', '=', customerId).execute();
    },
  };
}
