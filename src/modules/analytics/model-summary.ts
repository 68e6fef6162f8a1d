import { currencyExponent } from '../imports/number-values.ts';
import { MINIMUM_CUSTOMERS, MINIMUM_REPEAT_CUSTOMERS } from './predictions.ts';
import type { StoredModel } from './recompute.usecases.ts';

const n = (v: number) => v.toLocaleString('en');
const f = (v: number) => v.toFixed(3);

/** One line on the fitted models for the CLI, gamma in the currency's units (as the model page and `model fit` show it). */
export function describeModel(model: StoredModel | null, currency: string, refitted = true): string {
  if (!model?.available || !model.bgnbd) {
    return `Predictions not available: ${model?.reason ?? 'not computed'} (at least ${MINIMUM_CUSTOMERS} buyers and ${MINIMUM_REPEAT_CUSTOMERS} repeat buyers are needed).`;
  }
  const gg = model.gammaGamma ? `; Gamma-Gamma p=${f(model.gammaGamma.p)} q=${f(model.gammaGamma.q)} gamma=${f(model.gammaGamma.gamma / 10 ** currencyExponent(currency))} ${currency}` : '; no spend model';
  const when = refitted ? 'fitted' : `kept from ${model.fittedAt}`;
  return `Predictions available, models ${when} (${n(model.customers)} buyers, ${n(model.repeatCustomers)} repeat): BG/NBD r=${f(model.bgnbd.r)} alpha=${f(model.bgnbd.alpha)} a=${f(model.bgnbd.a)} b=${f(model.bgnbd.b)} (weeks)${gg}.`;
}
