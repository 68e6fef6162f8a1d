import type { Kysely } from 'kysely';
import { analyticsSettingsSchema, DEFAULT_ANALYTICS_SETTINGS, type AnalyticsSettings } from '../../contracts/analytics.ts';
import { toDbTime } from '../../db/dialect.ts';
import type { DB } from '../../db/schema.ts';
import type { Clock } from '../../shared/clock.ts';
import { notFound } from '../../shared/errors.ts';
import { createWorkspacesRepository } from '../workspaces/workspaces.repository.ts';
import { createAnalyticsRepository, type LedgerRow, type StateRow } from './analytics.repository.ts';
import type { BgNbdParams } from './bgnbd.ts';
import { aggregateCustomer, type CustomerAggregates, type LedgerEntry } from './customer-aggregates.ts';
import type { GammaGammaParams } from './gamma-gamma.ts';
import { fitWorkspaceModels, type PredictionReason } from './predictions.ts';
import { dayInZone, dayNumber, dayToDate } from './repeat-summaries.ts';
import { trackModel, type Tracking } from './tracking.ts';
import { scoreWorkspace, type ScoringModels, type ValueSummary } from './workspace-scoring.ts';

/**
 * Recomputing a workspace's customer value: the ledger read customer by customer, the
 * aggregates and scores of every customer written in one transaction, the models refitted
 * when enough has changed (or on request), and the dashboard's summary kept beside them.
 */
export interface AnalyticsDeps {
  db: Kysely<DB>;
  clock: Clock;
}

/** What is stored of a fit: enough to score without fitting again, and to show the model page. */
export interface StoredModel {
  available: boolean;
  reason: PredictionReason | null;
  fittedAt: string;
  observationEnd: string;
  customers: number;
  repeatCustomers: number;
  bgnbd: (BgNbdParams & { logLikelihood: number; converged: boolean; iterations: number; customers: number }) | null;
  gammaGamma: (GammaGammaParams & { logLikelihood: number; converged: boolean; iterations: number; customers: number }) | null;
  tracking: Omit<Tracking, 'params'> | null;
}

/** Refit when a tenth of the purchases are new (or gone), or the fit is a week old. */
const REFIT_SHARE = 0.1;
const REFIT_AGE_MS = 7 * 24 * 3600 * 1000;
const PAGE = 5000;

export function settingsFrom(state: StateRow | undefined): AnalyticsSettings {
  const parsed = analyticsSettingsSchema.partial().safeParse(state?.settings ?? {});
  return { ...DEFAULT_ANALYTICS_SETTINGS, ...(parsed.success ? parsed.data : {}) };
}

function entriesOf(rows: readonly LedgerRow[], dayOf: (ms: number) => number): Map<string, LedgerEntry[]> {
  const byCustomer = new Map<string, LedgerEntry[]>();
  for (const r of rows) {
    const at = Date.parse(r.occurred_at);
    const list = byCustomer.get(r.customer_id) ?? [];
    list.push({ at, day: dayOf(at), sale: r.kind === 'sale', amount: r.amount_minor, cost: r.cost_minor });
    byCustomer.set(r.customer_id, list);
  }
  return byCustomer;
}

/** Today and the day before this month began, in the workspace's time zone. */
function calendar(now: Date, timeZone: string) {
  const dayOf = dayInZone(timeZone);
  const today = dayOf(now.getTime());
  const periodStart = dayNumber(`${dayToDate(today).slice(0, 7)}-01`);
  return { dayOf, today, periodStart, previousPeriodEnd: periodStart - 1, monthOf: (day: number) => dayToDate(day).slice(0, 7) };
}

/**
 * The full recompute of one workspace. The caller holds the job (see analytics-jobs.ts);
 * `onProgress` is told the share done as customers are read.
 */
export interface RecomputeOutcome {
  customers: number;
  buyers: number;
  refitted: boolean;
  model: StoredModel | null;
}

