import { type DenseKernels, denseKernels } from "../../wasm/denseKernels.ts";
import type { DenseLayer } from "./network.ts";
import type { SparseSet } from "./sparseRows.ts";
import type { NetworkRows } from "./trainNetwork.ts";

/**
 * One layer of the typed-array trainer inside the kernels' heap: each field is an element index
 * (for the kernels) with, for the JS side, a view of the same values.
 */
export interface HeapLayer {
  inputs: number;
  outputs: number;
  /** Weights inputs x outputs row-major, and transposed (outputs x inputs) for the backward pass. */
  w: number;
  wt: number;
  b: number;
  gw: number;
  gb: number;
  mw: number;
  vw: number;
  mb: number;
  vb: number;
  /** Pre-activation z, output h (after activation and dropout), gradient dz, all rows x outputs. */
  z: number;
  h: number;
  dz: number;
  /** The dropout mask, rows x outputs (hidden layers). */
  mask: number;
  wView: Float64Array;
  wtView: Float64Array;
  bView: Float64Array;
  zView: Float64Array;
  hView: Float64Array;
  dzView: Float64Array;
  maskView: Float64Array;
}

/** The kernels, their heap laid out for `initial`'s layers and `rows` rows a pass, and the batch input. */
export interface HeapNetwork {
  kernels: DenseKernels;
  layers: HeapLayer[];
  /** The dense batch's inputs, rows x inputs (empty with `sparse`). */
  x: number;
  xView: Float64Array;
  /** With compressed rows (sparseRows.ts): the sets' places in the heap (training rows, held-out rows). */
  sparse: SparseSet[] | null;
  /** With dense rows kept in the heap: the sets' places (training rows, held-out rows). */
  kept: KeptSet[] | null;
  /** The batch's targets (rows x outputs) and row weights, float64. */
  targets: number;
  weights: number;
  targetsView: Float64Array;
  weightsView: Float64Array;
}

/**
 * A set of dense rows kept in the heap as float32 (as NetworkRows holds them), for gatherRows:
 * inputs, targets and weights (`floats` element indices) and the order (an `ints` element index),
 * with an int32 view of the order, which the trainer shuffles in place.
 */
export interface KeptSet {
  x: number;
  targets: number;
  weights: number;
  order: number;
  orderView: Int32Array;
}

/**
 * Lays the layers out in one heap (one allocation, so that no view is detached later) and copies
 * the weights in; with `sparse`, room for those compressed sets; with `kept`, those sets' rows
 * copied in (float32, as given).
 */
export function heapNetwork(
  initial: DenseLayer[],
  rows: number,
  use: "auto" | "js",
  sparse: { rows: number; entries: number }[] | null = null,
  kept: NetworkRows[] | null = null,
): HeapNetwork {
  let size = 0;
  const take = (n: number) => {
    const at = size;
    // Even offsets keep two-lane vectors 16-byte aligned.
    size += n + (n & 1);
    return at;
  };
  // The dense batch (none with compressed rows, which the kernels read in place).
  const xSize = sparse ? 0 : rows * initial[0].inputs;
  const x = take(xSize);
  const plan = initial.map((l) => {
    const weights = l.inputs * l.outputs;
    const units = rows * l.outputs;
    return {
      inputs: l.inputs,
      outputs: l.outputs,
      w: take(weights),
      wt: take(weights),
      b: take(l.outputs),
      gw: take(weights),
      gb: take(l.outputs),
      mw: take(weights),
      vw: take(weights),
      mb: take(l.outputs),
      vb: take(l.outputs),
      z: take(units),
      h: take(units),
      dz: take(units),
      mask: take(units),
    };
  });
  // Compressed sets: values, then their int32 arrays, two int32s per float64 element.
  const sets = (sparse ?? []).map(({ rows: n, entries }) => {
    const values = take(entries);
    const ints = 2 * take(Math.ceil((entries + 2 * n + 1) / 2));
    return { values, idx: ints, start: ints + entries, order: ints + entries + n + 1, rows: n };
  });
  const outputs = initial[initial.length - 1].outputs;
  const targets = take(rows * outputs);
  const weights = take(rows);
  // Kept rows: float32 inputs, targets, weights, then the int32 order, two values per element.
  const keptAt = (kept ?? []).map((set) => {
    const half = (n: number) => 2 * take(Math.ceil(n / 2));
    return {
      x: half(set.x.length),
      targets: half(set.targets.length),
      weights: half(set.rows),
      order: half(set.rows),
      rows: set.rows,
    };
  });
  const kernels = denseKernels(size, use);
  const view = (at: number, n: number) => kernels.heap.subarray(at, at + n);
  const layers = plan.map((p, i): HeapLayer => {
    const weights = p.inputs * p.outputs;
    const units = rows * p.outputs;
    const layer = {
      ...p,
      wView: view(p.w, weights),
      wtView: view(p.wt, weights),
      bView: view(p.b, p.outputs),
      zView: view(p.z, units),
      hView: view(p.h, units),
      dzView: view(p.dz, units),
      maskView: view(p.mask, units),
    };
    layer.wView.set(initial[i].weights);
    layer.bView.set(initial[i].bias);
    return layer;
  });
  const { floats, ints } = kernels;
  const keptSets = keptAt.map(({ rows: n, ...at }, i): KeptSet => {
    const set = (kept as NetworkRows[])[i];
    floats.set(set.x, at.x);
    floats.set(set.targets, at.targets);
    floats.set(set.weights, at.weights);
    const orderView = ints.subarray(at.order, at.order + n);
    for (let r = 0; r < n; r++) orderView[r] = r;
    return { ...at, orderView };
  });
  return {
    kernels,
    layers,
    x,
    xView: view(x, xSize),
    kept: kept ? keptSets : null,
    targets,
    weights,
    targetsView: view(targets, rows * outputs),
    weightsView: view(weights, rows),
    sparse: sparse
      ? sets.map(({ rows: n, ...at }) => ({
          ...at,
          orderView: kernels.ints.subarray(at.order, at.order + n),
        }))
      : null,
  };
}
