import type { Matrix } from "../estimator.ts";
import { keptInstance } from "../trees/binWasm.ts";
import { PREDICT_LANES as LANES } from "../trees/histWat.ts";
import type { Tree } from "../trees/tree.ts";

// gbdt's raw scores in WebAssembly (histWat.ts's predict_block): the same sums to the bit as the
// tree-at-a-time walk in JS (each row adds its trees' leaf values in tree order). Leaves loop to
// themselves, so each row takes its tree's depth in steps and several rows walk a tree side by side:
// one row at a time, each step waited on its loads and each tree ended in a mispredicted exit
// (at a million rows scoring the validation fold was a tenth of a fold's time).

interface Exports {
  memory: { buffer: ArrayBuffer; grow(pages: number): number };
  predict_block(
    data: number,
    n: number,
    cols: number,
    roots: number,
    depths: number,
    trees: number,
    dim: number,
    raw: number,
  ): void;
}

/** Bytes of rows copied in per block (at least 64 rows). */
const BLOCK_BYTES = 1 << 20;
const NODE_BYTES = 24;

/** Steps from the root (node 0) to the deepest leaf, whatever order the nodes are stored in. */
function treeDepth(tree: Tree): number {
  const stack = [0];
  const depth = new Int32Array(tree.nodeCount);
  let most = 0;
  // A tree has nodeCount nodes: more visits than that would mean a cycle (never from a fit or a read file).
  for (let visits = 0; stack.length > 0 && visits < tree.nodeCount; visits++) {
    const i = stack.pop()!;
    if (tree.feature[i] < 0) {
      most = Math.max(most, depth[i]);
      continue;
    }
    depth[tree.left[i]] = depth[i] + 1;
    depth[tree.right[i]] = depth[i] + 1;
    stack.push(tree.left[i], tree.right[i]);
  }
  return most;
}

/**
 * Adds every tree's leaf value to `raw` (rows x dim, tree t to output t % dim, already holding
 * the baseline); false (raw untouched) where WebAssembly is unavailable.
 */
export function addTreesWasm(trees: Tree[], X: Matrix, dim: number, raw: Float64Array): boolean {
  if (X.rows === 0 || trees.length === 0) return false;
  const { data, cols, rows } = X;
  let nodes = 0;
  for (const t of trees) nodes += t.nodeCount;
  const block = Math.ceil(Math.max(64, Math.floor(BLOCK_BYTES / (Math.max(1, cols) * 8))) / LANES) * LANES;
  const aNodes = 0;
  const aRoots = aNodes + nodes * NODE_BYTES;
  const aDepths = aRoots + trees.length * 4;
  const aData = (aDepths + trees.length * 4 + 63) & ~63;
  const aRaw = aData + block * cols * 8;
  const top = aRaw + block * dim * 8;
  // The thread's kept instance (binWasm.ts), grown to hold the trees and a block.
  const e = keptInstance(top) as unknown as Exports | null;
  if (!e) return false;
  const buf = e.memory.buffer;
  const f64 = new Float64Array(buf, aNodes, (nodes * NODE_BYTES) / 8);
  const i32 = new Int32Array(buf, aNodes, (nodes * NODE_BYTES) / 4);
  const roots = new Int32Array(buf, aRoots, trees.length);
  const depths = new Int32Array(buf, aDepths, trees.length);
  const address = (node: number) => aNodes + node * NODE_BYTES;
  let base = 0;
  for (let t = 0; t < trees.length; t++) {
    const tree = trees[t];
    roots[t] = address(base);
    depths[t] = treeDepth(tree);
    for (let i = 0; i < tree.nodeCount; i++) {
      const at = (base + i) * (NODE_BYTES / 4);
      const leaf = tree.feature[i] < 0;
      f64[at / 2] = leaf ? tree.value[i * tree.valueDim] : tree.threshold[i];
      i32[at + 2] = leaf ? 0 : tree.feature[i];
      i32[at + 3] = address(base + (leaf ? i : tree.left[i]));
      i32[at + 4] = address(base + (leaf ? i : tree.right[i]));
      i32[at + 5] = !leaf && tree.missingLeft[i] === 1 ? 1 : 0;
    }
    base += tree.nodeCount;
  }
  const rowsView = new Float64Array(buf, aData, block * cols);
  const rawView = new Float64Array(buf, aRaw, block * dim);
  for (let r0 = 0; r0 < rows; r0 += block) {
    const m = Math.min(block, rows - r0);
    rowsView.set(data.subarray(r0 * cols, (r0 + m) * cols));
    rawView.set(raw.subarray(r0 * dim, (r0 + m) * dim));
    // The lanes past the last row walk whatever the buffer holds; their sums are not read.
    e.predict_block(aData, Math.ceil(m / LANES) * LANES, cols, aRoots, aDepths, trees.length, dim, aRaw);
    raw.set(rawView.subarray(0, m * dim), r0 * dim);
  }
  return true;
}
