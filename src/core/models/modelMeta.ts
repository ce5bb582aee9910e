import type { Task } from "../framing/task.ts";
import type { ModelCapabilities } from "./capabilities.ts";

/**
 * The plain-data half of a model family (its catalogue part): what it is called, which tasks it
 * handles, its defaults and tuning space, and what it can do beyond fit / predict. Each family's
 * meta.ts holds one and imports no implementation, so a catalogue (and the UI) can list models
 * without loading them.
 */

/** Every model family the app knows. */
export type ModelId =
  | "baseline"
  | "linear"
  | "lasso"
  | "logistic"
  | "naive_bayes"
  | "knn"
  | "decision_tree"
  | "random_forest"
  | "extra_trees"
  | "gbdt"
  | "mlp";

/** Search range of one hyperparameter, for tuning. "log" ranges are sampled uniformly in log space. */
export type ParamRange =
  | { type: "int" | "float" | "log"; range: [number, number] }
  | { type: "choice"; choices: readonly (string | number | boolean)[] };

/** Hyperparameter name → search range. */
export type ParamSpace = Record<string, ParamRange>;

/** Hyperparameters by name, as passed to `create` (snake_case, as scikit-learn's). */
export type ModelParams = Record<string, unknown>;

/** A model family's catalogue entry. */
export interface ModelMeta<P> {
  id: ModelId;
  label: string;
  /** The label for one task and params, where it depends on them (what the baseline predicts). */
  labelFor?(task: Task, params: P): string;
  tasks: Task[];
  /** Whether the pipeline should standardise numeric features first (distance / gradient based models). */
  needsScaling: boolean;
  /** Set by models that train with tfjs; the conformance test then checks for tensor leaks. */
  usesTfjs?: boolean;
  /** Set by models whose `fit` returns a promise (it awaits tfjs); every other fit returns `this`. */
  asyncFit?: true;
  /** Abilities beyond fit / predict, each implemented as the method capabilities.ts names. */
  capabilities?: ModelCapabilities;
  defaults: P;
  paramSpace?: ParamSpace;
  /**
   * Boosting models: tuning budgets its rungs in rounds of this param (from `min` to `max`,
   * the param left out of the space) instead of training rows.
   */
  tuneRounds?: { param: string; min: number; max: number };
  /** Known-good params a search tries first, right after the defaults (see `sampleCandidates`). */
  tuneStarts?: readonly ModelParams[];
}
