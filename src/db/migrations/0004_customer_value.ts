import { sql, type Kysely } from 'kysely';
import { columnTypes, type DialectName } from '../dialect.ts';

/**
 * Customer value: one row of metrics per customer who has bought (stored so that lists,
 * filters, sorts and exports read them like any column), and per workspace the state of
 * the recompute job, its settings, the dashboard summary and the fitted models.
 */
export function customerValue(dialect: DialectName) {
  const t = columnTypes(dialect);
  const money = dialect === 'postgres' ? 'bigint' : 'integer';
  const float = dialect === 'postgres' ? 'double precision' : 'real';
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      let table = db.schema
        .createTable('customer_metrics')
        .addColumn('workspace_id', 'text', (c) => c.notNull())
        .addColumn('customer_id', 'text', (c) => c.notNull())
        .addColumn('computed_at', t.timestamp, (c) => c.notNull());
      for (const name of ['revenue_30', 'revenue_90', 'revenue_365', 'revenue_lifetime', 'revenue_prior_365']) table = table.addColumn(name, money, (c) => c.notNull());
      for (const name of ['profit_30', 'profit_90', 'profit_365', 'profit_lifetime', 'average_order', 'tier_value', 'expected_spend', 'clv', 'clv_profit']) table = table.addColumn(name, money);
      table = table
        .addColumn('purchases', 'integer', (c) => c.notNull())
        .addColumn('average_gap_days', float)
        .addColumn('first_purchase_at', t.timestamp)
        .addColumn('last_purchase_at', t.timestamp)
        .addColumn('days_since_last', 'integer')
        .addColumn('value_rank', 'integer')
        .addColumn('value_percentile', float)
        .addColumn('tier', 'text')
        .addColumn('previous_tier', 'text')
        .addColumn('rfm_r', 'integer')
        .addColumn('rfm_f', 'integer')
        .addColumn('rfm_m', 'integer')
        .addColumn('rfm_segment', 'text');
      for (const name of ['p_alive', 'expected_30', 'expected_90', 'expected_365', 'margin', 'lapse_gap_days']) table = table.addColumn(name, float);
      await table
        .addColumn('lapse_state', 'text')
        .addColumn('lapse_gap_source', 'text')
        .addPrimaryKeyConstraint('customer_metrics_pk', ['workspace_id', 'customer_id'])
        .addForeignKeyConstraint('customer_metrics_customer_fk', ['workspace_id', 'customer_id'], 'customers', ['workspace_id', 'id'], (c) => c.onDelete('cascade'))
        .addCheckConstraint('customer_metrics_tier_check', sql`tier in ('gold', 'silver', 'other')`)
        .execute();
      await db.schema.createIndex('customer_metrics_rank_idx').on('customer_metrics').columns(['workspace_id', 'value_rank']).execute();
      await db.schema.createIndex('customer_metrics_segment_idx').on('customer_metrics').columns(['workspace_id', 'rfm_segment']).execute();
      await db.schema.createIndex('customer_metrics_lapse_idx').on('customer_metrics').columns(['workspace_id', 'lapse_state']).execute();

      await db.schema
        .createTable('analytics_state')
        .addColumn('workspace_id', 'text', (c) => c.primaryKey().references('workspaces.id').onDelete('cascade'))
        .addColumn('settings', t.json)
        // idle | pending (a change waits to be counted) | running | failed
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('stale_since', t.timestamp)
        .addColumn('refit_requested', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('computed_at', t.timestamp)
        .addColumn('started_at', t.timestamp)
        .addColumn('heartbeat_at', t.timestamp)
        .addColumn('progress', float)
        .addColumn('error', 'text')
        // The dashboard: monthly revenue, Pareto curve, tiers, RFM counts (JSON).
        .addColumn('summary', t.json)
        // The fitted models with their diagnostics and the holdout tracking (JSON).
        .addColumn('model', t.json)
        .addColumn('fitted_at', t.timestamp)
        .addColumn('purchases_at_fit', 'integer')
        .execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropTable('analytics_state').execute();
      await db.schema.dropTable('customer_metrics').execute();
    },
  };
}
