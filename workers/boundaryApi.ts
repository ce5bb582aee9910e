import type {
  BoundaryPoints,
  BoundaryRequest,
  BoundaryResult,
} from "../src/core/automl/boundary/fitBoundary.ts";
import type { ValidationCurve } from "../src/core/automl/boundary/validationCurve.ts";
import type { RunSettings } from "../src/core/automl/run/runSettings.ts";
import type { MetricId } from "../src/core/framing/metrics.ts";
import type { Task } from "../src/core/framing/task.ts";
import type { ModelId } from "../src/core/models/modelMeta.ts";
import type { Progress } from "../src/core/progress.ts";

/** Where the playground's rows come from: a stored table and the settings a run would use. */
export interface BoundarySource {
  datasetId: string;
  /** Target, recipe, split (seed) and metric; the models and params in it are not read. */
  settings: RunSettings;
}

/** What the playground can draw on a table: its prepared columns, task and models. */
export interface BoundaryColumns {
  task: Task;
  classes: string[] | null;
  metric: MetricId;
  /** The recipe's output columns with their ranges, in the recipe's order. */
  features: { name: string; min: number; max: number }[];
  /** The two columns that separate the target best on their own: the starting axes. */
  axes: [string, string];
  /** Models for the task, in ladder order. */
  models: { id: ModelId; label: string }[];
  trainRows: number;
  validRows: number;
}

/** A fit's picture and scores, with the points under it when asked for. */
export interface BoundaryView extends BoundaryResult {
  points: BoundaryPoints | null;
  /** Milliseconds from the request's arrival in the worker to its answer. */
  workerMs: number;
}

/** The boundary worker: the decision-boundary playground's fits and the validation curve. */
export interface BoundaryWorkerApi {
  /** Prepares the playground's rows (sampled, split, recipe applied) and lists their columns. */
  prepare(source: BoundarySource): Promise<BoundaryColumns>;
  /**
   * Fits one request. A newer `fit` cancels the ones before it (their promises reject with an
   * AbortError), so only the latest request's picture comes back.
   */
  fit(
    callId: string,
    source: BoundarySource,
    request: BoundaryRequest,
    withPoints: boolean,
  ): Promise<BoundaryView>;
  /** Cross-validated scores against one hyperparameter, with the project's recipe, on the worker pool. */
  validationCurve(
    callId: string,
    source: BoundarySource,
    model: ModelId,
    param: string | null,
    onProgress?: (p: Progress) => void,
  ): Promise<ValidationCurve>;
  /** Aborts a call by its id (a fit or a validation curve); unknown ids are ignored. */
  cancel(callId: string): void;
}
