import type { Frame } from "../../data/frame.ts";
import { makeRng } from "../../random.ts";
import { pickRows } from "./pickRows.ts";

/** Options of `samplingShap`. */
export interface SamplingOptions {
  /** Antithetic permutation pairs per background row (default 2). */
  pairsPerBackground?: number;
  seed?: number;
  signal?: AbortSignal;
}

/** A model-agnostic explanation of one row. */
export interface SampledShap {
  /** Mean output over the background rows. */
  base: number;
  /** The output at the row. */
  output: number;
  /** Per player (input column). */
  phi: Float64Array;
}

/**
 * Shapley values of one row by permutation sampling (Štrumbelj & Kononenko 2014), with the
 * interventional value function of Kernel / Sampling SHAP: a player outside the coalition takes a
 * background row's value. Each sample walks a random order of the players from a background row to
 * the explained row, crediting each player with the output change it causes; every background row
 * starts the same number of walks and each order is paired with its reverse (antithetic sampling,
 * lower variance). The telescoping walk makes base + sum of phi = output exactly, with `base` the
 * mean output over the background rows. Seeded from `seed` and the row, so a row's numbers do not
 * depend on which other rows are explained. `evaluate` scores a frame of mixed rows (the model's
 * whole pipeline, from raw columns): all walks of one row go in one call.
 */
export function samplingShap(
  frame: Frame,
  row: number,
  background: readonly number[],
  players: readonly number[],
  evaluate: (mixed: Frame) => Float64Array,
  opts: SamplingOptions = {},
): SampledShap {
  opts.signal?.throwIfAborted();
  const P = players.length;
  const pairs = (opts.pairsPerBackground ?? 2) * background.length;
  const walks = pairs * 2;
  const len = P + 1;
  const total = walks * len + 1;
  const rng = makeRng(((opts.seed ?? 0) + Math.imul(row + 1, 0x9e3779b1)) >>> 0);
  const playerOf = new Int32Array(frame.columns.length).fill(-1);
  players.forEach((j, p) => {
    playerOf[j] = p;
  });
  // Columns that are no player (not read by the model) keep the explained row's value.
  const sources = frame.columns.map(() => new Int32Array(total).fill(row));
  const orders: Int32Array[] = [];
  const order = Int32Array.from({ length: P }, (_, p) => p);
  for (let w = 0; w < walks; w++) {
    if (w % 2 === 0) {
      for (let i = P - 1; i > 0; i--) {
        const k = rng.int(i + 1);
        [order[i], order[k]] = [order[k], order[i]];
      }
      orders.push(order.slice());
    } else orders.push(order.slice().reverse());
    const b = background[(w >> 1) % background.length];
    const ord = orders[w];
    const pos = new Int32Array(P);
    for (let i = 0; i < P; i++) pos[ord[i]] = i;
    for (let k = 0; k < len; k++) {
      const at = w * len + k;
      for (let j = 0; j < frame.columns.length; j++) {
        const p = playerOf[j];
        if (p >= 0) sources[j][at] = pos[p] < k ? row : b;
      }
    }
  }
  // The last mixed row is the explained row itself.
  const out = evaluate(pickRows(frame, sources, total));
  const phi = new Float64Array(P);
  let base = 0;
  for (let w = 0; w < walks; w++) {
    const ord = orders[w];
    base += out[w * len] / walks;
    for (let k = 1; k < len; k++) phi[ord[k - 1]] += (out[w * len + k] - out[w * len + k - 1]) / walks;
  }
  return { base, output: out[total - 1], phi };
}
