import type { Fit } from './bgnbd.ts';
import { minimise } from './optimizer.ts';
import { logGamma } from './special-functions.ts';

/**
 * The Gamma-Gamma model of spend per purchase (Fader & Hardie, "The Gamma-Gamma model of
 * monetary value", 2013): fitted on customers with repeat purchases, x of them averaging m.
 */
export interface GammaGammaParams {
  p: number;
  q: number;
  gamma: number;
}

export interface SpendSummary {
  x: number;
  /** Mean value of the repeat purchases. */
  m: number;
}

/** Only customers with a repeat purchase and a positive mean count: the model is of positive spend. */
function usableForSpend(s: SpendSummary): boolean {
  return s.x > 0 && s.m > 0 && Number.isFinite(s.m);
}

const toParams = (v: number[]): GammaGammaParams => ({ p: Math.exp(v[0]!), q: Math.exp(v[1]!), gamma: Math.exp(v[2]!) });

export function fitGammaGamma(customers: readonly SpendSummary[]): Fit<GammaGammaParams> {
  const usable = customers.filter(usableForSpend);
  const meanM = usable.reduce((s, c) => s + c.m, 0) / Math.max(1, usable.length);
  // The gamma functions depend on x alone: taken once per frequency, not per customer.
  const byX = new Map<number, number[]>();
  for (const c of usable) {
    const list = byX.get(c.x);
    if (list) list.push(c.m);
    else byX.set(c.x, [c.m]);
  }
  const groups = [...byX.entries()].map(([x, ms]) => ({ x, ms }));
  const negative = (v: number[]) => {
    if (v.some((p) => Math.abs(p) > 30)) return Infinity;
    const { p, q, gamma } = toParams(v);
    const base = -logGamma(q) + q * Math.log(gamma);
    let sum = 0;
    for (const { x, ms } of groups) {
      const px = p * x;
      sum += ms.length * (base + logGamma(px + q) - logGamma(px) + px * Math.log(x));
      for (const m of ms) sum += (px - 1) * Math.log(m) - (px + q) * Math.log(gamma + m * x);
    }
    return -sum;
  };
  const result = minimise(negative, [0, 0, Math.log(Math.max(meanM, 1e-6))], { bound: 25 });
  return { params: toParams(result.x), logLikelihood: -result.value, converged: result.converged, iterations: result.iterations, message: result.message, customers: usable.length };
}

/**
 * The expected value of this customer's future purchases: a weighted mean of the population
 * mean and their own mean, their own counting more the more purchases it rests on.
 */
export function expectedSpend({ p, q, gamma }: GammaGammaParams, { x, m }: SpendSummary): number {
  const populationMean = (p * gamma) / (q - 1);
  if (!(x > 0) || !(m > 0)) return populationMean;
  return (p * (gamma + x * m)) / (p * x + q - 1);
}
