import type { RowStats } from "./histogram.ts";

/** Which impurity a tree records per node: also what makes a node pure (a leaf). */
export type ImpurityKind = "gini" | "entropy" | "mse" | "none";

/**
 * A node's impurity and whether it is pure. Gini and entropy (bits) come from the class sums
 * (`sums[k]` = minus the weight of class k, `sums[channels]` = total weight); the variance needs a
 * pass over the node's rows, which also finds a constant target. Boosting trees record none.
 */
export function nodeImpurity(
  kind: ImpurityKind,
  rows: Uint32Array,
  start: number,
  end: number,
  sums: Float64Array,
  channels: number,
  stats: RowStats,
): NodeImpurity {
  return nodeImpurityInto(kind, rows, start, end, sums, channels, stats, { value: 0, pure: false });
}

/** A node's impurity, and whether the node is pure. */
export interface NodeImpurity {
  value: number;
  pure: boolean;
}

/** As `nodeImpurity`, into `out` (reused by a grower that makes thousands of nodes per tree). */
export function nodeImpurityInto(
  kind: ImpurityKind,
  rows: Uint32Array,
  start: number,
  end: number,
  sums: Float64Array,
  channels: number,
  stats: RowStats,
  out: NodeImpurity,
): NodeImpurity {
  const w = sums[channels];
  if (kind === "gini" || kind === "entropy") {
    let value = kind === "gini" ? 1 : 0;
    let present = 0;
    for (let k = 0; k < channels; k++) {
      const q = w > 0 ? -sums[k] / w : 0;
      if (q > 0) present++;
      value += kind === "gini" ? -q * q : q > 0 ? -q * Math.log2(q) : 0;
    }
    out.value = Math.max(0, value);
    out.pure = present <= 1;
    return out;
  }
  if (kind === "mse" && stats.y) {
    const y = stats.y;
    let sy = 0;
    let syy = 0;
    let lo = Number.POSITIVE_INFINITY;
    let hi = Number.NEGATIVE_INFINITY;
    for (let k = start; k < end; k++) {
      const r = rows[k];
      const v = y[r];
      sy += stats.hess[r] * v;
      syy += stats.hess[r] * v * v;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
    const mean = w > 0 ? sy / w : 0;
    out.value = w > 0 ? Math.max(0, syy / w - mean * mean) : 0;
    out.pure = lo === hi;
    return out;
  }
  out.value = Number.NaN;
  out.pure = false;
  return out;
}
