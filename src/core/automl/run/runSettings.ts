/**
 * What a training run is asked to do, and its one validation. The UI form, the CLI flags, the
 * stored runs and the planner all go through `validateRunSettings`, so a setting means the same
 * and has the same limits everywhere.
 */
import { ValidationError } from "../../errors.ts";
import type { MetricId } from "../../framing/metrics.ts";
import type { Task } from "../../framing/task.ts";
import type { ModelParams } from "../../models/registry.ts";
import type { SplitConfig } from "../../prep/splits.ts";
import type { Recipe } from "../../prep/step.ts";
import { TUNE_MAX_TRIALS, TUNE_PRESETS, type TuneBudget } from "../tune/tuning.ts";

/**
 * How a run deals its rows: the project's split as set in Prepare, complete. Whatever its kind, a
 * run holds back `testFraction` of the rows as the test part (0 keeps none; by time for the time
 * kinds, by group for group folds), cross-validates the rest in `folds` folds of that kind, and
 * `seed` fixes every random choice of the run: the split, the folds and the models.
 */
export type RunSplit = SplitConfig & { testFraction: number; folds: number; seed: number };

/** What a training run was asked to do; a resumed run reuses it unchanged. */
export interface RunSettings {
  target: string;
  /** Known once the run has planned (null before). */
  task: Task | null;
  /** Ranking metric; null lets the ladder choose. */
  metric: MetricId | null;
  /** Model ids to try, in ladder order. */
  models: string[];
  /** The split, from Prepare (the one place it is set). */
  split: RunSplit;
  /** Steps in front of every model; absent: the ladder proposes them. */
  recipe?: Recipe;
  /** Success criterion as typed in Frame. */
  criterion: string | null;
  /** Binary targets: the positive class chosen in Frame; absent or null: the one the framing proposes. */
  positiveClass?: string | null;
  /** Params per model over its defaults (e.g. the MLP's max_epochs). */
  params?: Record<string, ModelParams>;
  /** A tfjs backend forced for the neural net; null chooses by measurement. */
  backend?: string | null;
  /** Blend the finished models into an ensemble rung at the end. */
  ensemble: boolean;
  /**
   * The hyperparameter search's budget: a preset or candidates per model (0: defaults only).
   * Absent in runs stored before tuning existed, which trained (and resume) without it.
   */
  tune?: TuneBudget;
}

/** The one set of limits of a run's numbers. */
export const RUN_LIMITS = {
  folds: { min: 2, max: 20 },
  /** 0 keeps no test part; more than half would leave too little to learn from. */
  testFraction: { min: 0, max: 0.5 },
  seed: { min: 0, max: 2 ** 32 - 1 },
  /** Candidates per model of a numeric tuning budget. */
  tune: { min: 0, max: TUNE_MAX_TRIALS },
} as const;

export const DEFAULT_TEST_FRACTION = 0.2;
export const DEFAULT_FOLDS = 5;

const SPLIT_TYPES: readonly SplitConfig["type"][] = [
  "holdout",
  "temporal",
  "group",
  "kfold",
  "stratified_kfold",
  "time_series",
];
const NEEDS_COLUMN: readonly SplitConfig["type"][] = ["temporal", "group", "stratified_kfold"];
const TASKS: readonly Task[] = ["binary", "multiclass", "regression"];

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);
const shown = (v: unknown) => (typeof v === "string" ? `"${v}"` : String(v));

function wholeIn(name: string, v: unknown, { min, max }: { min: number; max: number }): number {
  if (typeof v !== "number" || !Number.isInteger(v) || v < min || v > max)
    throw new ValidationError(`${name} must be a whole number from ${min} to ${max} (got ${shown(v)}).`);
  return v;
}

/**
 * The run split of a project's split (Prepare), with the defaults filled in: a 20% test part,
 * 5 folds, seed 0. No split at all is a shuffled holdout (stratified by the classes of a class
 * target, as every classification run is).
 */
export function runSplitOf(split: SplitConfig | null | undefined): RunSplit {
  const s = (split ?? { type: "holdout", stratify: null }) as SplitConfig & Partial<RunSplit>;
  return {
    ...s,
    testFraction: s.testFraction ?? DEFAULT_TEST_FRACTION,
    folds: s.folds ?? DEFAULT_FOLDS,
    seed: s.seed ?? 0,
  } as RunSplit;
}

