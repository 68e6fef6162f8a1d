import type { AnalyticsSettings } from '../../contracts/analytics.ts';
import { expectedPurchases, fitBgNbd, probabilityAlive, type BgNbdParams, type Fit } from './bgnbd.ts';
import { expectedSpend, fitGammaGamma, type GammaGammaParams } from './gamma-gamma.ts';
import type { CustomerSummary } from './repeat-summaries.ts';

/** Below these, a fitted model says more about chance than about the customers (docs/analytics.md). */
export const MINIMUM_CUSTOMERS = 50;
export const MINIMUM_REPEAT_CUSTOMERS = 20;

export type PredictionReason = 'not_computed' | 'too_few_customers' | 'too_few_repeat_customers' | 'not_converged' | 'no_purchases';

export interface WorkspaceModels {
  available: boolean;
  reason: PredictionReason | null;
  customers: number;
  repeatCustomers: number;
  bgnbd: Fit<BgNbdParams> | null;
  /** Null (and no spend or CLV prediction) when it did not converge or has no finite mean (q ≤ 1). */
  gammaGamma: Fit<GammaGammaParams> | null;
}

/** Fits both models on the customers' summaries (weeks), or says why not. */
export function fitWorkspaceModels(summaries: readonly CustomerSummary[]): WorkspaceModels {
  const customers = summaries.length;
  const repeatCustomers = summaries.filter((s) => s.x > 0).length;
  const none = (reason: PredictionReason): WorkspaceModels => ({ available: false, reason, customers, repeatCustomers, bgnbd: null, gammaGamma: null });
  if (customers === 0) return none('no_purchases');
  if (customers < MINIMUM_CUSTOMERS) return none('too_few_customers');
  if (repeatCustomers < MINIMUM_REPEAT_CUSTOMERS) return none('too_few_repeat_customers');
  const bgnbd = fitBgNbd(summaries);
  // The expectations divide by a - 1: a fit that lands on a = 1 is not one we can use.
  if (!bgnbd.converged || Math.abs(bgnbd.params.a - 1) < 1e-6) return { ...none('not_converged'), bgnbd };
  const gammaGamma = fitGammaGamma(summaries);
  const spendUsable = gammaGamma.converged && gammaGamma.params.q > 1;
  return { available: true, reason: null, customers, repeatCustomers, bgnbd, gammaGamma: spendUsable ? gammaGamma : null };
}

const WEEK = 7;
const MONTH_DAYS = 365.25 / 12;

export interface CustomerPrediction {
  pAlive: number;
  expected30: number;
  expected90: number;
  expected365: number;
  expectedSpend: number | null;
  clv: number | null;
  clvProfit: number | null;
}

/**
 * One customer's predictions. CLV sums, month by month over the horizon, the purchases
 * expected in that month times the expected spend, discounted: Σ (E[Y(k)] − E[Y(k−1)]) · spend / (1 + d)^k.
 */
export function predictCustomer(bgnbd: BgNbdParams, gammaGamma: GammaGammaParams | null, s: CustomerSummary, margin: number | null, settings: Pick<AnalyticsSettings, 'discountRateMonthly' | 'horizonMonths'>): CustomerPrediction {
  const spend = gammaGamma ? expectedSpend(gammaGamma, s) : null;
  let clv: number | null = null;
  if (spend !== null) {
    clv = 0;
    let before = 0;
    for (let k = 1; k <= settings.horizonMonths; k++) {
      const upTo = expectedPurchases(bgnbd, s, (k * MONTH_DAYS) / WEEK);
      clv += ((upTo - before) * spend) / Math.pow(1 + settings.discountRateMonthly, k);
      before = upTo;
    }
  }
  return {
    pAlive: probabilityAlive(bgnbd, s),
    expected30: expectedPurchases(bgnbd, s, 30 / WEEK),
    expected90: expectedPurchases(bgnbd, s, 90 / WEEK),
    expected365: expectedPurchases(bgnbd, s, 365 / WEEK),
    expectedSpend: spend,
    clv,
    clvProfit: clv !== null && margin !== null ? clv * margin : null,
  };
}
