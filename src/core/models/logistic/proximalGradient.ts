import type { MinimizeResult, ValueAndGradient } from "./lbfgs.ts";

/** Options of `proximalGradient`. */
export interface ProximalOptions {
  /** Per-coordinate L1 weights (0 leaves a coordinate unpenalised, e.g. the intercept). */
  lambda: Float64Array;
  maxIter: number;
  /** Stop when the gradient mapping's largest entry, L * max|x_new - y|, is at most this. */
  tol: number;
  signal?: AbortSignal;
}

function softThreshold(v: number, a: number): number {
  return v > a ? v - a : v < -a ? v + a : 0;
}

/**
 * FISTA (Beck & Teboulle 2009) for f(x) + sum_i lambda_i |x_i| with f smooth: a gradient step on
 * f, then soft-thresholding. The step comes from backtracking on the Lipschitz constant, and the
 * momentum restarts whenever the objective goes up (O'Donoghue & Candès 2015), which keeps the
 * iterates monotone and deterministic.
 */
export function proximalGradient(
  fg: ValueAndGradient,
  x0: Float64Array,
  opts: ProximalOptions,
): MinimizeResult {
  const n = x0.length;
  const { lambda } = opts;
  const penalty = (v: Float64Array) => {
    let s = 0;
    for (let i = 0; i < n; i++) s += lambda[i] * Math.abs(v[i]);
    return s;
  };
  let x = Float64Array.from(x0);
  let yk = Float64Array.from(x0);
  const gy = new Float64Array(n);
  const gz = new Float64Array(n);
  const z = new Float64Array(n);
  let objective = fg(x, gz) + penalty(x);
  let L = 0.1;
  let theta = 1;
  for (let iter = 1; iter <= opts.maxIter; iter++) {
    opts.signal?.throwIfAborted();
    const fy = fg(yk, gy);
    let fz = 0;
    for (let bt = 0; bt < 60; bt++) {
      for (let i = 0; i < n; i++) z[i] = softThreshold(yk[i] - gy[i] / L, lambda[i] / L);
      fz = fg(z, gz);
      let lin = 0;
      let sq = 0;
      for (let i = 0; i < n; i++) {
        const dz = z[i] - yk[i];
        lin += gy[i] * dz;
        sq += dz * dz;
      }
      if (fz <= fy + lin + (L / 2) * sq + 1e-12 * Math.abs(fy)) break;
      L *= 2;
    }
    let step = 0;
    for (let i = 0; i < n; i++) step = Math.max(step, Math.abs(z[i] - yk[i]));
    const newObjective = fz + penalty(z);
    if (newObjective > objective) {
      // Momentum overshot: drop it and restart from the last accepted point (a plain proximal
      // step from there always descends).
      theta = 1;
      yk = Float64Array.from(x);
    } else {
      const thetaNext = (1 + Math.sqrt(1 + 4 * theta * theta)) / 2;
      const momentum = (theta - 1) / thetaNext;
      const next = Float64Array.from(z);
      for (let i = 0; i < n; i++) yk[i] = next[i] + momentum * (next[i] - x[i]);
      x = next;
      theta = thetaNext;
      objective = newObjective;
    }
    if (L * step <= opts.tol) return { x, f: objective, iterations: iter, converged: true };
  }
  return { x, f: objective, iterations: opts.maxIter, converged: false };
}
