import { minimise } from './optimizer.ts';
import { logAddExp, logBeta, logGamma, logHyp2f1 } from './special-functions.ts';

/**
 * The BG/NBD model (Fader, Hardie & Lee 2005, "Counting your customers the easy way").
 * Each customer is summarised by x (repeat purchases), tx (time of the last purchase after
 * the first) and T (time from the first purchase to the end of observation), in one time
 * unit (days or weeks); r and alpha describe purchase rates, a and b the chance of dropping out.
 */
export interface BgNbdParams {
  r: number;
  alpha: number;
  a: number;
  b: number;
}

export interface RepeatSummary {
  x: number;
  tx: number;
  T: number;
}

export interface Fit<P> {
  params: P;
  logLikelihood: number;
  converged: boolean;
  iterations: number;
  message: string;
  customers: number;
}

/** Identical summaries counted once, with their weight: thousands of customers share (0, 0, T). */
function grouped(customers: readonly RepeatSummary[]): { x: number; tx: number; T: number; n: number }[] {
  const groups = new Map<string, { x: number; tx: number; T: number; n: number }>();
  for (const c of customers) {
    const key = `${c.x}|${c.tx}|${c.T}`;
    const g = groups.get(key);
    if (g) g.n++;
    else groups.set(key, { x: c.x, tx: c.tx, T: c.T, n: 1 });
  }
  return [...groups.values()];
}

export function bgNbdLogLikelihood(params: BgNbdParams, customers: readonly RepeatSummary[]): number {
  return summedLogLikelihood(params, byFrequency(grouped(customers)));
}

type FrequencyGroup = { x: number; members: { tx: number; T: number; n: number }[] };

function byFrequency(groups: { x: number; tx: number; T: number; n: number }[]): FrequencyGroup[] {
  const byX = new Map<number, FrequencyGroup>();
  for (const g of groups) {
    const entry = byX.get(g.x) ?? { x: g.x, members: [] };
    entry.members.push({ tx: g.tx, T: g.T, n: g.n });
    byX.set(g.x, entry);
  }
  return [...byX.values()];
}

/** The exact log-likelihood summed over every customer (FHL eq. 6), with the gamma functions taken once per frequency. */
function summedLogLikelihood({ r, alpha, a, b }: BgNbdParams, groups: readonly FrequencyGroup[]): number {
  const base = r * Math.log(alpha) - logGamma(r) - logBeta(a, b);
  const logA = Math.log(a);
  let sum = 0;
  for (const { x, members } of groups) {
    const constant = base + logGamma(r + x) + logBeta(a, b + x);
    const dropOut = x > 0 ? logA - Math.log(b + x - 1) : -Infinity;
    for (const { tx, T, n } of members) {
      const stillAlive = -(r + x) * Math.log(alpha + T);
      const droppedOut = x > 0 ? dropOut - (r + x) * Math.log(alpha + tx) : -Infinity;
      sum += n * (constant + logAddExp(stillAlive, droppedOut));
    }
  }
  return sum;
}

const toParams = (v: number[]): BgNbdParams => ({ r: Math.exp(v[0]!), alpha: Math.exp(v[1]!), a: Math.exp(v[2]!), b: Math.exp(v[3]!) });

/** Maximum likelihood, optimised over the logarithms of the parameters (so they stay positive). */
export function fitBgNbd(customers: readonly RepeatSummary[]): Fit<BgNbdParams> {
  const groups = byFrequency(grouped(customers));
  const meanT = customers.reduce((s, c) => s + c.T, 0) / Math.max(1, customers.length);
  const negative = (v: number[]) => (v.some((p) => Math.abs(p) > 30) ? Infinity : -summedLogLikelihood(toParams(v), groups));
  const result = minimise(negative, [0, Math.log(Math.max(meanT, 1e-3)), 0, 0], { bound: 25 });
  return { params: toParams(result.x), logLikelihood: -result.value, converged: result.converged, iterations: result.iterations, message: result.message, customers: customers.length };
}

/**
 * The probability that the customer has not dropped out. Exactly 1 without repeat purchases
 * (the model lets a customer drop out only at a purchase); exactly 0 once the odds of having
 * dropped out pass what a double can hold.
 */
export function probabilityAlive({ r, alpha, a, b }: BgNbdParams, { x, tx, T }: RepeatSummary): number {
  if (x === 0) return 1;
  const logOdds = Math.log(a) - Math.log(b + x - 1) + (r + x) * (Math.log(alpha + T) - Math.log(alpha + tx));
  if (logOdds > 745) return 0;
  return 1 / (1 + Math.exp(logOdds));
}

/** Expected purchases in the next t time units, given the customer's history (FHL eq. 10). */
export function expectedPurchases(params: BgNbdParams, summary: RepeatSummary, t: number): number {
  const { r, alpha, a, b } = params;
  const { x, T } = summary;
  if (t <= 0) return 0;
  const alive = probabilityAlive(params, summary);
  if (alive === 0) return 0;
  const z = t / (alpha + T + t);
  const logTail = (r + x) * Math.log((alpha + T) / (alpha + T + t)) + logHyp2f1(r + x, b + x, a + b + x - 1, z);
  // (a+b+x-1)/(a-1) · (1 - tail): for a < 1 both factors are negative, and -expm1 keeps the
  // precision when the tail is close to 1 (a short horizon).
  const ahead = ((a + b + x - 1) / (a - 1)) * -Math.expm1(logTail);
  return Math.max(0, ahead * alive);
}

/** Expected purchases of a customer picked at random, in their first t time units (FHL eq. 9). */
export function expectedPurchasesOfNewCustomer({ r, alpha, a, b }: BgNbdParams, t: number): number {
  if (t <= 0) return 0;
  const logTail = r * Math.log(alpha / (alpha + t)) + logHyp2f1(r, b, a + b - 1, t / (alpha + t));
  return ((a + b - 1) / (a - 1)) * -Math.expm1(logTail);
}

/** P(X(t) = n): the chance that a new customer makes exactly n purchases in their first t time units (FHL eq. 8). */
export function probabilityOfPurchases({ r, alpha, a, b }: BgNbdParams, t: number, n: number): number {
  const logP = Math.log(alpha / (alpha + t));
  const logQ = Math.log(t / (alpha + t));
  const first = Math.exp(logBeta(a, b + n) - logBeta(a, b) + logGamma(r + n) - logGamma(r) - logGamma(n + 1) + r * logP + n * logQ);
  if (n === 0) return first;
  let partial = 0;
  for (let j = 0; j < n; j++) partial += Math.exp(logGamma(r + j) - logGamma(r) - logGamma(j + 1) + r * logP + j * logQ);
  return first + Math.exp(logBeta(a + 1, b + n - 1) - logBeta(a, b)) * (1 - partial);
}
