import type { z } from 'zod';
import type { AnalyticsSettings, CustomerValue, ModelReport, RecomputeStatus, RfmReport, updateAnalyticsSettingsSchema, ValueDashboard } from '../../contracts/analytics.ts';
import { toDbTime } from '../../db/dialect.ts';
import { AppError, notFound } from '../../shared/errors.ts';
import type { Actor } from '../auth/permissions.ts';
import { createCustomersRepository } from '../customers/customers.repository.ts';
import { currencyExponent } from '../imports/number-values.ts';
import { createWorkspacesRepository } from '../workspaces/workspaces.repository.ts';
import { createAnalyticsRepository, type MetricsRow, type StateRow } from './analytics.repository.ts';
import { MINIMUM_CUSTOMERS, MINIMUM_REPEAT_CUSTOMERS } from './predictions.ts';
import { settingsFrom, type AnalyticsDeps, type StoredModel } from './recompute.usecases.ts';
import type { ValueSummary } from './workspace-scoring.ts';

/** What the API reads: the stored metrics and summary, never a computation on the request path. */

export function statusOf(state: StateRow | undefined): RecomputeStatus {
  if (!state) return { state: 'idle', computedAt: null, staleSince: null, startedAt: null, progress: null, error: null };
  return {
    state: state.status,
    computedAt: state.computed_at,
    staleSince: state.stale_since,
    startedAt: state.status === 'running' ? state.started_at : null,
    progress: state.status === 'running' ? state.progress : null,
    error: state.status === 'failed' ? state.error : null,
  };
}

async function context(deps: AnalyticsDeps, workspaceId: string) {
  const workspace = await createWorkspacesRepository(deps.db).getWorkspace(workspaceId);
  if (!workspace) throw notFound('workspace');
  const state = await createAnalyticsRepository(deps.db).state(workspaceId);
  return { currency: workspace.base_currency, state, settings: settingsFrom(state), summary: (state?.summary ?? null) as ValueSummary | null, model: (state?.model ?? null) as StoredModel | null };
}

export async function recomputeStatus(deps: AnalyticsDeps, actor: Actor): Promise<RecomputeStatus> {
  return statusOf(await createAnalyticsRepository(deps.db).state(actor.workspaceId));
}

/** Asks for a recompute (the scheduler picks it up within a second or two). */
export async function requestRecompute(deps: AnalyticsDeps, actor: Actor, refit: boolean): Promise<RecomputeStatus> {
  const repo = createAnalyticsRepository(deps.db);
  // Backdated past the quiet period: an explicit request need not wait for more changes.
  await repo.markStale(actor.workspaceId, toDbTime(new Date(deps.clock.now().getTime() - 60_000)), refit);
  return statusOf(await repo.state(actor.workspaceId));
}

export async function getSettings(deps: AnalyticsDeps, actor: Actor): Promise<AnalyticsSettings> {
  return (await context(deps, actor.workspaceId)).settings;
}

const invalidSetting = (path: string, code: string, message: string) => new AppError('validation.failed', 400, message, { fields: [{ path, code, message }] });

export async function updateSettings(deps: AnalyticsDeps, actor: Actor, changes: z.output<typeof updateAnalyticsSettingsSchema>): Promise<AnalyticsSettings> {
  const { settings } = await context(deps, actor.workspaceId);
  const next = { ...settings, ...Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)) } as AnalyticsSettings;
  if (next.goldShare + next.silverShare > 0.8) throw invalidSetting('silverShare', 'tier_shares_too_large', 'Gold and silver together cannot exceed 80%');
  if (!(next.dueAfterGaps < next.atRiskAfterGaps && next.atRiskAfterGaps < next.lapsedAfterGaps)) throw invalidSetting('atRiskAfterGaps', 'lapse_order', 'Due, at risk and lapsed must come in that order (due < at risk < lapsed)');
  if (next.lapsedBelowPAlive > next.atRiskBelowPAlive) throw invalidSetting('lapsedBelowPAlive', 'lapse_order', 'The lapsed P(alive) threshold must not be above the at-risk one');
  const repo = createAnalyticsRepository(deps.db);
  await repo.saveSettings(actor.workspaceId, next);
  await repo.markStale(actor.workspaceId, toDbTime(new Date(deps.clock.now().getTime() - 60_000)), false);
  return next;
}

const predictionOf = (model: StoredModel | null) => (model ? { available: model.available, reason: model.reason } : { available: false, reason: 'not_computed' as const });

function goldEntry(row: MetricsRow & { display_name: string }) {
  return {
    id: row.customer_id,
    displayName: row.display_name,
    valueMinor: row.tier_value ?? 0,
    trend: row.revenue_prior_365 > 0 ? Math.round((row.revenue_365 / row.revenue_prior_365 - 1) * 1000) / 1000 : null,
    lastPurchaseAt: row.last_purchase_at,
    pAlive: row.p_alive,
    clvMinor: row.clv,
    rank: row.value_rank ?? 0,
    tier: row.tier,
  };
}

