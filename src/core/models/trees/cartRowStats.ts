import type { HistScratch, RowStats } from "./histogram.ts";

/*
 * CartGrower's row loops over a tree's or a node's rows: the root's sums and the node's row
 * statistics gathered in row order for the split search.
 */

/**
 * The root's sums of rows[0..count) into `sums` (channels, weight, count); returns whether every
 * weight is 1. Functions of their own, each with one loop: a loop compiled while it runs (on-stack
 * replacement) in a function's first call bails out at the next loop, which has no type feedback
 * yet, on every call.
 */
export function rootSums(
  rows: Uint32Array,
  count: number,
  stats: RowStats,
  sums: Float64Array,
  C: number,
): boolean {
  sums.fill(0);
  const { grad, classes, hess } = stats;
  for (let k = 0; k < count; k++) {
    const r = rows[k];
    if (grad) sums[0] += grad[r];
    else if (classes) sums[classes[r]] -= hess[r];
    sums[C] += hess[r];
  }
  sums[C + 1] = count;
  return unitWeights(hess, rows, count);
}

/** Whether every row's weight is 1 (a loop of its own: see `rootSums`). */
function unitWeights(hess: Float64Array, rows: Uint32Array, count: number): boolean {
  let unit = true;
  for (let k = 0; k < count && unit; k++) unit = hess[rows[k]] === 1;
  return unit;
}

/**
 * Copies the node's row statistics into `scratch` in row order (histogram.ts's `gatherRows`);
 * the weights only when they are not all 1 (`randomSplit` then counts).
 */
export function gather(
  rows: Uint32Array,
  start: number,
  end: number,
  stats: RowStats,
  scratch: HistScratch,
  unitWeights: boolean,
): void {
  const n = end - start;
  const { g, h, c } = scratch;
  const { grad, classes, hess } = stats;
  if (grad) for (let j = 0; j < n; j++) g[j] = grad[rows[start + j]];
  else if (classes) for (let j = 0; j < n; j++) c[j] = classes[rows[start + j]];
  if (!unitWeights) for (let j = 0; j < n; j++) h[j] = hess[rows[start + j]];
}
