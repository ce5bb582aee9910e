import { loadPipeline } from "../src/core/automl/artifact/loadPipeline.ts";
import { makePipelineArtifact, type PipelineArtifact } from "../src/core/automl/artifact/pipelineArtifact.ts";
import { evaluateModel } from "../src/core/automl/evaluation/evaluateModel.ts";
import { type ModelInsights, modelInsights } from "../src/core/automl/evaluation/modelInsights.ts";
import type { ModelPredictions } from "../src/core/automl/evaluation/modelPredictions.ts";
import { type Criterion, parseCriterion } from "../src/core/framing/criterion.ts";
import { FINAL_FOLD, type FoldJob, type FoldResult } from "../src/core/automl/ladder/foldJob.ts";
import { ENSEMBLE_ID, type EntryId, type LeaderboardEntry } from "../src/core/automl/ladder/leaderboard.ts";
import {
  type FoldRunner,
  type LadderOptions,
  type LadderResult,
  runLadder,
} from "../src/core/automl/ladder/runLadder.ts";
import type { Frame } from "../src/core/data/frame.ts";
import { ValidationError } from "../src/core/errors.ts";
import type { SplitConfig } from "../src/core/prep/splits.ts";
import type { Progress } from "../src/core/progress.ts";
import { openAppDb } from "../src/persist/db.ts";
import { getModel } from "../src/persist/models.ts";
import { checkpointEntry, type ModelParts, modelRecordId } from "../src/persist/runs.ts";
import type { RunSettings } from "../src/persist/types.ts";

/** Drawn depth of a decision tree: deeper levels are summarised as "more". */
export const TREE_DEPTH = 4;

/** The split the person chose in Prepare, with its test share following the run's setting. */
function splitFor(settings: RunSettings): SplitConfig | undefined {
  const s = settings.split;
  if (s?.type === "holdout" || s?.type === "temporal") return { ...s, testFraction: settings.testSize };
  return s;
}

function criterionOf(text: string | null): Criterion | null {
  if (!text) return null;
  try {
    return parseCriterion(text);
  } catch {
    return null;
  }
}

/** The ladder's options for stored run settings (everything but the executor and callbacks). */
export function ladderOptions(settings: RunSettings): LadderOptions {
  return {
    target: settings.target,
    recipe: settings.recipe,
    folds: settings.folds,
    testSize: settings.testSize,
    split: splitFor(settings),
    seed: settings.seed,
    metric: settings.metric ?? undefined,
    models: settings.models,
    params: settings.params,
    criterion: criterionOf(settings.criterion),
    ensemble: settings.ensemble ?? true,
  };
}

/** Which job this is, e.g. "mlp · fold 2 of 5", "mlp · refit". */
export function jobLabel(job: FoldJob): string {
  return `${job.model} · ${job.fold === FINAL_FOLD ? "refit" : `fold ${job.fold + 1} of ${job.folds}`}`;
}

/** What a fold's progress says, e.g. "mlp · fold 2 of 5 · epoch 14 of 200". */
export function jobProgress(job: FoldJob, p: Progress): Progress {
  const step = p.phase === "epoch" ? "epoch" : "step";
  return {
    ...p,
    phase: p.phase === "epoch" ? "epoch" : "fit",
    message: `${jobLabel(job)} · ${step} ${p.done} of ${p.total}`,
  };
}

/** A fold runner that also keeps each model's refitted pipeline (the final job's), for checkpoints. */
export function keepingFinals(run: FoldRunner): {
  runFold: FoldRunner;
  finals: Map<string, FoldResult["pipeline"]>;
} {
  const finals = new Map<string, FoldResult["pipeline"]>();
  const runFold: FoldRunner = async (job, signal) => {
    const result = await run(job, signal);
    if (job.fold === FINAL_FOLD && result.pipeline) finals.set(job.model, result.pipeline);
    return result;
  };
  return { runFold, finals };
}

function insightsOf(artifact: PipelineArtifact | null): ModelInsights | null {
  if (!artifact) return null;
  try {
    return modelInsights(loadPipeline(artifact), { maxDepth: TREE_DEPTH });
  } catch {
    return null;
  }
}

/** The stored parts of a finished model: its pipeline (when refitted), evaluation, insights and predictions. */
export function modelParts(
  entry: LeaderboardEntry,
  predictions: ModelPredictions | null,
  pipeline: FoldResult["pipeline"] | PipelineArtifact | null | undefined,
  seed: number,
): ModelParts {
  let artifact: PipelineArtifact | null = null;
  if (pipeline && "type" in pipeline) artifact = pipeline;
  else if (pipeline && entry.model !== ENSEMBLE_ID) {
    artifact = makePipelineArtifact({
      recipe: pipeline.recipe,
      model: pipeline.model,
      modelId: entry.model,
      label: entry.label,
      metric: entry.metric,
      seed,
    });
  }
  return {
    artifact,
    evaluation: predictions ? evaluateModel(predictions, { seed }) : null,
    insights: insightsOf(artifact),
    predictions,
  };
}

/**
 * Checkpoints finished models one after another, in the order they finish, off the ladder's
 * synchronous `onResult`. The first failure (storage full) is kept and reported by `drain`.
 */
