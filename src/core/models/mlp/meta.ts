import type { ModelMeta } from "../modelMeta.ts";

/** Parameters of `Mlp` (names after scikit-learn's MLPRegressor / MLPClassifier where they match). */
export interface MlpParams {
  /**
   * Units per hidden layer, input side first. A comma-separated string ("128,64") is accepted too,
   * so that a tuning space can offer architectures as plain choices.
   */
  hidden_layer_sizes: number[] | string;
  activation: "relu" | "tanh";
  /** Share of hidden units zeroed per training step (inverted dropout); 0: off. */
  dropout: number;
  /** Adam step size. */
  learning_rate: number;
  /** Rows per step; "auto": min(256, training rows). */
  batch_size: number | "auto";
  /** Most passes over the training rows. */
  max_epochs: number;
  /** Hold out `validation_fraction` of the rows, stop when their loss stalls, keep the best weights. */
  early_stopping: boolean;
  /** Share of rows held out for early stopping (stratified for classes). */
  validation_fraction: number;
  /** Stop after this many epochs without a held-out loss improvement larger than `tol`. */
  patience: number;
  tol: number;
  /** L2 penalty on the weights (not the biases), as scikit-learn's alpha: alpha / (2 batch) * sum(W^2). */
  alpha: number;
}

/** A multilayer perceptron trained with tfjs; wants standardised features. */
export const MLP_META: ModelMeta<MlpParams> = {
  id: "mlp",
  label: "Neural network (MLP)",
  tasks: ["regression", "binary", "multiclass"],
  needsScaling: true,
  usesTfjs: true,
  asyncFit: true,
  defaults: {
    hidden_layer_sizes: [64, 32],
    activation: "relu",
    dropout: 0.1,
    learning_rate: 1e-3,
    batch_size: "auto",
    max_epochs: 200,
    early_stopping: true,
    validation_fraction: 0.1,
    patience: 10,
    tol: 1e-4,
    alpha: 1e-4,
  },
  // Tuning budgets the net's rungs in epochs, not rows (early stopping still ends a fit sooner).
  tuneRounds: { param: "max_epochs", min: 10, max: 200 },
  paramSpace: {
    hidden_layer_sizes: { type: "choice", choices: ["64", "64,32", "128,64", "256,128"] },
    dropout: { type: "float", range: [0, 0.5] },
    learning_rate: { type: "log", range: [1e-4, 1e-2] },
    batch_size: { type: "choice", choices: [32, 64, 128, 256] },
    alpha: { type: "log", range: [1e-6, 1e-2] },
  },
};
