import type { Task } from "../estimator.ts";
import type { StateReader } from "../stateReader.ts";
import type { MlpParams } from "./meta.ts";
import { readMlpParams } from "./mlpParams.ts";
import type { DenseLayer } from "./network.ts";

/** A dense layer as JSON: weights inputs x outputs, row-major. */
export interface DenseLayerJSON {
  inputs: number;
  outputs: number;
  weights: number[];
  bias: number[];
}

export interface MlpState {
  task: Task;
  /** Classes; 0 for regression. */
  n_classes: number;
  features: string[];
  /**
   * What trained the weights: "js" (`trainDense`, when the measured tfjs backend runs on the CPU)
   * or the tfjs backend ("webgl", "webgpu"; "cpu" and "wasm" in artifacts made before "js").
   */
  backend: string;
  /** Regression targets are standardised for training: y = mean + scale * output. 0 and 1 otherwise. */
  target_mean: number;
  target_scale: number;
  /** Epochs run, and the one whose weights were kept (the last one without early stopping). */
  n_epochs: number;
  best_epoch: number;
  /** Mean training loss per epoch (L2 term included; standardised units for regression). */
  train_loss: number[];
  /** Held-out loss per epoch; null when early stopping was off. */
  validation_loss: number[] | null;
  layers: DenseLayerJSON[];
}

/**
 * Reads an MLP state: task, class count and output layer agree; the layers chain from the feature
 * count through the hidden sizes in params to the outputs, each with inputs x outputs finite weights
 * and finite biases; the loss curves have one finite entry per epoch. Params are checked as fit
 * checks them, since predict reads the activation.
 */
export function readMlpState(
  raw: unknown,
  read: StateReader,
  params: MlpParams,
): Omit<MlpState, "layers"> & {
  layers: DenseLayer[];
} {
  let hidden: number[];
  try {
    hidden = readMlpParams(params).hidden;
  } catch (err) {
    return read.fail("params", (err as Error).message);
  }
  const s = read.object(raw, "state", [
    "task",
    "n_classes",
    "features",
    "backend",
    "target_mean",
    "target_scale",
    "n_epochs",
    "best_epoch",
    "train_loss",
    "validation_loss",
    "layers",
  ]);
  const { task, k } = read.taskClasses(s.task, s.n_classes);
  const features = read.strings(s.features, "state: features");
  const nEpochs = read.int(s.n_epochs, "state: n_epochs", 0, 1_000_000);
  const sizes = [features.length, ...hidden, k === 2 ? 1 : Math.max(1, k)];
  const list = read.array(s.layers, "state: layers", sizes.length - 1);
  const layers = list.map((l, i) => {
    const part = `layer ${i}`;
    const o = read.object(l, part, ["inputs", "outputs", "weights", "bias"]);
    const inputs = read.int(o.inputs, `${part}: inputs`, sizes[i], sizes[i]);
    const outputs = read.int(o.outputs, `${part}: outputs`, sizes[i + 1], sizes[i + 1]);
    return {
      inputs,
      outputs,
      weights: Float32Array.from(read.numbers(o.weights, `${part}: weights`, inputs * outputs)),
      bias: Float32Array.from(read.numbers(o.bias, `${part}: bias`, outputs)),
    };
  });
  const curve = (v: unknown, part: string) => read.numbers(v, part, nEpochs);
  return {
    task,
    n_classes: k,
    features,
    backend: read.string(s.backend, "state: backend"),
    target_mean: read.number(s.target_mean, "state: target_mean"),
    target_scale: read.number(s.target_scale, "state: target_scale", { min: Number.MIN_VALUE }),
    n_epochs: nEpochs,
    best_epoch: read.int(s.best_epoch, "state: best_epoch", 0, nEpochs),
    train_loss: curve(s.train_loss, "state: train_loss"),
    validation_loss: s.validation_loss === null ? null : curve(s.validation_loss, "state: validation_loss"),
    layers,
  };
}
