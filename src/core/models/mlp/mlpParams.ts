import { ValidationError } from "../../errors.ts";
import type { MlpParams } from "./meta.ts";
import type { TrainConfig } from "./trainNetwork.ts";

/** Checked params: hidden layer sizes as numbers, and everything trainNetwork needs but the head. */
export interface MlpSettings extends Omit<TrainConfig, "head" | "batchSize"> {
  hidden: number[];
  /** null: "auto", min(256, training rows). */
  batchSize: number | null;
  validationFraction: number;
}

const isCount = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 1;

/** Hidden layer sizes from an array or a comma-separated string ("" or [] for none). */
export function parseLayerSizes(value: MlpParams["hidden_layer_sizes"]): number[] {
  const sizes =
    typeof value === "string"
      ? value
          .split(",")
          .map((s) => s.trim())
          .filter((s) => s !== "")
          .map(Number)
      : value;
  if (!Array.isArray(sizes) || !sizes.every(isCount))
    throw new ValidationError(`invalid hidden_layer_sizes: ${String(value)}`);
  return [...sizes];
}

/** Validates the params, with terse ValidationErrors naming the first bad one. */
export function readMlpParams(p: MlpParams): MlpSettings {
  const bad = (name: string, value: unknown) => new ValidationError(`invalid ${name}: ${String(value)}`);
  const hidden = parseLayerSizes(p.hidden_layer_sizes);
  if (p.activation !== "relu" && p.activation !== "tanh") throw bad("activation", p.activation);
  if (!(p.dropout >= 0 && p.dropout < 1)) throw bad("dropout", p.dropout);
  if (!(p.learning_rate > 0 && Number.isFinite(p.learning_rate))) throw bad("learning_rate", p.learning_rate);
  if (p.batch_size !== "auto" && !isCount(p.batch_size)) throw bad("batch_size", p.batch_size);
  if (!isCount(p.max_epochs)) throw bad("max_epochs", p.max_epochs);
  if (typeof p.early_stopping !== "boolean") throw bad("early_stopping", p.early_stopping);
  if (!(p.validation_fraction > 0 && p.validation_fraction < 1))
    throw bad("validation_fraction", p.validation_fraction);
  if (!isCount(p.patience)) throw bad("patience", p.patience);
  if (!(p.tol >= 0 && Number.isFinite(p.tol))) throw bad("tol", p.tol);
  if (!(p.alpha >= 0 && Number.isFinite(p.alpha))) throw bad("alpha", p.alpha);
  return {
    hidden,
    activation: p.activation,
    dropout: p.dropout,
    learningRate: p.learning_rate,
    batchSize: p.batch_size === "auto" ? null : p.batch_size,
    maxEpochs: p.max_epochs,
    earlyStopping: p.early_stopping,
    validationFraction: p.validation_fraction,
    patience: p.patience,
    tol: p.tol,
    alpha: p.alpha,
  };
}
