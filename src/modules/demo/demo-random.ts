/**
 * Seeded random draws for the demo data: the same seed gives the same workspace.
 * mulberry32 is small and fast, and good enough for made-up customers.
 */
export interface Rng {
  /** Uniform on [0, 1). */
  next(): number;
  /** True with probability p. */
  chance(p: number): boolean;
  pick<T>(list: readonly T[]): T;
  /** Uniform integer in [min, max]. */
  int(min: number, max: number): number;
  /** Gamma with this shape and rate (mean shape / rate). */
  gamma(shape: number, rate: number): number;
  /** Beta(a, b), from two gammas. */
  beta(a: number, b: number): number;
  /** Exponential waiting time with this rate. */
  exponential(rate: number): number;
}

export function seededRng(seed: number): Rng {
  let state = seed | 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  // Never exactly 0, so logarithms stay finite.
  const open = (): number => next() || 2 ** -33;
  const normal = (): number => Math.sqrt(-2 * Math.log(open())) * Math.cos(2 * Math.PI * next());
  // Marsaglia and Tsang (2000); a shape below 1 is boosted by one and scaled back by U^(1/shape).
  const standardGamma = (shape: number): number => {
    if (shape < 1) return standardGamma(shape + 1) * open() ** (1 / shape);
    const d = shape - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      let x: number;
      let v: number;
      do {
        x = normal();
        v = 1 + c * x;
      } while (v <= 0);
      v = v * v * v;
      const u = open();
      if (u < 1 - 0.0331 * x ** 4 || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
    }
  };
  return {
    next,
    chance: (p) => next() < p,
    pick: (list) => list[Math.floor(next() * list.length)]!,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    gamma: (shape, rate) => standardGamma(shape) / rate,
    beta: (a, b) => {
      const x = standardGamma(a);
      return x / (x + standardGamma(b));
    },
    exponential: (rate) => -Math.log(open()) / rate,
  };
}