export async function valueDashboard(deps: AnalyticsDeps, actor: Actor): Promise<ValueDashboard> {
  const { currency, state, settings, summary, model } = await context(deps, actor.workspaceId);
  const repo = createAnalyticsRepository(deps.db);
  const gold = summary ? (await repo.topRanked(actor.workspaceId, 100)).filter((r) => r.tier === 'gold') : [];
  const changes = summary ? await repo.goldChanges(actor.workspaceId, 200) : [];
  const prediction = predictionOf(model);
  return {
    status: statusOf(state),
    currency,
    settings,
    totals: { customers: summary?.customers ?? (await repo.countCustomers(actor.workspaceId)), buyers: summary?.buyers ?? 0, ranked: summary?.ranked ?? 0, revenue: summary?.revenue ?? { days30: 0, days90: 0, days365: 0, lifetime: 0 } },
    months: summary?.months ?? [],
    pareto: summary?.pareto ?? { points: [], gold: null, silver: null },
    tiers: summary?.tiers ?? [],
    gold: gold.map(goldEntry),
    period: {
      start: summary?.periodStart ?? toDbTime(deps.clock.now()).slice(0, 8) + '01',
      entered: changes.filter((r) => r.tier === 'gold').map(goldEntry),
      left: changes.filter((r) => r.tier !== 'gold').map(goldEntry),
    },
    prediction: { ...prediction, clvTotalMinor: prediction.available ? (summary?.clvTotalMinor ?? null) : null, expectedPurchases365: prediction.available ? (summary?.expectedPurchases365 ?? null) : null },
  };
}

export async function rfmReport(deps: AnalyticsDeps, actor: Actor): Promise<RfmReport> {
  const { currency, state, summary } = await context(deps, actor.workspaceId);
  return { status: statusOf(state), currency, segments: summary?.rfm.segments ?? [], grid: summary?.rfm.grid ?? [] };
}

export async function modelReport(deps: AnalyticsDeps, actor: Actor): Promise<ModelReport> {
  const { state, model, currency } = await context(deps, actor.workspaceId);
  const prediction = predictionOf(model);
  // Stored in minor units (what scoring uses); shown in the currency's units.
  const minorPerUnit = 10 ** currencyExponent(currency);
  return {
    status: statusOf(state),
    ...prediction,
    fittedAt: model?.bgnbd ? model.fittedAt : null,
    unit: 'week',
    currency,
    observationEnd: model?.observationEnd ?? null,
    customers: model?.customers ?? 0,
    repeatCustomers: model?.repeatCustomers ?? 0,
    minimums: { customers: MINIMUM_CUSTOMERS, repeatCustomers: MINIMUM_REPEAT_CUSTOMERS },
    bgnbd: model?.available ? model.bgnbd : null,
    gammaGamma: model?.available && model.gammaGamma ? { ...model.gammaGamma, gamma: model.gammaGamma.gamma / minorPerUnit } : null,
    tracking: model?.available ? model.tracking : null,
  };
}

export async function customerValue(deps: AnalyticsDeps, actor: Actor, customerId: string): Promise<CustomerValue> {
  const customer = await createCustomersRepository(deps.db).getCustomer(actor.workspaceId, customerId);
  if (!customer) throw notFound('customer');
  const { currency, state, summary, model } = await context(deps, actor.workspaceId);
  const m = await createAnalyticsRepository(deps.db).metrics(actor.workspaceId, customerId);
  const prediction = predictionOf(model);
  const predicted = prediction.available && m && m.p_alive !== null;
  return {
    customerId,
    computedAt: m?.computed_at ?? state?.computed_at ?? null,
    currency,
    revenue: { days30: m?.revenue_30 ?? 0, days90: m?.revenue_90 ?? 0, days365: m?.revenue_365 ?? 0, lifetime: m?.revenue_lifetime ?? 0 },
    profit: { days30: m?.profit_30 ?? null, days90: m?.profit_90 ?? null, days365: m?.profit_365 ?? null, lifetime: m?.profit_lifetime ?? null },
    purchases: m?.purchases ?? 0,
    averageOrderMinor: m?.average_order ?? null,
    averageGapDays: m?.average_gap_days ?? null,
    firstPurchaseAt: m?.first_purchase_at ?? null,
    lastPurchaseAt: m?.last_purchase_at ?? null,
    daysSinceLastPurchase: m?.days_since_last ?? null,
    rank: m?.value_rank ?? null,
    rankedCustomers: summary?.ranked ?? 0,
    percentile: m?.value_percentile ?? null,
    tier: m?.tier ?? null,
    previousTier: m?.previous_tier ?? null,
    rfm: m && m.rfm_segment ? { r: m.rfm_r!, f: m.rfm_f!, m: m.rfm_m!, segment: m.rfm_segment as NonNullable<CustomerValue['rfm']>['segment'] } : null,
    prediction: {
      available: Boolean(predicted),
      reason: predicted ? null : m ? (prediction.reason ?? 'not_computed') : state?.computed_at ? 'no_purchases' : 'not_computed',
      pAlive: predicted ? m!.p_alive : null,
      expected30: predicted ? m!.expected_30 : null,
      expected90: predicted ? m!.expected_90 : null,
      expected365: predicted ? m!.expected_365 : null,
      expectedSpendMinor: predicted ? m!.expected_spend : null,
      clvMinor: predicted ? m!.clv : null,
      clvProfitMinor: predicted ? m!.clv_profit : null,
    },
    lapse: { state: m?.lapse_state ?? null, gapDays: m?.lapse_gap_days ?? null, gapSource: m?.lapse_gap_source ?? null },
  };
}
