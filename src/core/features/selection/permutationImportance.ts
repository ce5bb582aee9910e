import { holdout } from "../../eval/kFold.ts";
import { takeRows, takeTarget } from "../../eval/takeRows.ts";
import type { Matrix, Target } from "../../models/estimator.ts";
import { makeRng } from "../../random.ts";
import type { QuickModel } from "./quickModel.ts";

/** Options of `permutationImportance`. */
export interface PermutationOptions {
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
function score(raw: Float64Array, y: Target): number {
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
 * Permutation importance (Breiman 2001; scikit-learn's `permutation_importance`): a model is fitted
 * on a seeded part of the rows, then each feature's column in the held-out part is shuffled
 * `repeats` times; its importance is the mean drop of the score (R², or the Brier skill).
 */
export function permutationImportance(
  X: Matrix,
  y: Target,
  fitModel: (X: Matrix, y: Target) => QuickModel,
  opts: PermutationOptions = {},
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
  const base = score(model.predictRaw(Xt), yt);
  const repeats = opts.repeats ?? 5;
  const rng = makeRng(seed + 1);
  const { rows: n, cols: p } = Xt;
  const out = new Float64Array(p);
  const column = new Float64Array(n);
  for (let j = 0; j < p; j++) {
    opts.signal?.throwIfAborted();
    for (let i = 0; i < n; i++) column[i] = Xt.data[i * p + j];
    const shuffled = Float64Array.from(Xt.data);
    const M = { ...Xt, data: shuffled };
    let drop = 0;
    for (let r = 0; r < repeats; r++) {
      const perm = Float64Array.from(column);
      for (let i = n - 1; i > 0; i--) {
        const k = rng.int(i + 1);
        [perm[i], perm[k]] = [perm[k], perm[i]];
      }
      for (let i = 0; i < n; i++) shuffled[i * p + j] = perm[i];
      drop += base - score(model.predictRaw(M), yt);
    }
    out[j] = drop / repeats;
  }
  return out;
}
