import { describe, expect, it } from "vitest";
import { foldInputKey, makeFoldCache } from "../../../../../src/core/automl/ladder/foldCache.ts";
import { runFoldJob } from "../../../../../src/core/automl/ladder/runFoldJob.ts";
import { runLadder } from "../../../../../src/core/automl/ladder/runLadder.ts";
import type { Recipe } from "../../../../../src/core/prep/step.ts";
import { fixtureFrame, signalFrame } from "./helpers.ts";

const recipe = (strategy: string): Recipe => ({
  version: 1,
  target: "label",
  steps: [
    { id: "i", type: "impute", enabled: true, columns: "auto", params: { strategy } },
    { id: "o", type: "one_hot", enabled: true, columns: "auto", params: {} },
  ],
});

describe("fold cache", () => {
  it("gives every entry, prediction and pipeline of a ladder that fits each job's recipe itself", async () => {
    const cases = [
      { frame: signalFrame(400, 5), target: "label" },
      { frame: await fixtureFrame("penguins.csv"), target: "species" },
    ];
    for (const { frame, target } of cases) {
      // Two recipes (with and without scaling) over six models, and the refit's pipeline.
      const models = ["baseline", "logistic", "naive_bayes", "knn", "decision_tree", "gbdt"];
      const opts = { target, folds: 3, seed: 9, models, params: { gbdt: { max_iter: 10 } } };
      const own = await runLadder(frame, {
        ...opts,
        runFold: (job, signal) => runFoldJob(frame, job, { signal }),
      });
      const shared = await runLadder(frame, opts);
      const plain = (r: typeof own) =>
        JSON.stringify({
          entries: r.entries.map(({ fit_seconds: _, ...e }) => e),
          predictions: r.predictions,
          pipeline: { ...r.pipeline, created: null },
        });
      expect(plain(shared)).toEqual(plain(own));
    }
  });

  it("keys a fit by its seed only when a step draws random numbers", () => {
    expect(foldInputKey(recipe("median"), "label", "binary", 1)).toBe(
      foldInputKey(recipe("median"), "label", "binary", 2),
    );
    expect(foldInputKey(recipe("knn"), "label", "binary", 1)).not.toBe(
      foldInputKey(recipe("knn"), "label", "binary", 2),
    );
    expect(foldInputKey(recipe("median"), "label", "binary", 1)).not.toBe(
      foldInputKey(recipe("mean"), "label", "binary", 1),
    );
  });

  it("holds at most its bytes and keeps what it holds", () => {
    const cache = makeFoldCache(1000);
    const frame = signalFrame(10);
    const train = new Int32Array(3);
    const input = (bytes: number) => ({
      fitted: {} as never,
      y: { values: new Float64Array(0) },
      weights: null,
      X: { data: new Float64Array(bytes / 8), rows: 1, cols: bytes / 8, names: [] },
    });
    const first = input(800);
    cache.put(frame, train, "a", first);
    cache.put(frame, train, "b", input(800));
    expect(cache.get(frame, train, "a")).toBe(first);
    expect(cache.get(frame, train, "b")).toBeUndefined();
    expect(cache.get(frame, new Int32Array(3), "a")).toBeUndefined();
    // A validation matrix is kept only for a held input, for its own row list, within the limit.
    const rows = new Int32Array(2);
    const small = input(100).X;
    cache.keepValidation(input(8), rows, small);
    cache.keepValidation(first, rows, small);
    expect(cache.validation(first, rows)).toBe(small);
    expect(cache.validation(first, new Int32Array(2))).toBeUndefined();
    const other = input(8);
    cache.put(frame, train, "c", other);
    cache.keepValidation(other, rows, input(200).X);
    expect(cache.validation(other, rows)).toBeUndefined();
  });
});
