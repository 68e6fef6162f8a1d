import type { Kysely } from 'kysely';
import { columnTypes, type DialectName } from '../dialect.ts';

/**
 * Campaigns with their cost lines and coupon codes, the redemptions purchases make, the campaign
 * a purchase or a customer belongs to, and who referred each customer (with the code a customer
 * shares to refer others).
 */
export function campaignsReferrals(dialect: DialectName) {
  const t = columnTypes(dialect);
  const money = dialect === 'postgres' ? 'bigint' : 'integer';
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('campaigns')
        .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
        .addColumn('id', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('name_key', 'text', (c) => c.notNull())
        .addColumn('source_id', 'text')
        .addColumn('starts_on', 'text')
        .addColumn('ends_on', 'text')
        .addColumn('target_view_id', 'text')
        .addColumn('notes', 'text')
        .addColumn('created_at', t.timestamp, (c) => c.notNull())
        .addColumn('updated_at', t.timestamp, (c) => c.notNull())
        .addPrimaryKeyConstraint('campaigns_pk', ['workspace_id', 'id'])
        .addUniqueConstraint('campaigns_name_uq', ['workspace_id', 'name_key'])
        .execute();
      await db.schema
        .createTable('campaign_costs')
        .addColumn('workspace_id', 'text', (c) => c.notNull())
        .addColumn('id', 'text', (c) => c.notNull())
        .addColumn('campaign_id', 'text', (c) => c.notNull())
        .addColumn('spent_on', 'text', (c) => c.notNull())
        .addColumn('amount_minor', money, (c) => c.notNull())
        .addColumn('currency', 'text', (c) => c.notNull())
        .addColumn('description', 'text')
        .addColumn('created_at', t.timestamp, (c) => c.notNull())
        .addPrimaryKeyConstraint('campaign_costs_pk', ['workspace_id', 'id'])
        .addForeignKeyConstraint('campaign_costs_campaign_fk', ['workspace_id', 'campaign_id'], 'campaigns', ['workspace_id', 'id'], (c) => c.onDelete('cascade'))
        .execute();
      await db.schema
        .createTable('coupon_codes')
        .addColumn('workspace_id', 'text', (c) => c.notNull())
        .addColumn('id', 'text', (c) => c.notNull())
        .addColumn('campaign_id', 'text', (c) => c.notNull())
        .addColumn('code', 'text', (c) => c.notNull())
        .addColumn('code_key', 'text', (c) => c.notNull())
        .addColumn('batch_id', 'text')
        .addColumn('valid_from', 'text')
        .addColumn('valid_until', 'text')
        .addColumn('max_uses', 'integer')
        .addColumn('created_at', t.timestamp, (c) => c.notNull())
        .addPrimaryKeyConstraint('coupon_codes_pk', ['workspace_id', 'id'])
        .addUniqueConstraint('coupon_codes_code_uq', ['workspace_id', 'code_key'])
        .addForeignKeyConstraint('coupon_codes_campaign_fk', ['workspace_id', 'campaign_id'], 'campaigns', ['workspace_id', 'id'], (c) => c.onDelete('cascade'))
        .execute();
      await db.schema
        .createTable('coupon_redemptions')
        .addColumn('workspace_id', 'text', (c) => c.notNull())
        .addColumn('transaction_id', 'text', (c) => c.notNull())
        .addColumn('code_id', 'text', (c) => c.notNull())
        .addColumn('customer_id', 'text')
        .addColumn('redeemed_at', t.timestamp, (c) => c.notNull())
        .addColumn('flag', 'text')
        .addPrimaryKeyConstraint('coupon_redemptions_pk', ['workspace_id', 'transaction_id'])
        .addForeignKeyConstraint('coupon_redemptions_code_fk', ['workspace_id', 'code_id'], 'coupon_codes', ['workspace_id', 'id'], (c) => c.onDelete('cascade'))
        .execute();
      await db.schema.createIndex('coupon_redemptions_code_idx').on('coupon_redemptions').columns(['workspace_id', 'code_id']).execute();
      await db.schema.alterTable('transactions').addColumn('campaign_id', 'text').execute();
      await db.schema.createIndex('transactions_campaign_idx').on('transactions').columns(['workspace_id', 'campaign_id']).execute();
      await db.schema.alterTable('customers').addColumn('campaign_id', 'text').execute();
      await db.schema.alterTable('customers').addColumn('referred_by_id', 'text').execute();
      await db.schema.alterTable('customers').addColumn('referral_code', 'text').execute();
      await db.schema.createIndex('customers_referred_by_idx').on('customers').columns(['workspace_id', 'referred_by_id']).execute();
      await db.schema.createIndex('customers_campaign_idx').on('customers').columns(['workspace_id', 'campaign_id']).execute();
      await db.schema.createIndex('customers_referral_code_uq').unique().on('customers').columns(['workspace_id', 'referral_code']).execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropIndex('customers_referral_code_uq').execute();
      await db.schema.dropIndex('customers_campaign_idx').execute();
      await db.schema.dropIndex('customers_referred_by_idx').execute();
      await db.schema.alterTable('customers').dropColumn('referral_code').execute();
      await db.schema.alterTable('customers').dropColumn('referred_by_id').execute();
      await db.schema.alterTable('customers').dropColumn('campaign_id').execute();
      await db.schema.dropIndex('transactions_campaign_idx').execute();
      await db.schema.alterTable('transactions').dropColumn('campaign_id').execute();
      await db.schema.dropTable('coupon_redemptions').execute();
      await db.schema.dropTable('coupon_codes').execute();
      await db.schema.dropTable('campaign_costs').execute();
      await db.schema.dropTable('campaigns').execute();
    },
  };
}
