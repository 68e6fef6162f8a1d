/**
 * The special functions the customer-value models need, in double precision: log-gamma,
 * log-beta, log-sum-exp and the Gauss hypergeometric function 2F1 (as its logarithm, so that
 * large arguments neither overflow nor lose the small factors they are multiplied by).
 */

// Lanczos approximation, g = 7, n = 9: relative error below 1e-15 for x > 0.
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012,
  9.9843695780195716e-6, 1.5056327351493116e-7,
];
const HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

/** ln Γ(x) for x > 0. */
export function logGamma(x: number): number {
  if (!(x > 0)) return x === 0 ? Infinity : NaN;
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const z = x - 1;
  let sum = LANCZOS[0]!;
  for (let i = 1; i < 9; i++) sum += LANCZOS[i]! / (z + i);
  const t = z + 7.5;
  return HALF_LOG_TWO_PI + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

/** ln B(a, b). */
export function logBeta(a: number, b: number): number {
  return logGamma(a) + logGamma(b) - logGamma(a + b);
}

/** ln(e^a + e^b), exact when one side is -Infinity. */
export function logAddExp(a: number, b: number): number {
  if (a === -Infinity) return b;
  if (b === -Infinity) return a;
  const m = Math.max(a, b);
  return m + Math.log1p(Math.exp(-Math.abs(a - b)));
}

/** ln Σ e^v. */
export function logSumExp(values: readonly number[]): number {
  let m = -Infinity;
  for (const v of values) if (v > m) m = v;
  if (m === -Infinity || m === Infinity) return m;
  let s = 0;
  for (const v of values) s += Math.exp(v - m);
  return m + Math.log(s);
}

const MAX_TERMS = 2_000_000;

/**
 * ln 2F1(a, b; c; z) for a, b, c > 0 and 0 ≤ z < 1, by its power series summed in log space
 * (every term is positive there). Terms can grow for a long time before they fall (large a
 * or b with z near 1), which is why the running sum is kept as a logarithm.
 */
export function logHyp2f1(a: number, b: number, c: number, z: number): number {
  if (!(a > 0 && b > 0 && c > 0) || !(z >= 0 && z < 1)) throw new RangeError(`logHyp2f1 needs a, b, c > 0 and 0 <= z < 1 (got ${a}, ${b}, ${c}, ${z})`);
  if (z === 0) return 0;
  const logZ = Math.log(z);
  let logTerm = 0;
  let logSum = 0;
  for (let n = 0; n < MAX_TERMS; n++) {
    logTerm += Math.log(((a + n) * (b + n)) / ((c + n) * (n + 1))) + logZ;
    logSum = logAddExp(logSum, logTerm);
    // Past the peak, the remaining tail is below the geometric bound term·r/(1-r).
    // (Ratios tend to z, from above or from below: the larger of the two bounds the rest.)
    const ratio = Math.max(z, ((a + n + 1) * (b + n + 1) * z) / ((c + n + 1) * (n + 2)));
    if (ratio < 1 && logTerm + Math.log(ratio / (1 - ratio)) < logSum - 37) return logSum;
  }
  throw new RangeError(`logHyp2f1(${a}, ${b}; ${c}; ${z}) did not converge in ${MAX_TERMS} terms`);
}