/** The split checked: a known kind, its column when it needs one, and the numbers in range. */
export function validateRunSplit(value: unknown): RunSplit {
  if (!isRecord(value)) throw new ValidationError("The run needs a split.");
  const type = value.type as SplitConfig["type"];
  if (!SPLIT_TYPES.includes(type)) throw new ValidationError(`Unknown kind of split ${shown(type)}.`);
  if (NEEDS_COLUMN.includes(type) && (typeof value.column !== "string" || value.column === ""))
    throw new ValidationError(`The ${type.replace("_", " ")} split needs a column; pick one in Prepare.`);
  const f = value.testFraction;
  const { min, max } = RUN_LIMITS.testFraction;
  if (typeof f !== "number" || !(f >= min && f <= max))
    throw new ValidationError(`The test share must be a number from ${min} to ${max} (got ${shown(f)}).`);
  wholeIn("Folds", value.folds, RUN_LIMITS.folds);
  wholeIn("The seed", value.seed, RUN_LIMITS.seed);
  return value as RunSplit;
}

/** Lists to check ids against; left out, ids are only checked to be names. */
export interface KnownIds {
  models?: readonly string[];
  metrics?: readonly string[];
}

/**
 * Checks run settings from anywhere (a form, command-line flags, a stored record, a message from
 * another thread) and returns them typed; ValidationError with a sentence naming the first setting
 * that is wrong. `ensemble` left out means true.
 */
export function validateRunSettings(value: unknown, known: KnownIds = {}): RunSettings {
  if (!isRecord(value)) throw new ValidationError("Run settings must be an object.");
  const s = value;
  if (typeof s.target !== "string" || s.target === "")
    throw new ValidationError("A run needs a target column; pick one in Frame.");
  if (s.task !== null && s.task !== undefined && !TASKS.includes(s.task as Task))
    throw new ValidationError(`Unknown task ${shown(s.task)}.`);
  if (s.metric !== null && s.metric !== undefined) {
    if (typeof s.metric !== "string") throw new ValidationError(`Unknown metric ${shown(s.metric)}.`);
    if (known.metrics && !known.metrics.includes(s.metric))
      throw new ValidationError(`Unknown metric "${s.metric}"; the metrics are ${known.metrics.join(", ")}.`);
  }
  if (!Array.isArray(s.models) || !s.models.every((m) => typeof m === "string" && m !== ""))
    throw new ValidationError("The models must be a list of model ids.");
  if (s.models.length === 0) throw new ValidationError("Pick at least one model to train.");
  if (known.models) {
    const unknown = s.models.filter((m) => !known.models!.includes(m));
    if (unknown.length > 0)
      throw new ValidationError(
        `Unknown model${unknown.length > 1 ? "s" : ""} ${unknown.map(shown).join(", ")}; the models are ${known.models.join(", ")}.`,
      );
  }
  const split = validateRunSplit(s.split);
  if (s.criterion !== null && s.criterion !== undefined && typeof s.criterion !== "string")
    throw new ValidationError("The success criterion must be text.");
  if (s.params !== undefined && !(isRecord(s.params) && Object.values(s.params).every(isRecord)))
    throw new ValidationError("Model params must be an object per model.");
  if (s.backend !== undefined && s.backend !== null && typeof s.backend !== "string")
    throw new ValidationError(`Unknown tfjs backend ${shown(s.backend)}.`);
  if (s.positiveClass !== undefined && s.positiveClass !== null && typeof s.positiveClass !== "string")
    throw new ValidationError("The positive class must be text.");
  if (s.ensemble !== undefined && typeof s.ensemble !== "boolean")
    throw new ValidationError("The ensemble switch must be true or false.");
  if (s.tune !== undefined && !(typeof s.tune === "string" && Object.hasOwn(TUNE_PRESETS, s.tune))) {
    if (typeof s.tune !== "number")
      throw new ValidationError(
        `The tuning budget must be ${Object.keys(TUNE_PRESETS).join(", ")} or a number of trials per model (got ${shown(s.tune)}).`,
      );
    wholeIn("Trials per model", s.tune, RUN_LIMITS.tune);
  }
  const out: RunSettings = {
    target: s.target,
    task: (s.task as Task | null | undefined) ?? null,
    metric: (s.metric as MetricId | null | undefined) ?? null,
    models: [...(s.models as string[])],
    split,
    criterion: (s.criterion as string | null | undefined) ?? null,
    ensemble: s.ensemble !== false,
  };
  if (s.recipe !== undefined) out.recipe = s.recipe as Recipe;
  if (s.params !== undefined) out.params = s.params as Record<string, ModelParams>;
  if (s.backend !== undefined) out.backend = s.backend as string | null;
  if (typeof s.positiveClass === "string") out.positiveClass = s.positiveClass;
  if (s.tune !== undefined) out.tune = s.tune as TuneBudget;
  return out;
}

/** The sentence `validateRunSettings` would throw, or null when the settings are valid. */
export function runSettingsProblem(value: unknown, known?: KnownIds): string | null {
  try {
    validateRunSettings(value, known);
    return null;
  } catch (err) {
    if (err instanceof ValidationError) return err.message;
    throw err;
  }
}
