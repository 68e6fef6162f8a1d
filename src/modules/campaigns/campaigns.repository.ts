import { sql, type Kysely } from 'kysely';
import type { CampaignCostsTable, CampaignsTable, CouponCodesTable, DB } from '../../db/schema.ts';
import { chunked } from '../transactions/transactions.repository.ts';

export function createCampaignsRepository(db: Kysely<DB>) {
  return {
    async insertCampaign(row: CampaignsTable): Promise<void> {
      await db.insertInto('campaigns').values(row).execute();
    },

    async updateCampaign(workspaceId: string, id: string, patch: Partial<CampaignsTable>): Promise<void> {
      await db.updateTable('campaigns').set(patch).where('workspace_id', '=', workspaceId).where('id', '=', id).execute();
    },

    async deleteCampaign(workspaceId: string, id: string): Promise<void> {
      await db.updateTable('customers').set({ campaign_id: null }).where('workspace_id', '=', workspaceId).where('campaign_id', '=', id).execute();
      await db.updateTable('transactions').set({ campaign_id: null }).where('workspace_id', '=', workspaceId).where('campaign_id', '=', id).execute();
      await db.deleteFrom('coupon_redemptions').where('workspace_id', '=', workspaceId)
        .where('code_id', 'in', db.selectFrom('coupon_codes').select('id').where('workspace_id', '=', workspaceId).where('campaign_id', '=', id)).execute();
      await db.deleteFrom('campaigns').where('workspace_id', '=', workspaceId).where('id', '=', id).execute();
    },

    async getCampaign(workspaceId: string, id: string): Promise<CampaignsTable | undefined> {
      return db.selectFrom('campaigns').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
    },

    /** Campaigns with their source, total cost (in the given currency), customers brought and redemptions. */
    async listCampaigns(workspaceId: string, currency: string, ids?: string[]) {
      let query = db
        .selectFrom('campaigns as c')
        .leftJoin('sources as s', (j) => j.onRef('s.workspace_id', '=', 'c.workspace_id').onRef('s.id', '=', 'c.source_id'))
        .select([
          'c.id', 'c.name', 'c.source_id', 'c.starts_on', 'c.ends_on', 'c.target_view_id', 'c.target_segment_id', 'c.response_days', 'c.notes', 'c.created_at', 's.channel', 's.name as source_name',
          (eb) => eb.selectFrom('campaign_costs as k').select((e) => e.fn.coalesce(e.fn.sum<number | string>('k.amount_minor'), sql<number>`0`).as('v'))
            .whereRef('k.workspace_id', '=', 'c.workspace_id').whereRef('k.campaign_id', '=', 'c.id').where('k.currency', '=', currency).as('cost'),
          (eb) => eb.selectFrom('customers as u').select((e) => e.fn.countAll<number | string>().as('v'))
            .whereRef('u.workspace_id', '=', 'c.workspace_id').whereRef('u.campaign_id', '=', 'c.id').where('u.deleted_at', 'is', null).where('u.merged_into_id', 'is', null).as('customers'),
          (eb) => eb.selectFrom('coupon_redemptions as r').innerJoin('coupon_codes as cc', (j) => j.onRef('cc.workspace_id', '=', 'r.workspace_id').onRef('cc.id', '=', 'r.code_id'))
            .select((e) => e.fn.countAll<number | string>().as('v')).whereRef('cc.workspace_id', '=', 'c.workspace_id').whereRef('cc.campaign_id', '=', 'c.id').as('redemptions'),
        ])
        .where('c.workspace_id', '=', workspaceId);
      if (ids) query = query.where('c.id', 'in', ids.length ? ids : ['']);
      return query.orderBy('c.starts_on', 'desc').orderBy('c.name_key').execute();
    },

    async insertCosts(rows: CampaignCostsTable[]): Promise<void> {
      if (rows.length) await db.insertInto('campaign_costs').values(rows).execute();
    },

    async costsOf(workspaceId: string, campaignId: string): Promise<CampaignCostsTable[]> {
      return db.selectFrom('campaign_costs').selectAll().where('workspace_id', '=', workspaceId).where('campaign_id', '=', campaignId).orderBy('spent_on').orderBy('id').execute();
    },

    async deleteCost(workspaceId: string, campaignId: string, costId: string): Promise<number> {
      const r = await db.deleteFrom('campaign_costs').where('workspace_id', '=', workspaceId).where('campaign_id', '=', campaignId).where('id', '=', costId).executeTakeFirst();
      return Number(r.numDeletedRows);
    },

    async insertCodes(rows: CouponCodesTable[]): Promise<void> {
      for (const chunk of chunked(rows, 500)) await db.insertInto('coupon_codes').values(chunk).execute();
    },

    /** Codes already taken in the workspace, by key. */
    async existingCodeKeys(workspaceId: string, keys: string[]): Promise<Set<string>> {
      const out = new Set<string>();
      for (const chunk of chunked(keys, 500)) {
        const rows = await db.selectFrom('coupon_codes').select('code_key').where('workspace_id', '=', workspaceId).where('code_key', 'in', chunk).execute();
        for (const r of rows) out.add(r.code_key);
      }
      return out;
    },

    async codesOf(workspaceId: string, campaignId: string) {
      return db
        .selectFrom('coupon_codes as cc')
        .leftJoin('coupon_redemptions as r', (j) => j.onRef('r.workspace_id', '=', 'cc.workspace_id').onRef('r.code_id', '=', 'cc.id'))
        .select(['cc.id', 'cc.code', 'cc.batch_id', 'cc.valid_from', 'cc.valid_until', 'cc.max_uses', 'cc.code_key',
          (eb) => eb.fn.count<number | string>('r.transaction_id').as('uses'),
          (eb) => eb.fn.count<number | string>('r.flag').as('flagged')])
        .where('cc.workspace_id', '=', workspaceId)
        .where('cc.campaign_id', '=', campaignId)
        .groupBy(['cc.id', 'cc.code', 'cc.batch_id', 'cc.valid_from', 'cc.valid_until', 'cc.max_uses', 'cc.code_key'])
        .orderBy('cc.code_key')
        .execute();
    },

    async deleteCode(workspaceId: string, campaignId: string, codeId: string): Promise<number> {
      await db.deleteFrom('coupon_redemptions').where('workspace_id', '=', workspaceId).where('code_id', '=', codeId).execute();
      const r = await db.deleteFrom('coupon_codes').where('workspace_id', '=', workspaceId).where('campaign_id', '=', campaignId).where('id', '=', codeId).executeTakeFirst();
      return Number(r.numDeletedRows);
    },

    async redemptionsOf(workspaceId: string, campaignId: string, limit: number) {
      return db
        .selectFrom('coupon_redemptions as r')
        .innerJoin('coupon_codes as cc', (j) => j.onRef('cc.workspace_id', '=', 'r.workspace_id').onRef('cc.id', '=', 'r.code_id'))
        .innerJoin('transactions as t', (j) => j.onRef('t.workspace_id', '=', 'r.workspace_id').onRef('t.id', '=', 'r.transaction_id'))
        .leftJoin('customers as u', (j) => j.onRef('u.workspace_id', '=', 'r.workspace_id').onRef('u.id', '=', 'r.customer_id'))
        .select(['r.transaction_id', 'cc.code', 'r.customer_id', 'u.display_name', 'r.redeemed_at', 't.amount_minor', 'r.flag'])
        .where('r.workspace_id', '=', workspaceId)
        .where('cc.campaign_id', '=', campaignId)
        .orderBy('r.redeemed_at', 'desc')
        .limit(limit)
        .execute();
    },
  };
}
