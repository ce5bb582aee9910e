import { holdout } from "../../eval/kFold.ts";
import { permutationLosses } from "../../eval/permutationImportance.ts";
import { takeRows, takeTarget } from "../../eval/takeRows.ts";
import type { Matrix, Target } from "../../models/estimator.ts";
import { makeRng } from "../../random.ts";
import type { QuickModel } from "./quickModel.ts";

/** Options of `permutationScores`. */
export interface PermutationScoreOptions {
  /** Share of the rows held out to score on (default 0.25). */
  holdoutFraction?: number;
  /** Shuffles per feature, averaged (default 5). */
  repeats?: number;
  seed?: number;
  signal?: AbortSignal;
}

/**
 * R² for values; for classes the Brier skill, 1 - Brier / Brier of the class shares, which moves
 * smoothly with the probabilities where accuracy (scikit-learn's default) moves in whole rows.
 */
function skill(raw: Float64Array, y: Target): number {
  const n = y.values.length;
  const k = y.classes?.length ?? 0;
  let res = 0;
  let tot = 0;
  if (k > 0) {
    const share = new Float64Array(k);
    for (const v of y.values) share[v] += 1 / n;
    for (let i = 0; i < n; i++) {
      for (let c = 0; c < k; c++) {
        const hit = y.values[i] === c ? 1 : 0;
        res += (hit - raw[i * k + c]) ** 2;
        tot += (hit - share[c]) ** 2;
      }
    }
  } else {
    let mean = 0;
    for (const v of y.values) mean += v / n;
    for (let i = 0; i < n; i++) {
      res += (y.values[i] - raw[i]) ** 2;
      tot += (y.values[i] - mean) ** 2;
    }
  }
  return tot > 0 ? 1 - res / tot : 0;
}

/**
 * Feature scores for the `select` step's "permutation" method: a quick model is fitted on a
 * seeded part of the rows and each feature's mean loss of skill (R², or the Brier skill) under
 * `permutationLosses` on the held-out part is its score.
 */
export function permutationScores(
  X: Matrix,
  y: Target,
  fitModel: (X: Matrix, y: Target) => QuickModel,
  opts: PermutationScoreOptions = {},
): Float64Array {
  const seed = opts.seed ?? 0;
  const split = holdout(X.rows, {
    testFraction: opts.holdoutFraction ?? 0.25,
    seed,
    stratify: y.classes ? y.values : undefined,
  });
  const model = fitModel(takeRows(X, split.train), takeTarget(y, split.train));
  const Xt = takeRows(X, split.test);
  const yt = takeTarget(y, split.test);
  const base = skill(model.predictRaw(Xt), yt);
  const repeats = opts.repeats ?? 5;
  const { rows: n, cols: p } = Xt;
  // One working copy; the shuffled column is written into it and restored when the next begins.
  const shuffled = Float64Array.from(Xt.data);
  const M: Matrix = { ...Xt, data: shuffled };
  let current = -1;
  const losses = permutationLosses(
    p,
    n,
    { repeats, rng: makeRng(seed + 1), signal: opts.signal },
    (j, order) => {
      if (current >= 0 && current !== j)
        for (let i = 0; i < n; i++) shuffled[i * p + current] = Xt.data[i * p + current];
      current = j;
      for (let i = 0; i < n; i++) shuffled[i * p + j] = Xt.data[order[i] * p + j];
      return base - skill(model.predictRaw(M), yt);
    },
  );
  return Float64Array.from(losses, (list) => {
    let drop = 0;
    for (const d of list) drop += d;
    return drop / repeats;
  });
}
