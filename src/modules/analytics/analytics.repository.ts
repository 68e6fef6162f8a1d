import type { Kysely } from 'kysely';
import { bulkInsert, type ColumnKinds } from '../../db/bulk-insert.ts';
import { parseJsonColumn } from '../../db/dialect.ts';
import type { AnalyticsStateTable, CustomerMetricsTable, DB } from '../../db/schema.ts';

export type MetricsRow = CustomerMetricsTable;
export type StateRow = AnalyticsStateTable;

const MONEY = ['revenue_30', 'revenue_90', 'revenue_365', 'revenue_lifetime', 'revenue_prior_365', 'profit_30', 'profit_90', 'profit_365', 'profit_lifetime', 'average_order', 'tier_value', 'expected_spend', 'clv', 'clv_profit'] as const;

const KINDS: ColumnKinds<'customer_metrics'> = {
  workspace_id: 'text', customer_id: 'text', computed_at: 'timestamp',
  revenue_30: 'bigint', revenue_90: 'bigint', revenue_365: 'bigint', revenue_lifetime: 'bigint', revenue_prior_365: 'bigint',
  profit_30: 'bigint', profit_90: 'bigint', profit_365: 'bigint', profit_lifetime: 'bigint', average_order: 'bigint', tier_value: 'bigint',
  expected_spend: 'bigint', clv: 'bigint', clv_profit: 'bigint', purchases: 'integer', average_gap_days: 'double', first_purchase_at: 'timestamp',
  last_purchase_at: 'timestamp', days_since_last: 'integer', value_rank: 'integer', value_percentile: 'double', tier: 'text', previous_tier: 'text',
  rfm_r: 'integer', rfm_f: 'integer', rfm_m: 'integer', rfm_segment: 'text', p_alive: 'double', expected_30: 'double', expected_90: 'double',
  expected_365: 'double', margin: 'double', lapse_gap_days: 'double', lapse_state: 'text', lapse_gap_source: 'text',
};

/** PostgreSQL returns bigint as text, and timestamps as Dates through some paths: one shape out. */
export function readMetrics(row: MetricsRow): MetricsRow {
  const out = { ...row } as Record<string, unknown>;
  for (const k of MONEY) if (out[k] !== null && out[k] !== undefined) out[k] = Number(out[k]);
  return out as unknown as MetricsRow;
}

export interface LedgerRow {
  customer_id: string;
  occurred_at: string;
  kind: 'sale' | 'refund';
  amount_minor: number;
  cost_minor: number | null;
}

export type NamedMetrics = MetricsRow & { display_name: string };