export async function recomputeWorkspace(deps: AnalyticsDeps, workspaceId: string, options: { refit?: boolean; onProgress?: (share: number) => Promise<void> } = {}): Promise<RecomputeOutcome> {
  const repo = createAnalyticsRepository(deps.db);
  const workspace = await createWorkspacesRepository(deps.db).getWorkspace(workspaceId);
  if (!workspace) throw notFound('workspace');
  await repo.ensureState(workspaceId);
  const state = await repo.state(workspaceId);
  const settings = settingsFrom(state);
  const now = deps.clock.now();
  const computedAt = toDbTime(now);
  const cal = calendar(now, workspace.time_zone);
  const total = await repo.countCustomers(workspaceId);

  const aggregates: CustomerAggregates[] = [];
  const months = new Map<string, { revenue: number; profit: number | null; buyers: number }>();
  let after = '';
  let seen = 0;
  for (;;) {
    const customers = await repo.customerPage(workspaceId, after, PAGE);
    if (customers.length === 0) break;
    after = customers.at(-1)!.id;
    const ledger = entriesOf(await repo.ledger(workspaceId, workspace.base_currency, customers[0]!.id, after), cal.dayOf);
    for (const c of customers) {
      const entries = ledger.get(c.id);
      if (!entries) continue;
      const a = aggregateCustomer(c.id, entries, { today: cal.today, previousPeriodEnd: cal.previousPeriodEnd, monthOf: cal.monthOf });
      for (const [month, m] of a.months) {
        const into = months.get(month) ?? { revenue: 0, profit: null, buyers: 0 };
        into.revenue += m.revenue;
        if (m.profit !== null) into.profit = (into.profit ?? 0) + m.profit;
        into.buyers++;
        months.set(month, into);
      }
      a.months = new Map();
      aggregates.push(a);
    }
    seen += customers.length;
    await options.onProgress?.(Math.min(0.8, (0.8 * seen) / Math.max(1, total)));
  }

  const purchases = await repo.countPurchases(workspaceId);
  const previous = (state?.model ?? null) as StoredModel | null;
  const refit =
    options.refit === true ||
    state?.refit_requested === 1 ||
    !previous ||
    !state?.fitted_at ||
    now.getTime() - Date.parse(state.fitted_at) > REFIT_AGE_MS ||
    Math.abs(purchases - (state.purchases_at_fit ?? 0)) >= REFIT_SHARE * Math.max(1, state.purchases_at_fit ?? 0);
  let model = previous;
  if (refit) {
    const summaries = aggregates.flatMap((a) => (a.model ? [a.model] : []));
    const fit = fitWorkspaceModels(summaries);
    const tracking = fit.available ? trackModel(aggregates, cal.today) : null;
    model = {
      available: fit.available,
      reason: fit.reason,
      fittedAt: computedAt,
      observationEnd: dayToDate(cal.today),
      customers: fit.customers,
      repeatCustomers: fit.repeatCustomers,
      bgnbd: fit.bgnbd ? { ...fit.bgnbd.params, logLikelihood: fit.bgnbd.logLikelihood, converged: fit.bgnbd.converged, iterations: fit.bgnbd.iterations, customers: fit.bgnbd.customers } : null,
      gammaGamma: fit.gammaGamma ? { ...fit.gammaGamma.params, logLikelihood: fit.gammaGamma.logLikelihood, converged: fit.gammaGamma.converged, iterations: fit.gammaGamma.iterations, customers: fit.gammaGamma.customers } : null,
      tracking: tracking ? { calibrationEnd: tracking.calibrationEnd, holdoutEnd: tracking.holdoutEnd, weeks: tracking.weeks, holdout: tracking.holdout } : null,
    };
  }
  await options.onProgress?.(0.9);

  const { rows, summary } = scoreWorkspace(aggregates, { workspaceId, computedAt, customers: total, settings, models: scoringModels(model), months, periodStart: dayToDate(cal.periodStart) });
  await repo.replaceMetrics(workspaceId, rows);
  await repo.finish(workspaceId, { computedAt, summary, ...(refit ? { model, fittedAt: computedAt, purchasesAtFit: purchases } : {}) });
  return { customers: total, buyers: summary.buyers, refitted: refit, model };
}

export function scoringModels(model: StoredModel | null): ScoringModels {
  if (!model?.available || !model.bgnbd) return { bgnbd: null, gammaGamma: null };
  const { r, alpha, a, b } = model.bgnbd;
  return { bgnbd: { r, alpha, a, b }, gammaGamma: model.gammaGamma ? { p: model.gammaGamma.p, q: model.gammaGamma.q, gamma: model.gammaGamma.gamma } : null };
}

/**
 * The cheap update after some customers' purchases changed: their own aggregates now, placed
 * among the others as they stood at the last full recompute (which follows shortly).
 */
export async function refreshCustomers(deps: AnalyticsDeps, workspaceId: string, customerIds: string[]): Promise<void> {
  const repo = createAnalyticsRepository(deps.db);
  const workspace = await createWorkspacesRepository(deps.db).getWorkspace(workspaceId);
  if (!workspace || customerIds.length === 0) return;
  const state = await repo.state(workspaceId);
  const settings = settingsFrom(state);
  const summary = (state?.summary ?? null) as ValueSummary | null;
  const now = deps.clock.now();
  const cal = calendar(now, workspace.time_zone);
  const ids = [...new Set(customerIds)].toSorted();
  const live = new Set(await repo.liveCustomers(workspaceId, ids));
  const rows = [];
  for (const id of ids.filter((i) => live.has(i))) {
    const entries = entriesOf(await repo.ledger(workspaceId, workspace.base_currency, id, id), cal.dayOf).get(id);
    if (!entries) continue;
    const a = aggregateCustomer(id, entries, { today: cal.today, previousPeriodEnd: cal.previousPeriodEnd, monthOf: cal.monthOf });
    const models = scoringModels((state?.model ?? null) as StoredModel | null);
    const scored = scoreWorkspace([a], { workspaceId, computedAt: toDbTime(now), customers: 1, settings, models, months: new Map(), periodStart: dayToDate(cal.periodStart), workspaceGapDays: summary?.workspaceGapDays ?? null }).rows[0]!;
    // Placed against the stored tier thresholds; rank and RFM wait for the full recompute.
    const value = scored.tier_value;
    const gold = summary?.tiers.find((t) => t.tier === 'gold')?.thresholdMinor ?? null;
    const silver = summary?.tiers.find((t) => t.tier === 'silver')?.thresholdMinor ?? null;
    const before = await repo.metrics(workspaceId, id);
    scored.tier = value === null || value <= 0 ? null : gold !== null && value >= gold ? 'gold' : silver !== null && value >= silver ? 'silver' : 'other';
    scored.value_rank = before?.value_rank ?? null;
    scored.value_percentile = before?.value_percentile ?? null;
    scored.previous_tier = before?.previous_tier ?? null;
    scored.rfm_r = before?.rfm_r ?? null;
    scored.rfm_f = before?.rfm_f ?? null;
    scored.rfm_m = before?.rfm_m ?? null;
    scored.rfm_segment = before?.rfm_segment ?? null;
    rows.push(scored);
  }
  await repo.replaceCustomerMetrics(workspaceId, ids, rows);
}

