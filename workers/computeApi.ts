import type { ValueAnswer } from "../src/core/automl/explain/explainValues.ts";
import type { PipelinePdp } from "../src/core/automl/explain/pipelinePartialDependence.ts";
import type { RowValues } from "../src/core/automl/explain/rowValues.ts";
import type { ColumnKind } from "../src/core/data/frame.ts";
import type { Progress } from "../src/core/progress.ts";

/** One backend's result from the probe. */
export interface BackendMeasure {
  backend: "webgpu" | "webgl" | "wasm" | "cpu";
  available: boolean;
  /** Milliseconds per step of the probe workload (a dense layer's forward and backward pass). */
  msPerStep: number | null;
  /** Why it is unavailable or set aside, in words ("software adapter", "no WebGL in workers"). */
  note: string;
}

export interface BackendReport {
  measures: BackendMeasure[];
  /**
   * The backend training will use: the fastest available one, never a software WebGPU adapter, and
   * a CPU one where the neural net's typed-array trainer (`dense`) beats the fastest GPU backend.
   */
  chosen: BackendMeasure["backend"];
  /** The typed-array trainer on the probe's step (WebAssembly SIMD kernels, or their JS twins). */
  dense: { msPerStep: number; kind: "wasm" | "js" };
}

/** The model explained: a leaderboard entry of a run (a model family or "ensemble"). */
export interface ExplainSource {
  runId: string;
  model: string;
}

/** An input column as the what-if editor shows it. */
export interface EditorColumn {
  name: string;
  kind: ColumnKind;
  /** Categorical columns: the levels seen in the data (a select offers them). */
  levels?: string[];
  /** Booleans: the file's spellings of false and true. */
  labels?: [string, string];
}

/** What the explainer knows of a model before any row is picked. */
export interface ExplainSetup {
  task: "binary" | "multiclass" | "regression";
  /** The run's classes (binary: the positive class last, the one explained). */
  classes: string[] | null;
  target: string;
  columns: EditorColumn[];
  /** The rows offered: the held-out test part when the run has one, else the training rows. */
  part: "test" | "train";
  rows: number;
}

/** One row of the offered part: its values and what the data says it is. */
export interface PickedRow {
  /** Position within the part (0-based). */
  position: number;
  /** The data row of the table (0 = first data row of the file). */
  row: number;
  values: RowValues;
  actual: string | number | null;
}

/** Names a what-if request so that only the latest one of its channel is answered. */
export interface Ticket {
  channel: string;
  seq: number;
}

/**
 * The compute worker's API (Comlink): the tfjs backend probe, and explanations of a run's models
 * (models and tables are read from IndexedDB here and kept for the next call).
 */
export interface ComputeWorkerApi {
  /** Measures every tfjs backend this device offers on the same small workload. */
  probeBackends(): Promise<BackendReport>;
  /** Loads the model and its table; says which rows can be picked and how to edit them. */
  openExplainer(source: ExplainSource): Promise<ExplainSetup>;
  /** A row of the offered part. */
  pickRow(source: ExplainSource, position: number): Promise<PickedRow>;
  /**
   * Predicts and explains a row given as values, against a seeded sample of training rows. Null
   * when a later request of the same ticket channel came in meanwhile (latest request wins).
   */
  explainValues(source: ExplainSource, values: RowValues, ticket: Ticket): Promise<ValueAnswer | null>;
  /** Partial dependence and ICE lines on one column, with progress; `cancel(callId)` stops it. */
  partialDependence(
    callId: string,
    source: ExplainSource,
    column: string,
    cls: string | null,
    onProgress: (p: Progress) => void,
  ): Promise<PipelinePdp>;
  cancel(callId: string): void;
}