export function createAnalyticsRepository(db: Kysely<DB>) {
  /** Metrics of the workspace's customers who are not deleted, with their names. */
  const metricsWithNames = (workspaceId: string) =>
    db
      .selectFrom('customer_metrics as m')
      .innerJoin('customers as c', (j) => j.onRef('c.workspace_id', '=', 'm.workspace_id').onRef('c.id', '=', 'm.customer_id'))
      .selectAll('m')
      .select('c.display_name')
      .where('m.workspace_id', '=', workspaceId)
      .where('c.deleted_at', 'is', null);
  const named = async (query: ReturnType<typeof metricsWithNames>): Promise<NamedMetrics[]> => (await query.execute()).map((r) => ({ ...readMetrics(r), display_name: r.display_name }));
  return {
    async state(workspaceId: string): Promise<StateRow | undefined> {
      const row = await db.selectFrom('analytics_state').selectAll().where('workspace_id', '=', workspaceId).executeTakeFirst();
      return row ? { ...row, settings: row.settings === null ? null : parseJsonColumn(row.settings), summary: row.summary === null ? null : parseJsonColumn(row.summary), model: row.model === null ? null : parseJsonColumn(row.model) } : undefined;
    },

    /** The workspace's state row, created idle if it has none. */
    async ensureState(workspaceId: string): Promise<void> {
      await db.insertInto('analytics_state').values({ workspace_id: workspaceId, settings: null, status: 'idle', refit_requested: 0 }).onConflict((oc) => oc.column('workspace_id').doNothing()).execute();
    },

    /** Something that changes value happened: count it at the next run (created on first use). */
    async markStale(workspaceId: string, now: string, refit: boolean): Promise<void> {
      await db
        .insertInto('analytics_state')
        .values({ workspace_id: workspaceId, settings: null, status: 'pending', stale_since: now, refit_requested: refit ? 1 : 0 })
        .onConflict((oc) =>
          oc.column('workspace_id').doUpdateSet((eb) => ({
            stale_since: eb.fn.coalesce('analytics_state.stale_since', eb.val(now)),
            status: eb.case().when('analytics_state.status', '=', 'running').then('running' as const).else('pending' as const).end(),
            refit_requested: refit ? 1 : eb.ref('analytics_state.refit_requested'),
          })),
        )
        .execute();
    },

    async saveSettings(workspaceId: string, settings: unknown): Promise<void> {
      await db
        .insertInto('analytics_state')
        .values({ workspace_id: workspaceId, settings: JSON.stringify(settings), status: 'idle', refit_requested: 0 })
        .onConflict((oc) => oc.column('workspace_id').doUpdateSet({ settings: JSON.stringify(settings) }))
        .execute();
    },

    /** Takes the job if it waits, or if its runner stopped beating before `staleBefore`. */
    async claim(workspaceId: string, now: string, staleBefore: string): Promise<boolean> {
      const result = await db
        .updateTable('analytics_state')
        .set({ status: 'running', started_at: now, heartbeat_at: now, stale_since: null, progress: 0, error: null })
        .where('workspace_id', '=', workspaceId)
        .where((eb) => eb.or([eb('status', '!=', 'running'), eb('heartbeat_at', 'is', null), eb('heartbeat_at', '<', staleBefore)]))
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    async heartbeat(workspaceId: string, now: string, progress: number): Promise<void> {
      await db.updateTable('analytics_state').set({ heartbeat_at: now, progress }).where('workspace_id', '=', workspaceId).execute();
    },

    /** Done: pending again if something changed while it ran. */
    async finish(workspaceId: string, values: { computedAt: string; summary: unknown; model?: unknown; fittedAt?: string; purchasesAtFit?: number }): Promise<void> {
      await db
        .updateTable('analytics_state')
        .set((eb) => ({
          status: eb.case().when('stale_since', 'is', null).then('idle' as const).else('pending' as const).end(),
          computed_at: values.computedAt,
          heartbeat_at: null,
          progress: null,
          summary: JSON.stringify(values.summary),
          ...(values.model !== undefined ? { model: JSON.stringify(values.model), fitted_at: values.fittedAt ?? null, purchases_at_fit: values.purchasesAtFit ?? null, refit_requested: 0 } : {}),
        }))
        .where('workspace_id', '=', workspaceId)
        .execute();
    },

    async fail(workspaceId: string, message: string): Promise<void> {
      await db.updateTable('analytics_state').set({ status: 'failed', error: message.slice(0, 2000), heartbeat_at: null, progress: null }).where('workspace_id', '=', workspaceId).execute();
    },

    /** Workspaces whose job waits (changed before `quietSince`), lost its runner, or was last counted before `dueBefore`. */
    async due(quietSince: string, staleBefore: string, dueBefore: string): Promise<string[]> {
      const rows = await db
        .selectFrom('analytics_state')
        .select('workspace_id')
        .where((eb) =>
          eb.or([
            eb.and([eb('status', '=', 'pending'), eb('stale_since', '<=', quietSince)]),
            eb.and([eb('status', '=', 'running'), eb.or([eb('heartbeat_at', 'is', null), eb('heartbeat_at', '<', staleBefore)])]),
            eb.and([eb('status', '=', 'idle'), eb('computed_at', '<', dueBefore)]),
          ]),
        )
        .execute();
      return rows.map((r) => r.workspace_id);
    },

    /** Customers (not deleted) in id order after `after`, a page at a time. */
    async customerPage(workspaceId: string, after: string, limit: number): Promise<{ id: string; display_name: string }[]> {
      return db.selectFrom('customers').select(['id', 'display_name']).where('workspace_id', '=', workspaceId).where('deleted_at', 'is', null).where('id', '>', after).orderBy('id').limit(limit).execute();
    },

    /** Those of these customers that are not deleted. */
    async liveCustomers(workspaceId: string, ids: string[]): Promise<string[]> {
      if (ids.length === 0) return [];
      const rows = await db.selectFrom('customers').select('id').where('workspace_id', '=', workspaceId).where('id', 'in', ids).where('deleted_at', 'is', null).execute();
      return rows.map((r) => r.id);
    },

    async countCustomers(workspaceId: string): Promise<number> {
      const row = await db.selectFrom('customers').select((eb) => eb.fn.countAll<number>().as('n')).where('workspace_id', '=', workspaceId).where('deleted_at', 'is', null).executeTakeFirstOrThrow();
      return Number(row.n);
    },

    async countPurchases(workspaceId: string): Promise<number> {
      const row = await db.selectFrom('transactions').select((eb) => eb.fn.countAll<number>().as('n')).where('workspace_id', '=', workspaceId).executeTakeFirstOrThrow();
      return Number(row.n);
    },

    /** The base-currency ledger of customers with ids in [first, last]. */
    async ledger(workspaceId: string, currency: string, first: string, last: string): Promise<LedgerRow[]> {
      const rows = await db
        .selectFrom('transactions')
        .select(['customer_id', 'occurred_at', 'kind', 'amount_minor', 'cost_minor'])
        .where('workspace_id', '=', workspaceId)
        .where('customer_id', '>=', first)
        .where('customer_id', '<=', last)
        .where('currency', '=', currency)
        .execute();
      return rows.map((r) => ({ customer_id: r.customer_id!, occurred_at: r.occurred_at, kind: r.kind, amount_minor: Number(r.amount_minor), cost_minor: r.cost_minor === null ? null : Number(r.cost_minor) }));
    },

    /** Replaces every customer's metrics in one transaction. */
    async replaceMetrics(workspaceId: string, rows: MetricsRow[]): Promise<void> {
      await db.transaction().execute(async (trx) => {
        await trx.deleteFrom('customer_metrics').where('workspace_id', '=', workspaceId).execute();
        await bulkInsert(trx, 'customer_metrics', KINDS, rows);
      });
    },

    /** Replaces some customers' metrics (the cheap update after a purchase changes). */
    async replaceCustomerMetrics(workspaceId: string, customerIds: string[], rows: MetricsRow[]): Promise<void> {
      await db.transaction().execute(async (trx) => {
        if (customerIds.length) await trx.deleteFrom('customer_metrics').where('workspace_id', '=', workspaceId).where('customer_id', 'in', customerIds).execute();
        await bulkInsert(trx, 'customer_metrics', KINDS, rows);
      });
    },

    /** Every scored customer's tier and lapse state, in id order. */
    async tiersAndStates(workspaceId: string) {
      return db.selectFrom('customer_metrics').select(['customer_id', 'tier', 'lapse_state']).where('workspace_id', '=', workspaceId).orderBy('customer_id').execute();
    },

    async metrics(workspaceId: string, customerId: string): Promise<MetricsRow | undefined> {
      const row = await db.selectFrom('customer_metrics').selectAll().where('workspace_id', '=', workspaceId).where('customer_id', '=', customerId).executeTakeFirst();
      return row ? readMetrics(row) : undefined;
    },

    /** The best-ranked customers with their names. */
    async topRanked(workspaceId: string, limit: number): Promise<NamedMetrics[]> {
      return named(metricsWithNames(workspaceId).where('m.value_rank', 'is not', null).orderBy('m.value_rank').limit(limit));
    },

    /** Customers gold now and not at the period start, or the other way round. */
    async goldChanges(workspaceId: string, limit: number): Promise<NamedMetrics[]> {
      return named(
        metricsWithNames(workspaceId)
          .where((eb) => eb.or([eb.and([eb('m.tier', '=', 'gold'), eb.or([eb('m.previous_tier', 'is', null), eb('m.previous_tier', '!=', 'gold')])]), eb.and([eb('m.previous_tier', '=', 'gold'), eb.or([eb('m.tier', 'is', null), eb('m.tier', '!=', 'gold')])])]))
          .orderBy('m.tier_value', 'desc')
          .limit(limit),
      );
    },
  };
}
