import { makeRng } from "../../../../../src/core/random.ts";

/**
 * A seeded table for the histogram-help tests and bench: `cols` numbers in [-2, 2) with 3% missing,
 * row by row; each row's target is `target(z, u)`, where z sums `term(c, v)` over the row's present
 * values and u is one more draw. Draws: one per cell, a second for a present value, one per row.
 */
export function seededRows(
  rows: number,
  cols: number,
  seed: number,
  term: (c: number, v: number) => number,
  target: (z: number, u: number) => number,
) {
  const rng = makeRng(seed);
  const data = new Float64Array(rows * cols);
  const values = new Float64Array(rows);
  for (let r = 0; r < rows; r++) {
    let z = 0;
    for (let c = 0; c < cols; c++) {
      const v = rng.next() < 0.03 ? Number.NaN : rng.next() * 4 - 2;
      data[r * cols + c] = v;
      if (!Number.isNaN(v)) z += term(c, v);
    }
    values[r] = target(z, rng.next());
  }
  const names = Array.from({ length: cols }, (_, c) => `x${c}`);
  return { X: { data, rows, cols, names }, values };
}
