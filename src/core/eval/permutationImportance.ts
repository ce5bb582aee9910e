import type { Rng } from "../random.ts";

/** Options of `permutationLosses`. */
export interface PermutationOptions {
  /** Shuffles per column. */
  repeats: number;
  /** Seeded generator; the shuffles draw from it column by column, repeat by repeat. */
  rng: Rng;
  signal?: AbortSignal;
}

/**
 * The permutation-importance loop (Breiman 2001; scikit-learn's `permutation_importance`), shared by
 * the `select` step (a quick model on a matrix) and the leaderboard's explanations (a fitted
 * pipeline on raw frame columns). For each column in turn, `repeats` seeded Fisher-Yates shuffles
 * of the row order; `lossOf(column, order)` scores the rows with that one column read in `order`
 * (row i takes the value of row `order[i]`) and returns what the shuffle cost. Returns the losses
 * by column, then by repeat.
 */
export function permutationLosses(
  columns: number,
  rows: number,
  opts: PermutationOptions,
  lossOf: (column: number, order: Int32Array) => number,
): number[][] {
  const out: number[][] = [];
  for (let j = 0; j < columns; j++) {
    const list: number[] = [];
    for (let r = 0; r < opts.repeats; r++) {
      opts.signal?.throwIfAborted();
      const order = Int32Array.from({ length: rows }, (_, i) => i);
      for (let i = rows - 1; i > 0; i--) {
        const k = opts.rng.int(i + 1);
        [order[i], order[k]] = [order[k], order[i]];
      }
      list.push(lossOf(j, order));
    }
    out.push(list);
  }
  return out;
}
