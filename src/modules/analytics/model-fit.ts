import { expectedPurchases, fitBgNbd, type BgNbdParams, type Fit } from './bgnbd.ts';
import { fitGammaGamma, type GammaGammaParams } from './gamma-gamma.ts';
import { summarisePurchases, type DayPurchase } from './repeat-summaries.ts';

/**
 * The analyst's fit (`rapport model fit`): BG/NBD and Gamma-Gamma on every customer's
 * purchases up to `until`, in days or weeks, and optionally how the fit predicts the
 * purchases between `until` and `holdoutUntil`, per customer and in total.
 */
export interface ModelFitInput {
  purchases: ReadonlyMap<string, DayPurchase[]>;
  untilDay: number;
  unitDays: 1 | 7;
  holdoutUntilDay?: number | undefined;
}

export interface HoldoutComparison {
  days: number;
  customers: number;
  predicted: number;
  actual: number;
  meanAbsoluteError: number;
  /** By calibration repeat purchases (0, 1, …, 7+): the classic conditional-expectation check. */
  byFrequency: { x: string; customers: number; predicted: number; actual: number }[];
  perCustomer: { customer: string; x: number; predicted: number; actual: number }[];
}

export interface ModelFitResult {
  unit: 'day' | 'week';
  customers: number;
  repeatCustomers: number;
  bgnbd: Fit<BgNbdParams>;
  gammaGamma: Fit<GammaGammaParams> | null;
  holdout: HoldoutComparison | null;
}

export function fitModels(input: ModelFitInput): ModelFitResult {
  const ids: string[] = [];
  const summaries = [];
  for (const [id, list] of input.purchases) {
    const s = summarisePurchases(list, input.untilDay, input.unitDays);
    if (!s) continue;
    ids.push(id);
    summaries.push(s);
  }
  const bgnbd = fitBgNbd(summaries);
  const repeat = summaries.filter((s) => s.x > 0);
  const gammaGamma = repeat.length > 0 ? fitGammaGamma(summaries) : null;
  let holdout: HoldoutComparison | null = null;
  if (input.holdoutUntilDay !== undefined && input.holdoutUntilDay > input.untilDay) {
    const horizon = (input.holdoutUntilDay - input.untilDay) / input.unitDays;
    const perCustomer = summaries.map((s, i) => {
      const days = new Set(input.purchases.get(ids[i]!)!.filter((p) => !p.refund && p.day > input.untilDay && p.day <= input.holdoutUntilDay!).map((p) => p.day));
      return { customer: ids[i]!, x: s.x, predicted: expectedPurchases(bgnbd.params, s, horizon), actual: days.size };
    });
    const groups = new Map<string, { x: string; customers: number; predicted: number; actual: number }>();
    for (const c of perCustomer) {
      const x = c.x >= 7 ? '7+' : String(c.x);
      const g = groups.get(x) ?? { x, customers: 0, predicted: 0, actual: 0 };
      g.customers++;
      g.predicted += c.predicted;
      g.actual += c.actual;
      groups.set(x, g);
    }
    const predicted = perCustomer.reduce((s, c) => s + c.predicted, 0);
    holdout = {
      days: input.holdoutUntilDay - input.untilDay,
      customers: perCustomer.length,
      predicted,
      actual: perCustomer.reduce((s, c) => s + c.actual, 0),
      meanAbsoluteError: perCustomer.reduce((s, c) => s + Math.abs(c.predicted - c.actual), 0) / Math.max(1, perCustomer.length),
      byFrequency: [...groups.values()].toSorted((a, b) => (a.x === '7+' ? 1 : b.x === '7+' ? -1 : Number(a.x) - Number(b.x))),
      perCustomer,
    };
  }
  return { unit: input.unitDays === 7 ? 'week' : 'day', customers: summaries.length, repeatCustomers: repeat.length, bgnbd, gammaGamma, holdout };
}