export function makeCheckpointQueue(runId: string, onFailure: (err: unknown) => void) {
  let chain: Promise<void> = Promise.resolve();
  let failure: unknown = null;
  return {
    push(entry: LeaderboardEntry, parts: ModelParts, after: () => void) {
      chain = chain.then(async () => {
        if (failure) return;
        try {
          await checkpointEntry(await openAppDb(), runId, entry, parts);
          after();
        } catch (err) {
          failure = err;
          onFailure(err);
        }
      });
    },
    /** Waits for every queued checkpoint; throws the first failure. */
    async drain() {
      await chain;
      if (failure) throw failure;
    },
  };
}

/** A stored table's version: its columns' names, kinds and roles and its size. */
export function frameVersion(meta: {
  columns: { name: string; kind: string; role: string }[];
  storedBytes: number;
}) {
  return `${meta.storedBytes}|${meta.columns.map((c) => `${c.name}:${c.kind}:${c.role}`).join(",")}`;
}

/** What `runStoredLadder` needs besides the table and the run. */
export interface StoredLadderOptions {
  /** Entries finished earlier (a resume): kept, not retrained. */
  skip: LeaderboardEntry[];
  /** Their stored predictions, so the ensemble can blend them (see `storedPredictions`). */
  skipPredictions?: Partial<Record<string, ModelPredictions>>;
  runFold: FoldRunner;
  /** Aborting it cancels; a failed checkpoint aborts it too. */
  controller: AbortController;
  onProgress: (p: Progress) => void;
  /** Each finished model, after it is checkpointed. */
  onEntry: (entry: LeaderboardEntry) => void;
}

/**
 * Runs the ladder of a stored run: each finished model is checkpointed (entry, pipeline,
 * evaluation, insights) before `onEntry` hears of it; on a cancel the checkpoints under way finish
 * first, then the AbortError goes on. A checkpoint that fails (storage full) stops the run with
 * that error. Without a test part only the best model gets refitted; its pipeline is kept too.
 */
export async function runStoredLadder(
  frame: Frame,
  runId: string,
  settings: RunSettings,
  opts: StoredLadderOptions,
): Promise<{ entries: LeaderboardEntry[]; best: string | null }> {
  const { runFold, finals } = keepingFinals(opts.runFold);
  const queue = makeCheckpointQueue(runId, () => opts.controller.abort());
  // Models checkpointed with their pipeline (those refitted for a test part).
  const kept = new Set<string>();
  let result: LadderResult;
  try {
    result = await runLadder(frame, {
      ...ladderOptions(settings),
      skip: opts.skip,
      skipPredictions: opts.skipPredictions,
      runFold,
      signal: opts.controller.signal,
      onProgress: opts.onProgress,
      onResult: (entry, predictions, pipeline) => {
        const parts = modelParts(entry, predictions, pipeline ?? finals.get(entry.model), settings.seed);
        if (parts.artifact) kept.add(entry.model);
        queue.push(entry, parts, () => opts.onEntry(entry));
      },
    });
  } catch (err) {
    await queue.drain();
    throw err;
  }
  await queue.drain();
  const best = result.best;
  if (best && result.pipeline && !kept.has(best.model)) {
    const parts = modelParts(best, null, result.pipeline, settings.seed);
    await checkpointEntry(await openAppDb(), runId, best, {
      artifact: parts.artifact,
      insights: parts.insights,
    });
  }
  return { entries: result.entries, best: best?.model ?? null };
}

/**
 * Retrains one model of a stored run to rebuild its evaluation (for a record kept without one),
 * checkpoints it and returns the evaluation. The seeds make the numbers those of the run.
 */
export async function reevaluateModel(
  frame: Frame,
  runId: string,
  settings: RunSettings,
  model: EntryId,
  opts: { runFold: FoldRunner; signal?: AbortSignal; onProgress?: (p: Progress) => void },
) {
  if (model === ENSEMBLE_ID) {
    throw new ValidationError(
      "The ensemble's evaluation is kept when it is built; resume or rerun the run to rebuild it.",
    );
  }
  const { runFold, finals } = keepingFinals(opts.runFold);
  const out: { entry?: LeaderboardEntry; parts?: ModelParts } = {};
  await runLadder(frame, {
    ...ladderOptions(settings),
    models: [model],
    ensemble: false,
    runFold,
    signal: opts.signal,
    onProgress: opts.onProgress,
    onResult: (entry, predictions) => {
      out.entry = entry;
      out.parts = modelParts(entry, predictions, finals.get(entry.model), settings.seed);
    },
  });
  const evaluation = out.parts?.evaluation;
  if (!out.entry || !out.parts || !evaluation)
    throw new ValidationError(`model ${model} could not be evaluated`);
  await checkpointEntry(await openAppDb(), runId, out.entry, out.parts);
  return evaluation;
}

/** The stored predictions of a run's finished entries (those kept with them), by model id. */
export async function storedPredictions(
  runId: string,
  entries: readonly LeaderboardEntry[],
): Promise<Partial<Record<string, ModelPredictions>>> {
  const db = await openAppDb();
  const out: Partial<Record<string, ModelPredictions>> = {};
  for (const e of entries) {
    const record = await getModel(db, modelRecordId(runId, e.model)).catch(() => null);
    if (record?.predictions) out[e.model] = record.predictions;
  }
  return out;
}
