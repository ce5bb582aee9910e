/** Writes the gradient at x into `grad` and returns the function value. */
export type ValueAndGradient = (x: Float64Array, grad: Float64Array) => number;

/** Options of `lbfgs`. */
export interface LbfgsOptions {
  maxIter: number;
  /** Stop when the largest absolute gradient entry is at most this. */
  gtol: number;
  /** Stop when an iteration lowers f by at most ftol * max(|f|, 1) (scipy's factr test). */
  ftol?: number;
  /** Number of correction pairs kept (default 10). */
  memory?: number;
  signal?: AbortSignal;
}

/** Where an optimiser stopped, and whether it met its tolerance. */
export interface MinimizeResult {
  x: Float64Array;
  f: number;
  iterations: number;
  converged: boolean;
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

function maxAbs(a: Float64Array): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]));
  return m;
}

/**
 * Limited-memory BFGS for smooth unconstrained minimisation (Nocedal & Wright, "Numerical
 * Optimization", 2nd ed., algorithms 7.4 and 7.5) with a backtracking Armijo line search and
 * quadratic interpolation of the step. Fully deterministic: the same start gives the same path.
 */
export function lbfgs(fg: ValueAndGradient, x0: Float64Array, opts: LbfgsOptions): MinimizeResult {
  const n = x0.length;
  const m = opts.memory ?? 10;
  const ftol = opts.ftol ?? 64 * Number.EPSILON;
  let x = Float64Array.from(x0);
  let g = new Float64Array(n);
  let f = fg(x, g);
  const S: Float64Array[] = [];
  const Y: Float64Array[] = [];
  const rho: number[] = [];
  const alpha = new Float64Array(m);
  const d = new Float64Array(n);
  if (maxAbs(g) <= opts.gtol) return { x, f, iterations: 0, converged: true };

  for (let iter = 1; iter <= opts.maxIter; iter++) {
    opts.signal?.throwIfAborted();
    // Two-loop recursion: d = -H g, with H0 = (s'y / y'y) I from the newest pair.
    for (let i = 0; i < n; i++) d[i] = -g[i];
    for (let j = S.length - 1; j >= 0; j--) {
      alpha[j] = rho[j] * dot(S[j], d);
      for (let i = 0; i < n; i++) d[i] -= alpha[j] * Y[j][i];
    }
    if (S.length > 0) {
      const last = S.length - 1;
      const gamma = dot(S[last], Y[last]) / dot(Y[last], Y[last]);
      for (let i = 0; i < n; i++) d[i] *= gamma;
    }
    for (let j = 0; j < S.length; j++) {
      const beta = rho[j] * dot(Y[j], d);
      for (let i = 0; i < n; i++) d[i] += (alpha[j] - beta) * S[j][i];
    }
    let slope = dot(g, d);
    if (!(slope < 0)) {
      // Not a descent direction (numerical trouble): forget the curvature pairs, go downhill.
      S.length = Y.length = rho.length = 0;
      for (let i = 0; i < n; i++) d[i] = -g[i];
      slope = dot(g, d);
    }
    let t = S.length === 0 ? Math.min(1, 1 / Math.sqrt(-slope)) : 1;
    const xn = new Float64Array(n);
    const gn = new Float64Array(n);
    let fn = Number.POSITIVE_INFINITY;
    let accepted = false;
    for (let ls = 0; ls < 50; ls++) {
      for (let i = 0; i < n; i++) xn[i] = x[i] + t * d[i];
      fn = fg(xn, gn);
      if (fn <= f + 1e-4 * t * slope) {
        accepted = true;
        break;
      }
      // Minimiser of the quadratic through f, the slope and fn, kept within [0.1 t, 0.5 t].
      const q = (-slope * t * t) / (2 * (fn - f - slope * t));
      t = Number.isFinite(q) ? Math.min(0.5 * t, Math.max(0.1 * t, q)) : 0.5 * t;
    }
    if (!accepted) return { x, f, iterations: iter, converged: false };

    const s = new Float64Array(n);
    const yv = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      s[i] = xn[i] - x[i];
      yv[i] = gn[i] - g[i];
    }
    const sy = dot(s, yv);
    if (sy > 1e-10 * dot(yv, yv)) {
      if (S.length === m) {
        S.shift();
        Y.shift();
        rho.shift();
      }
      S.push(s);
      Y.push(yv);
      rho.push(1 / sy);
    }
    const decrease = f - fn;
    x = xn;
    g = gn;
    f = fn;
    if (maxAbs(g) <= opts.gtol || decrease <= ftol * Math.max(Math.abs(f), 1)) {
      return { x, f, iterations: iter, converged: true };
    }
  }
  return { x, f, iterations: opts.maxIter, converged: false };
}
