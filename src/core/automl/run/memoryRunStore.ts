import { NotFoundError } from "../../errors.ts";
import type { ModelPredictions } from "../evaluation/modelPredictions.ts";
import { checkpointed, finished, interrupted, mergedParts, newRunRecord, reopened } from "./runRecord.ts";
import type { ModelParts, NewRun, RunRecord, RunStore } from "./runStore.ts";

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
  return {
    parts,
    async create(input: NewRun) {
      const run = newRunRecord(input, `run-${++next}`, clock());
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
      const stored = change(id, (r) => checkpointed(r, structuredClone(entry), clock()));
      const kept = parts.get(id)!;
      const old = kept.get(entry.model);
      kept.set(entry.model, mergedParts(given, old));
      return stored;
    },
    async finish(id, status, opts = {}) {
      return change(id, (r) => finished(r, status, clock(), opts.error));
    },
    async reopen(id) {
      return change(id, (r) => reopened(r, clock()));
    },
    async interrupt(id, status = "interrupted") {
      return change(id, (r) => interrupted(r, status, clock()));
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
