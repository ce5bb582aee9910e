import type { RunRecord } from "../src/core/automl/run/runStore.ts";
import type { DriftOverride } from "../src/core/monitor/columnDrift.ts";
import type { Progress } from "../src/core/progress.ts";
import type { MonitorBatchRecord } from "../src/persist/monitorBatches.ts";
import type { MonitorDecision } from "../src/persist/monitorDecisions.ts";
import type { ModelVersion } from "../src/persist/types.ts";

/** A batch to monitor against a version's reference. */
export interface MonitorRequest {
  versionId: string;
  file: Blob;
  name: string;
  /** Tests and thresholds by column (or "prediction"); left out: Evidently's defaults. */
  overrides: Record<string, DriftOverride>;
  /** Keep the batch's rows (training columns only) for retraining; else only sketches and results. */
  keepRows: boolean;
}

/** What a challenger is trained on. */
export interface RetrainRequest {
  projectId: string;
  /** The version retrained (its recipe, settings and batches): the champion. */
  versionId: string;
  /** "all": training rows plus every kept labelled batch; "window": only the newest `window` such batches. */
  rows: "all" | "window";
  window: number;
}

/** The registered challenger, the run that trained it and the decision recorded. */
export interface RetrainResult {
  version: ModelVersion;
  run: RunRecord;
  decision: MonitorDecision;
}

/** Champion and challenger to compare on the newest labelled batch of the champion. */
export interface CompareRequest {
  projectId: string;
  championId: string;
  challengerId: string;
  /** Bootstrap resamples (default 1,000) and their seed (default: the champion's run seed, else 0). */
  iterations?: number;
  seed?: number;
}

/**
 * The monitor worker's API (Comlink): all engine work of the Monitor phase. Monitoring is stopped
 * by the client terminating the worker (nothing is stored until the batch is done); a retrain or
 * comparison is stopped with `cancel(callId)`, so the run is recorded as cancelled.
 */
export interface MonitorWorkerApi {
  /** Reads, monitors and stores a batch; progress "read", then "monitor". */
  monitor(req: MonitorRequest, onProgress: (p: Progress) => void): Promise<MonitorBatchRecord>;
  /** Tests a stored batch again with other tests or thresholds (from its rows if kept, else its sketches). */
  retest(batchId: string, overrides: Record<string, DriftOverride>): Promise<MonitorBatchRecord>;
  /** Trains a challenger with the champion's recipe and settings on the chosen rows and registers it. */
  retrain(callId: string, req: RetrainRequest, onProgress: (p: Progress) => void): Promise<RetrainResult>;
  /** Paired bootstrap and McNemar on labelled rows neither model trained on; records the decision. */
  compare(callId: string, req: CompareRequest, onProgress: (p: Progress) => void): Promise<MonitorDecision>;
  cancel(callId: string): void;
}
