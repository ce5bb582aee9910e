import type { Matrix } from "../../models/estimator.ts";
import { selectColumns } from "./quickModel.ts";

/**
 * Recursive feature elimination (Guyon et al. 2002; scikit-learn's RFE): fit, drop the least
 * important `step` share of the remaining features (at least one), refit on the rest, until one
 * is left. Unlike scikit-learn, whose float step is a share of the starting count, the share here
 * is of what remains, so rounds shrink as the set does. The score of a feature is its place in
 * the elimination order over the count, 1 for the last survivor: scores rank the features, and
 * the top k of them are the set RFE stopping at k would have kept.
 */
export function rfeScores(
  X: Matrix,
  importances: (sub: Matrix) => Float64Array,
  step: number,
  signal?: AbortSignal,
): Float64Array {
  const p = X.cols;
  let remaining = Array.from({ length: p }, (_, j) => j);
  const order: number[] = [];
  while (remaining.length > 1) {
    signal?.throwIfAborted();
    const imp = importances(selectColumns(X, remaining));
    const drop = Math.min(remaining.length - 1, Math.max(1, Math.floor(step * remaining.length)));
    const ranked = remaining
      .map((j, pos) => ({ j, imp: imp[pos] }))
      .sort((a, b) => a.imp - b.imp || a.j - b.j);
    order.push(...ranked.slice(0, drop).map((r) => r.j));
    remaining = ranked.slice(drop).map((r) => r.j);
  }
  order.push(...remaining);
  const scores = new Float64Array(p);
  order.forEach((j, i) => {
    scores[j] = (i + 1) / p;
  });
  return scores;
}
