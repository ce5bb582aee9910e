import { NotFoundError } from "../../errors.ts";
import type { ModelPredictions } from "../evaluation/modelPredictions.ts";
import { bestModel, type LeaderboardEntry } from "../ladder/leaderboard.ts";
import { validateRunSettings } from "./runSettings.ts";
import type { ModelParts, NewRun, RunRecord, RunStatus, RunStore } from "./runStore.ts";

/** A `RunStore` with what it keeps, for the CLI (one run per process) and tests. */
export interface MemoryRunStore extends RunStore {
  /** The parts kept per run and model. */
  readonly parts: Map<string, Map<string, ModelParts>>;
}

const missing = () => new NotFoundError("This run no longer exists.");

/** Runs kept in memory; records are copied in and out, as storage would. */
export function makeMemoryRunStore(clock: () => number = () => Date.now()): MemoryRunStore {
  const runs = new Map<string, RunRecord>();
  const parts = new Map<string, Map<string, ModelParts>>();
  let next = 0;

  const change = (id: string, f: (run: RunRecord) => RunRecord): RunRecord => {
    const run = runs.get(id);
    if (!run) throw missing();
    const changed = f(run);
    runs.set(id, changed);
    return structuredClone(changed);
  };
  const withEntry = (entries: LeaderboardEntry[], entry: LeaderboardEntry) => {
    const at = entries.findIndex((e) => e.model === entry.model);
    return at < 0 ? [...entries, entry] : entries.map((e, i) => (i === at ? entry : e));
  };

  return {
    parts,
    async create(input: NewRun) {
      const settings = validateRunSettings(input.settings);
      const at = clock();
      const run: RunRecord = {
        id: `run-${++next}`,
        projectId: input.projectId,
        datasetId: input.datasetId,
        settings: structuredClone(settings),
        status: "running",
        entries: [],
        best: null,
        createdAt: at,
        updatedAt: at,
      };
      runs.set(run.id, run);
      parts.set(run.id, new Map());
      return structuredClone(run);
    },
    async get(id) {
      const run = runs.get(id);
      if (!run) throw missing();
      return structuredClone(run);
    },
    async checkpoint(id, entry, given = {}) {
      const stored = change(id, (r) => {
        const entries = withEntry(r.entries, structuredClone(entry));
        return { ...r, entries, best: bestModel(entries), updatedAt: clock() };
      });
      const kept = parts.get(id)!;
      const old = kept.get(entry.model);
      kept.set(entry.model, {
        artifact: given.artifact ?? old?.artifact ?? null,
        evaluation: given.evaluation ?? old?.evaluation ?? null,
        insights: given.insights ?? old?.insights ?? null,
        predictions: given.predictions ?? old?.predictions ?? null,
      });
      return stored;
    },
    async finish(id, status: RunStatus, opts = {}) {
      return change(id, (r) => {
        const next: RunRecord = { ...r, status, best: bestModel(r.entries), updatedAt: clock() };
        if (opts.error) next.error = opts.error;
        else delete next.error;
        return next;
      });
    },
    async reopen(id) {
      return change(id, (r) => {
        const next: RunRecord = { ...r, status: "running", updatedAt: clock() };
        delete next.error;
        return next;
      });
    },
    async interrupt(id, status = "interrupted") {
      return change(id, (r) => (r.status === "running" ? { ...r, status, updatedAt: clock() } : r));
    },
    async predictions(id, models) {
      const out: Partial<Record<string, ModelPredictions>> = {};
      for (const m of models) {
        const p = parts.get(id)?.get(m)?.predictions;
        if (p) out[m] = p;
      }
      return out;
    },
  };
}
