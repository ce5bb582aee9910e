import type { Frame } from "../../data/frame.ts";
import type { FittedRecipe } from "../../pipeline/fittedRecipe.ts";
import { matrixOf } from "../ladder/predictIn.ts";
import { pickRows } from "./pickRows.ts";

/**
 * Which raw input columns each model feature comes from, found by probing rather than by reading
 * step states (so every step, present or future, is covered): on a sample of rows, each input
 * column in turn is shuffled (two rotations) and blanked, the recipe is applied, and a feature
 * that changes depends on that column. A one-hot or scaled column has one source; an engineered
 * feature (ratio, interaction) may have several, and the explainers split its contribution equally
 * among them. A feature that no probe moved (constant on the sample) goes to the input whose name
 * starts its own, else it keeps its own name as a column of the explanation.
 */
export interface FeatureSources {
  /** The explanation's columns: the recipe's inputs, then any feature with no input found. */
  columns: string[];
  /** Per model feature: the column indices it is split over (equal shares). */
  of: number[][];
}

/** Probes `recipe` on the rows `sample` of `frame` (whose columns include the recipe's inputs). */
export function featureSources(
  recipe: FittedRecipe,
  frame: Frame,
  sample: readonly number[],
): FeatureSources {
  const inputs = recipe.inputs.map((i) => i.name);
  const byName = new Map(frame.columns.map((c, j) => [c.name, j]));
  const n = sample.length;
  const P = inputs.length;
  const probes = 3;
  const total = n * (1 + P * probes);
  const sources = frame.columns.map(() => new Int32Array(total));
  for (const from of sources) for (let b = 0; b < 1 + P * probes; b++) from.set(sample, b * n);
  inputs.forEach((name, p) => {
    const j = byName.get(name);
    if (j === undefined) return;
    const from = sources[j];
    const at = n * (1 + p * probes);
    for (let i = 0; i < n; i++) {
      from[at + i] = sample[(i + 1) % n];
      from[at + n + i] = sample[(i + Math.max(1, n >> 1)) % n];
      from[at + 2 * n + i] = -1;
    }
  });
  const X = matrixOf(recipe, pickRows(frame, sources, total));
  const F = X.cols;
  const of: number[][] = Array.from({ length: F }, () => []);
  const same = (a: number, b: number) => a === b || (Number.isNaN(a) && Number.isNaN(b));
  for (let p = 0; p < P; p++) {
    const at = n * (1 + p * probes);
    for (let f = 0; f < F; f++) {
      let moved = false;
      for (let i = 0; i < n * probes && !moved; i++)
        moved = !same(X.data[(at + i) * F + f], X.data[(i % n) * F + f]);
      if (moved) of[f].push(p);
    }
  }
  const columns = [...inputs];
  for (let f = 0; f < F; f++) {
    if (of[f].length > 0) continue;
    const name = recipe.features[f];
    let best = -1;
    for (let p = 0; p < P; p++)
      if (name.startsWith(inputs[p]) && (best < 0 || inputs[p].length > inputs[best].length)) best = p;
    if (best >= 0) of[f].push(best);
    else {
      let at = columns.indexOf(name);
      if (at < 0) at = columns.push(name) - 1;
      of[f].push(at);
    }
  }
  return { columns, of };
}

/** Sums feature contributions `phi[at .. at + F)` into columns, splitting shared features equally. */
export function toColumns(sources: FeatureSources, phi: ArrayLike<number>, at: number): Float64Array {
  const out = new Float64Array(sources.columns.length);
  sources.of.forEach((cols, f) => {
    const share = phi[at + f] / cols.length;
    for (const c of cols) out[c] += share;
  });
  return out;
}
