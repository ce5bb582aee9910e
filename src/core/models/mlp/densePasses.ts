import type { HeapLayer, HeapNetwork } from "./denseLayers.ts";
import type { Activation } from "./network.ts";
import type { NetworkRows } from "./trainNetwork.ts";

// The typed-array trainer's batch passes (trainDense.ts): the batch gather, the forward pass with
// the dropout masks, the backward pass. Moved out of trainDense.ts as is.

/**
 * Rows order[start .. start + b) of set `set` (0 training, 1 held out): their targets and weights
 * into tb / wb, and, unless the first layer reads compressed rows in place, their inputs into the
 * heap's batch (as float64); by the gather kernel where the rows are kept in the heap.
 */
export function gatherRows(
  net: HeapNetwork,
  set: number,
  rows: NetworkRows,
  order: Int32Array,
  start: number,
  b: number,
  tb: Float64Array,
  wb: Float64Array,
): void {
  const inputs = net.layers[0].inputs;
  const outputs = net.layers[net.layers.length - 1].outputs;
  if (net.kept) {
    const { kernels } = net;
    const kept = net.kept[set];
    const at = kept.order + start;
    kernels.gatherRows(kept.x, inputs, at, b, net.x);
    kernels.gatherRows(kept.targets, outputs, at, b, net.targets);
    kernels.gatherRows(kept.weights, 1, at, b, net.weights);
    return;
  }
  const xb = net.xView;
  const { x, targets, weights } = rows;
  const dense = net.sparse === null;
  for (let i = 0; i < b; i++) {
    const r = order[start + i];
    if (dense) for (let j = 0; j < inputs; j++) xb[i * inputs + j] = x[r * inputs + j];
    for (let j = 0; j < outputs; j++) tb[i * outputs + j] = targets[r * outputs + j];
    wb[i] = weights[r];
  }
}

/** The dropout masks' generator state and draw: a unit is kept (scaled by `kept`) where u < keep. */
export interface Dropout {
  state: number;
  keep: number;
  kept: number;
}

/**
 * z = h W + b for each layer; hidden layers then apply the activation and the dropout mask, drawn
 * from `dropout`'s state layer by layer (relu layers draw it inside the product's pass). With
 * compressed rows the first layer reads set `set`'s rows order[start .. start + rows) in place.
 * Returns the generator's state after the masks (unchanged without dropout).
 */
export function forwardPass(
  net: HeapNetwork,
  set: number,
  start: number,
  rows: number,
  activation: Activation,
  dropout: Dropout | null,
): number {
  const { kernels, layers } = net;
  let state = dropout ? dropout.state : 0;
  const keep = dropout ? dropout.keep : 1;
  const kept = dropout ? dropout.kept : 1;
  let input = net.x;
  for (let l = 0; l < layers.length; l++) {
    const layer = layers[l];
    const { inputs, outputs } = layer;
    const hidden = l < layers.length - 1;
    const sparse = l === 0 && net.sparse !== null;
    const mask = dropout ? layer.mask : -1;
    if (hidden && activation === "relu" && !sparse) {
      state = kernels.gemmNNRelu(
        input,
        layer.w,
        layer.z,
        rows,
        outputs,
        inputs,
        layer.b,
        layer.h,
        mask,
        state,
        keep,
        kept,
      );
      input = layer.h;
      continue;
    }
    if (sparse) {
      const s = net.sparse![set];
      kernels.sparseNN(s.values, s.idx, s.start, s.order + start, layer.w, layer.z, rows, outputs, layer.b);
    } else kernels.gemmNN(input, layer.w, layer.z, rows, outputs, inputs, 1, layer.b, 0);
    if (!hidden) break;
    const size = rows * outputs;
    if (dropout) state = kernels.dropoutMask(mask, size, state, keep, kept);
    if (activation === "relu") kernels.relu(layer.z, layer.h, mask, size);
    else tanhForward(layer, size, dropout !== null);
    input = layer.h;
  }
  return state;
}

function tanhForward(layer: HeapLayer, size: number, masked: boolean): void {
  const { zView: z, hView: h, maskView: mask } = layer;
  for (let i = 0; i < size; i++) h[i] = Math.tanh(z[i]);
  if (masked) for (let i = 0; i < size; i++) h[i] *= mask[i];
}

/**
 * Gradients of the batch cost, given the output layer's dz: per layer gw = inputᵀ dz + l2 W,
 * gb = Σ dz, and the input's gradient dz Wᵀ, through the mask and the activation into the layer
 * below's dz. `l2` is alpha / batch rows, the derivative of alpha / (2 rows) Σ W². The batch is
 * the training rows order[start .. start + rows).
 */
export function backwardPass(
  net: HeapNetwork,
  start: number,
  rows: number,
  activation: Activation,
  masked: boolean,
  l2: number,
): void {
  const { kernels, layers } = net;
  for (let l = layers.length - 1; l >= 0; l--) {
    const layer = layers[l];
    const { inputs, outputs } = layer;
    const input = l > 0 ? layers[l - 1].h : net.x;
    if (l === 0 && net.sparse) {
      const s = net.sparse[0];
      kernels.sparseTN(
        s.values,
        s.idx,
        s.start,
        s.order + start,
        layer.dz,
        layer.gw,
        rows,
        outputs,
        inputs,
        layer.w,
        l2,
      );
    } else kernels.gemmTN(input, layer.dz, layer.gw, inputs, outputs, rows, 2, layer.w, l2);
    kernels.columnSums(layer.dz, layer.gb, rows, outputs);
    if (l === 0) break;
    const below = layers[l - 1];
    transpose(layer.wView, inputs, outputs, layer.wtView);
    if (activation === "relu")
      kernels.gemmNNDrelu(
        layer.dz,
        layer.wt,
        below.dz,
        rows,
        inputs,
        outputs,
        below.z,
        masked ? below.mask : -1,
      );
    else {
      kernels.gemmNN(layer.dz, layer.wt, below.dz, rows, inputs, outputs, 0, 0, 0);
      tanhBackward(below, rows * inputs, masked);
    }
  }
}

function tanhBackward(layer: HeapLayer, size: number, masked: boolean): void {
  const { zView: z, dzView: dz, maskView: mask } = layer;
  for (let i = 0; i < size; i++) {
    const t = Math.tanh(z[i]);
    dz[i] *= 1 - t * t;
  }
  if (masked) for (let i = 0; i < size; i++) dz[i] *= mask[i];
}

/** out (cols x rows) = a (rows x cols) transposed. */
function transpose(a: Float64Array, rows: number, cols: number, out: Float64Array): void {
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) out[c * rows + r] = a[r * cols + c];
}
