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

const MAX_TERMS = 2_000_000;

/** Γ(x) as its sign and the logarithm of its magnitude, for any x that is not 0, −1, −2, … */
export function signedLogGamma(x: number): { sign: number; log: number } {
  if (x > 0) return { sign: 1, log: logGamma(x) };
  // Reflection: Γ(x) = π / (sin(πx) · Γ(1 − x)).
  const s = Math.sin(Math.PI * x);
  return { sign: s > 0 ? 1 : -1, log: Math.log(Math.PI / Math.abs(s)) - logGamma(1 - x) };
}

/** 2F1 by its plain series, for |z| small enough that it converges quickly (terms may change sign). */
function plainSeries(a: number, b: number, c: number, z: number): number {
  let term = 1;
  let sum = 1;
  for (let n = 0; n < 10_000; n++) {
    term *= ((a + n) * (b + n) * z) / ((c + n) * (n + 1));
    sum += term;
    if (Math.abs(term) < 1e-17 * Math.abs(sum) && n > 2) return sum;
  }
  return Number.NaN;
}

/**
 * ln 2F1(a, b; c; z) for a, b, c > 0 and 0 ≤ z < 1. Near z = 1 the power series needs
 * millions of terms, so there it is rewritten in powers of 1 − z (Abramowitz & Stegun 15.3.6)
 * (when c − a − b is an integer, from its neighbours); elsewhere the series is summed in log space.
 */
export function logHyp2f1(a: number, b: number, c: number, z: number): number {
  if (!(a > 0 && b > 0 && c > 0) || !(z >= 0 && z < 1)) throw new RangeError(`logHyp2f1 needs a, b, c > 0 and 0 <= z < 1 (got ${a}, ${b}, ${c}, ${z})`);
  if (z === 0) return 0;
  const d = c - a - b;
  if (z > 0.75 && Math.max(a, b, c) < 150) {
    if (Math.abs(d - Math.round(d)) > 1e-3) {
      const viaOneMinusZ = logHyp2f1NearOne(a, b, c, z);
      if (Number.isFinite(viaOneMinusZ)) return viaOneMinusZ;
    } else if (z > 0.99) {
      // c − a − b (almost) an integer k, where the rewrite divides by zero, and too near 1 for
      // the series: interpolated between c − a − b = k ± 2e-5 (off by about 1e-8 relative).
      const k = Math.round(d);
      const eps = 2e-5;
      const below = logHyp2f1NearOne(a, b, c + (k - eps - d), z);
      const above = logHyp2f1NearOne(a, b, c + (k + eps - d), z);
      if (Number.isFinite(above) && Number.isFinite(below)) return below + ((d - (k - eps)) / (2 * eps)) * (above - below);
    }
  }
  return logHyp2f1Series(a, b, c, z);
}

function logHyp2f1NearOne(a: number, b: number, c: number, z: number): number {
  const d = c - a - b;
  const w = 1 - z;
  const gc = logGamma(c);
  const g1 = [signedLogGamma(d), signedLogGamma(c - a), signedLogGamma(c - b)];
  const g2 = [signedLogGamma(-d), signedLogGamma(a), signedLogGamma(b)];
  const first = g1[0]!.sign * g1[1]!.sign * g1[2]!.sign * Math.exp(gc + g1[0]!.log - g1[1]!.log - g1[2]!.log) * plainSeries(a, b, 1 - d, w);
  const second = g2[0]!.sign * Math.exp(d * Math.log(w) + gc + g2[0]!.log - g2[1]!.log - g2[2]!.log) * plainSeries(c - a, c - b, d + 1, w);
  const total = first + second;
  // Both parts large and of opposite signs: too much would cancel.
  if (!(total > 0) || Math.abs(first) + Math.abs(second) > 1e6 * total) return Number.NaN;
  return Math.log(total);
}

/**
 * The power series (every term positive for a, b, c > 0 and 0 < z < 1), summed with plain
 * multiplications and rescaled whenever the sum grows past 1e250, so that terms far beyond
 * a double (large a or b with z near 1) are still summed exactly; returned as a logarithm.
 */
export function logHyp2f1Series(a: number, b: number, c: number, z: number): number {
  let term = 1;
  let sum = 1;
  let logScale = 0;
  for (let n = 0; n < MAX_TERMS; n++) {
    term *= ((a + n) * (b + n) * z) / ((c + n) * (n + 1));
    sum += term;
    if (sum > 1e250) {
      logScale += Math.log(sum);
      term /= sum;
      sum = 1;
    }
    // Past the peak, the remaining tail is below the geometric bound term·r/(1-r).
    // (Ratios tend to z, from above or from below: the larger of the two bounds the rest.)
    const ratio = Math.max(z, ((a + n + 1) * (b + n + 1) * z) / ((c + n + 1) * (n + 2)));
    if (ratio < 1 && (term * ratio) / (1 - ratio) < 1e-16 * sum) return logScale + Math.log(sum);
  }
  throw new RangeError(`logHyp2f1(${a}, ${b}; ${c}; ${z}) did not converge in ${MAX_TERMS} terms`);
}
