/**
 * A run record's changes as pure functions: every `RunStore` (IndexedDB, memory) applies these, so
 * a run's life (running, checkpointed, finished, reopened, interrupted) means the same in each.
 */
import { bestModel, type LeaderboardEntry } from "../ladder/leaderboard.ts";
import { validateRunSettings } from "./runSettings.ts";
import type { ModelParts, NewRun, RunRecord, RunStatus } from "./runStore.ts";

/** A new "running" run with no entries; its settings are validated (ValidationError) and copied. */
export function newRunRecord(input: NewRun, id: string, at: number): RunRecord {
  const settings = validateRunSettings(input.settings);
  return {
    id,
    projectId: input.projectId,
    datasetId: input.datasetId,
    settings: structuredClone(settings),
    status: "running",
    entries: [],
    best: null,
    createdAt: at,
    updatedAt: at,
  };
}

/** Entries with `entry` in place of the same model's, or appended. */
export function withEntry(entries: readonly LeaderboardEntry[], entry: LeaderboardEntry): LeaderboardEntry[] {
  const i = entries.findIndex((e) => e.model === entry.model);
  return i < 0 ? [...entries, entry] : entries.map((e, j) => (j === i ? entry : e));
}

/** The run with a finished model's entry (its best recomputed). */
export function checkpointed(run: RunRecord, entry: LeaderboardEntry, at: number): RunRecord {
  const entries = withEntry(run.entries, entry);
  return { ...run, entries, best: bestModel(entries), updatedAt: at };
}

/** The run with its final (or paused) status; `error` says why it failed. */
export function finished(run: RunRecord, status: RunStatus, at: number, error?: string): RunRecord {
  const next: RunRecord = { ...run, status, best: bestModel(run.entries), updatedAt: at };
  if (error) next.error = error;
  else delete next.error;
  return next;
}

/** A stopped run "running" again, for a resume; its finished entries stay. */
export function reopened(run: RunRecord, at: number): RunRecord {
  const next: RunRecord = { ...run, status: "running", updatedAt: at };
  delete next.error;
  return next;
}

/** A run left "running" by a thread that no longer runs it, stopped; any other status is kept. */
export function interrupted(run: RunRecord, status: "interrupted" | "cancelled", at: number): RunRecord {
  return run.status === "running" ? { ...run, status, updatedAt: at } : run;
}

/** A model's parts after a checkpoint: the parts given, else those kept before, else none. */
export function mergedParts(given: Partial<ModelParts>, old?: Partial<ModelParts> | null): ModelParts {
  return {
    artifact: given.artifact ?? old?.artifact ?? null,
    evaluation: given.evaluation ?? old?.evaluation ?? null,
    insights: given.insights ?? old?.insights ?? null,
    predictions: given.predictions ?? old?.predictions ?? null,
  };
}
