/**
 * Minimisation without derivatives: Nelder–Mead with restarts. Robust on the smooth,
 * sometimes flat likelihood surfaces of the value models, where a gradient method can
 * wander off. Restarting from the best point until a restart no longer improves is the
 * convergence check: a simplex that collapsed early is caught by the next one.
 */
export interface MinimiseResult {
  x: number[];
  value: number;
  converged: boolean;
  iterations: number;
  restarts: number;
  message: string;
}

export interface MinimiseOptions {
  /** Stop when the simplex's values differ by less than this (absolute, plus relative). */
  tolerance?: number;
  maxIterations?: number;
  maxRestarts?: number;
  /** Initial step in each coordinate. */
  step?: number;
  /** A coordinate beyond ±bound means the optimum is at infinity: stop, not converged. */
  bound?: number;
}

export function minimise(f: (x: number[]) => number, start: number[], options: MinimiseOptions = {}): MinimiseResult {
  const tolerance = options.tolerance ?? 1e-10;
  const maxIterations = options.maxIterations ?? 10_000;
  const bound = options.bound ?? Infinity;
  const maxRestarts = options.maxRestarts ?? 20;
  const safe = (x: number[]) => {
    const v = f(x);
    return Number.isFinite(v) ? v : Infinity;
  };
  let best = { x: start.slice(), value: safe(start) };
  if (!Number.isFinite(best.value)) return { ...best, converged: false, iterations: 0, restarts: 0, message: 'The starting point has no finite value' };
  let iterations = 0;
  for (let restart = 0; restart <= maxRestarts; restart++) {
    const run = nelderMead(safe, best.x, best.value, options.step ?? (restart === 0 ? 0.5 : 0.1), tolerance, maxIterations - iterations);
    iterations += run.iterations;
    const improved = best.value - run.value;
    best = run.value <= best.value ? { x: run.x, value: run.value } : best;
    if (best.x.some((v) => Math.abs(v) > bound)) return { ...best, converged: false, iterations, restarts: restart, message: 'A parameter runs off to infinity: the data do not pin the model down' };
    if (!run.settled) return { ...best, converged: false, iterations, restarts: restart, message: `No convergence within ${maxIterations} iterations` };
    if (restart > 0 && improved <= tolerance * (1 + Math.abs(best.value))) {
      return { ...best, converged: true, iterations, restarts: restart, message: 'Converged' };
    }
  }
  return { ...best, converged: false, iterations, restarts: maxRestarts, message: `Still improving after ${maxRestarts} restarts` };
}

function nelderMead(f: (x: number[]) => number, x0: number[], f0: number, step: number, tolerance: number, budget: number) {
  const n = x0.length;
  const points: number[][] = [x0.slice()];
  const values: number[] = [f0];
  for (let i = 0; i < n; i++) {
    const p = x0.slice();
    p[i]! += step;
    points.push(p);
    values.push(f(p));
  }
  const order = Array.from({ length: n + 1 }, (_, i) => i);
  let iterations = 0;
  while (iterations < budget) {
    iterations++;
    order.sort((i, j) => values[i]! - values[j]!);
    const bestI = order[0]!;
    const worstI = order[n]!;
    const secondI = order[n - 1]!;
    const spread = Math.abs(values[worstI]! - values[bestI]!);
    if (spread <= tolerance * (1 + Math.abs(values[bestI]!))) {
      let size = 0;
      for (const i of order) for (let k = 0; k < n; k++) size = Math.max(size, Math.abs(points[i]![k]! - points[bestI]![k]!));
      if (size < 1e-7) return { x: points[bestI]!, value: values[bestI]!, iterations, settled: true };
    }
    const centroid = Array.from({ length: n }, () => 0);
    for (const i of order.slice(0, n)) for (let k = 0; k < n; k++) centroid[k]! += points[i]![k]! / n;
    const along = (t: number) => centroid.map((c, k) => c + t * (points[worstI]![k]! - c));
    const reflected = along(-1);
    const fr = f(reflected);
    if (fr < values[bestI]!) {
      const expanded = along(-2);
      const fe = f(expanded);
      if (fe < fr) [points[worstI], values[worstI]] = [expanded, fe];
      else [points[worstI], values[worstI]] = [reflected, fr];
    } else if (fr < values[secondI]!) {
      [points[worstI], values[worstI]] = [reflected, fr];
    } else {
      const outside = fr < values[worstI]!;
      const contracted = along(outside ? -0.5 : 0.5);
      const fc = f(contracted);
      if (fc < (outside ? fr : values[worstI]!)) {
        [points[worstI], values[worstI]] = [contracted, fc];
      } else {
        for (const i of order.slice(1)) {
          points[i] = points[i]!.map((v, k) => points[bestI]![k]! + 0.5 * (v - points[bestI]![k]!));
          values[i] = f(points[i]!);
        }
      }
    }
  }
  order.sort((i, j) => values[i]! - values[j]!);
  return { x: points[order[0]!]!, value: values[order[0]!]!, iterations, settled: false };
}
