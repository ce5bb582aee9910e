import { ValidationError } from "../../errors.ts";
import type { ModelId, ModelParams } from "../../models/modelMeta.ts";

/**
 * One hyperparameter a playground slider moves. "log" sliders move in powers of ten, so C or
 * alpha sweep several orders of magnitude in one drag; `integer` ones step by whole numbers.
 */
export interface PlaygroundSlider {
  /** Key of the slider's value (a model param name, or "hidden_units" for the MLP's one layer). */
  name: string;
  label: string;
  min: number;
  max: number;
  scale: "linear" | "log";
  integer: boolean;
  /** Where the slider starts. */
  value: number;
  /** What moving it up does, in plain words (the slider's description). */
  hint: string;
}

const int = (name: string, label: string, min: number, max: number, value: number, hint: string) =>
  ({ name, label, min, max, scale: "linear", integer: true, value, hint }) as const;
const log = (name: string, label: string, min: number, max: number, value: number, hint: string) =>
  ({ name, label, min, max, scale: "log", integer: false, value, hint }) as const;

const DEPTH = (value: number) =>
  int("max_depth", "Tree depth", 1, 15, value, "Deeper trees draw finer regions and can overfit.");
const TREES = int("n_estimators", "Number of trees", 1, 100, 30, "More trees give smoother regions.");

/** The main hyperparameters of each family, as the playground shows them (the first one leads). */
export const PLAYGROUND_SLIDERS: Record<ModelId, readonly PlaygroundSlider[]> = {
  baseline: [],
  linear: [log("alpha", "Ridge penalty (alpha)", 1e-4, 1e3, 1, "A larger penalty flattens the surface.")],
  lasso: [log("alpha", "Lasso penalty (alpha)", 1e-4, 10, 0.01, "A larger penalty flattens the surface.")],
  logistic: [
    log("C", "Inverse penalty (C)", 1e-3, 1e3, 1, "A larger C follows the training rows more closely."),
  ],
  naive_bayes: [
    log("var_smoothing", "Variance smoothing", 1e-12, 1, 1e-9, "More smoothing widens every class's bell."),
  ],
  knn: [int("n_neighbors", "Neighbours (k)", 1, 50, 5, "A larger k draws smoother regions.")],
  decision_tree: [
    DEPTH(3),
    int("min_samples_leaf", "Rows per leaf", 1, 50, 1, "More rows per leaf draw coarser regions."),
  ],
  random_forest: [TREES, DEPTH(6)],
  extra_trees: [TREES, DEPTH(6)],
  gbdt: [
    int("max_iter", "Boosting rounds", 1, 200, 50, "More rounds fit the training rows more closely."),
    log("learning_rate", "Learning rate", 0.01, 1, 0.1, "A larger rate takes bigger steps per round."),
    int("max_depth", "Tree depth", 1, 8, 3, "Deeper trees capture more interactions."),
  ],
  mlp: [
    int("hidden_units", "Hidden units", 1, 64, 16, "More units can bend the boundary more."),
    log("learning_rate", "Learning rate", 1e-4, 0.3, 0.03, "A larger rate learns faster but less steadily."),
  ],
};

/**
 * Params held fixed in the playground: quick enough for a live update (no out-of-bag score, no
 * early stopping, a short neural-net schedule) and nothing random hidden from the sliders.
 */
const PLAYGROUND_FIXED: Partial<Record<ModelId, ModelParams>> = {
  random_forest: { oob_score: false },
  gbdt: { early_stopping: false, max_leaf_nodes: null },
  mlp: { early_stopping: false, dropout: 0, batch_size: 512 },
};

/**
 * Adam steps the playground's neural net takes, whatever the row count (epochs follow from it):
 * a step costs about the same for 100 or 512 rows (tfjs's per-op overhead dominates), and about
 * 160 of them draw a settled two-column boundary within the update's time goal.
 */
export const MLP_STEPS = 160;

/** Epochs giving about MLP_STEPS steps of 512 rows on `rows` training rows (10 to 200). */
export function mlpEpochs(rows: number): number {
  return Math.min(200, Math.max(10, Math.ceil(MLP_STEPS / Math.max(1, Math.ceil(rows / 512)))));
}

/** The sliders of a model; ValidationError for an unknown one. */
export function slidersOf(model: string): readonly PlaygroundSlider[] {
  const sliders = (PLAYGROUND_SLIDERS as Record<string, readonly PlaygroundSlider[]>)[model];
  if (!sliders) throw new ValidationError(`unknown model: ${model}`);
  return sliders;
}

/** The sliders' starting values by name. */
export function defaultValues(model: string): Record<string, number> {
  return Object.fromEntries(slidersOf(model).map((s) => [s.name, s.value]));
}

/** A slider value brought into its range (and to a whole number where it must be one). */
export function clampValue(s: PlaygroundSlider, v: number): number {
  if (!Number.isFinite(v)) throw new ValidationError(`invalid ${s.name}: ${v}`);
  const c = Math.min(s.max, Math.max(s.min, v));
  return s.integer ? Math.round(c) : c;
}

/** One slider value as the model's param (the MLP's units become a one-layer architecture). */
export function sliderParam(name: string, value: number): ModelParams {
  return name === "hidden_units" ? { hidden_layer_sizes: [value] } : { [name]: value };
}

/**
 * The params a playground fit uses: the fixed quick settings (the neural net's epochs for
 * `trainRows`), then the sliders' values (clamped; missing ones take their defaults). Unknown
 * slider names are rejected.
 */
export function playgroundParams(
  model: string,
  values: Record<string, number> = {},
  trainRows = 1000,
): ModelParams {
  const sliders = slidersOf(model);
  for (const name of Object.keys(values)) {
    if (!sliders.some((s) => s.name === name))
      throw new ValidationError(`unknown playground parameter for ${model}: ${name}`);
  }
  const out: ModelParams = { ...PLAYGROUND_FIXED[model as ModelId] };
  if (model === "mlp") out.max_epochs = mlpEpochs(trainRows);
  for (const s of sliders) Object.assign(out, sliderParam(s.name, clampValue(s, values[s.name] ?? s.value)));
  return out;
}

/**
 * `count` values spread over a slider's range (evenly, or evenly in log space), distinct after
 * rounding for whole-number sliders: the x positions of a validation curve.
 */
export function sweepValues(s: PlaygroundSlider, count = 7): number[] {
  if (!(Number.isInteger(count) && count >= 2)) throw new ValidationError(`invalid count: ${count}`);
  const out: number[] = [];
  for (let i = 0; i < count; i++) {
    const t = i / (count - 1);
    const v =
      s.scale === "log"
        ? 10 ** (Math.log10(s.min) + t * (Math.log10(s.max) - Math.log10(s.min)))
        : s.min + t * (s.max - s.min);
    const c = s.integer ? Math.round(v) : Number(v.toPrecision(3));
    if (!out.includes(c)) out.push(c);
  }
  return out;
}
