import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import { FINAL_FOLD, type FoldResult } from "../../../../../src/core/automl/ladder/foldJob.ts";
import { runFoldJob } from "../../../../../src/core/automl/ladder/runFoldJob.ts";
import { runLadder } from "../../../../../src/core/automl/ladder/runLadder.ts";
import { signalFrame } from "./helpers.ts";

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

/** A full collection in a later task (a WeakRef's target is kept to the end of the task that made or read it). */
const collectLater = () =>
  new Promise<void>((resolve) =>
    setTimeout(() => {
      gc();
      resolve();
    }, 0),
  );

describe("runLadder: what it holds while it waits for the refit", () => {
  it.each([
    [["logistic"], 3, 2],
    // The ensemble rung's members and blend too.
    [["logistic", "naive_bayes"], 6, 6],
  ])(
    "%j: keeps no fold result and no predictions (keepPredictions false)",
    async (models, nResults, nPredictions) => {
      const frame = signalFrame(400);
      const results: WeakRef<FoldResult>[] = [];
      const predictions: WeakRef<object>[] = [];
      let alive: { results: number; predictions: number } | null = null;
      await runLadder(frame, {
        target: "label",
        models,
        folds: 3,
        testSize: 0,
        seed: 0,
        keepPredictions: false,
        runFold: async (job, signal) => {
          if (job.fold === FINAL_FOLD && alive === null) {
            // runLadder is suspended at its await of this refit: what it still reaches stays alive.
            await collectLater();
            await collectLater();
            alive = {
              results: results.filter((r) => r.deref() !== undefined).length,
              predictions: predictions.filter((p) => p.deref() !== undefined).length,
            };
          }
          const result = await runFoldJob(frame, job, { signal });
          if (job.fold !== FINAL_FOLD) results.push(new WeakRef(result));
          return result;
        },
        onResult: (_entry, p) => {
          if (p) predictions.push(new WeakRef(p.oof), new WeakRef(p));
        },
      });
      expect(results).toHaveLength(nResults);
      expect(predictions).toHaveLength(nPredictions);
      // Before: the ladder's loop body kept the last model's results and predictions in its frame's
      // registers through the refit (3 and 2 alive), and the ensemble rung its members' and its own.
      expect(alive).toEqual({ results: 0, predictions: 0 });
    },
  );
});
