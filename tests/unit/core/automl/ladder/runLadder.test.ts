import { beforeAll, describe, expect, it } from "vitest";
import type { FoldJob, FoldResult } from "../../../../../src/core/automl/ladder/foldJob.ts";
import type { LeaderboardEntry } from "../../../../../src/core/automl/ladder/leaderboard.ts";
import { runFoldJob } from "../../../../../src/core/automl/ladder/runFoldJob.ts";
import { type LadderResult, runLadder } from "../../../../../src/core/automl/ladder/runLadder.ts";
import type { Frame } from "../../../../../src/core/data/frame.ts";
import { parseCriterion } from "../../../../../src/core/framing/criterion.ts";
import type { Progress } from "../../../../../src/core/progress.ts";
import { fixtureFrame, regressionFrame, untimed } from "./helpers.ts";

const FAST = ["baseline", "logistic", "naive_bayes", "decision_tree"];
let iris: Frame;
let full: LadderResult;

beforeAll(async () => {
  iris = await fixtureFrame("iris.csv");
  full = await runLadder(iris, { target: "target", models: FAST, folds: 3, seed: 0 });
});

describe("runLadder", () => {
  it("ranks the iris models best first, with every metric, the test part and the best pipeline", () => {
    const { leaderboard, entries, best, plan, pipeline } = full;
    expect(plan.task).toBe("multiclass");
    expect(plan.metric).toBe("accuracy");
    expect(plan.train.length).toBe(120);
    expect(plan.test.length).toBe(30);
    expect(entries.map((e) => e.model)).toEqual([...FAST, "ensemble"]);
    for (let i = 1; i < leaderboard.length; i++)
      expect(leaderboard[i - 1].cv_mean).toBeGreaterThanOrEqual(leaderboard[i].cv_mean);
    expect(best).toBe(leaderboard[0]);
    expect(best!.cv_mean).toBeGreaterThan(0.9);
    const baseline = entries[0];
    expect(baseline.cv_mean).toBeCloseTo(1 / 3, 1);
    for (const e of entries) {
      expect(e.fold_scores).toHaveLength(3);
      expect(Object.keys(e.metrics).sort()).toEqual(
        [
          "accuracy",
          "balanced_accuracy",
          "f1_macro",
          "f1_weighted",
          "log_loss",
          "pr_auc",
          "precision_macro",
          "recall_macro",
          "roc_auc",
        ].sort(),
      );
      expect(e.test_metrics.accuracy).toBeGreaterThanOrEqual(0);
      expect(e.backend).toBeNull();
      expect(e.fit_seconds).toBeGreaterThan(0);
      expect(e.criterion_met).toBeNull();
    }
    expect(entries[1].params).toMatchObject({ C: 1, penalty: "l2" });
    expect(pipeline?.type).toBe("automl-pipeline");
    expect(pipeline?.model_id).toBe(best!.model);
    expect(full.predictions.logistic?.oof.rows.length).toBe(120);
    expect(full.predictions.logistic?.test?.rows.length).toBe(30);
  });

  it("gives the same leaderboard for the same seed, and other folds for another", async () => {
    const again = await runLadder(iris, { target: "target", models: FAST, folds: 3, seed: 0 });
    expect(again.entries.map(untimed)).toEqual(full.entries.map(untimed));
    const other = await runLadder(iris, { target: "target", models: ["logistic"], folds: 3, seed: 1 });
    expect(Array.from(other.plan.test)).not.toEqual(Array.from(full.plan.test));
  });

  it("resumes: skipped entries are kept in place and the rest match a full run", async () => {
    const seen: LeaderboardEntry[] = [];
    const resumed = await runLadder(iris, {
      target: "target",
      models: FAST,
      folds: 3,
      seed: 0,
      skip: full.entries.slice(0, 2),
      // The skipped models' stored predictions, so the ensemble blends them as in the full run.
      skipPredictions: { baseline: full.predictions.baseline, logistic: full.predictions.logistic },
      onResult: (e) => seen.push(e),
    });
    expect(seen.map((e) => e.model)).toEqual([...FAST.slice(2), "ensemble"]);
    expect(resumed.entries.map(untimed)).toEqual(full.entries.map(untimed));
    expect(resumed.best?.model).toBe(full.best?.model);
    // A model's numbers do not depend on the models that ran before it.
    const alone = await runLadder(iris, { target: "target", models: ["decision_tree"], folds: 3, seed: 0 });
    expect(untimed(alone.entries[0])).toEqual(untimed(full.entries[3]));
  });

  it("stops on abort with AbortError after reporting the finished entries", async () => {
    const controller = new AbortController();
    const seen: string[] = [];
    const run = runLadder(iris, {
      target: "target",
      models: FAST,
      folds: 3,
      signal: controller.signal,
      onResult: (e) => {
        seen.push(e.model);
        if (seen.length === 2) controller.abort();
      },
    });
    await expect(run).rejects.toMatchObject({ name: "AbortError" });
    expect(seen).toEqual(["baseline", "logistic"]);
  });

  it("fits the recipe per fold on that fold's training rows only", async () => {
    const means: number[] = [];
    const expected: number[] = [];
    const column = "petal length (cm)";
    const values = (iris.columns.find((c) => c.name === column)!.data as { values: Float64Array }).values;
    const meanOf = (rows: ArrayLike<number>) =>
      Array.from(rows).reduce((s, r) => s + values[r], 0) / rows.length;
    const runFold = async (job: FoldJob): Promise<FoldResult> => {
      const result = await runFoldJob(iris, { ...job, keepPipeline: true });
      const scale = result.pipeline!.recipe.steps.find((s) => s.type === "standard")!;
      const col = (scale.state as { columns: { name: string; a: number; b: number }[] }).columns.find(
        (c) => c.name === column,
      )!;
      means.push(-col.b / col.a);
      expected.push(meanOf(job.train));
      return result;
    };
    const progress: Progress[] = [];
    const res = await runLadder(iris, {
      target: "target",
      models: ["logistic"],
      folds: 3,
      runFold,
      onProgress: (p) => progress.push(p),
    });
    expect(means).toHaveLength(4);
    for (let i = 0; i < means.length; i++) expect(means[i]).toBeCloseTo(expected[i], 9);
    const allRows = meanOf(Array.from({ length: iris.rows }, (_, i) => i));
    for (const m of means) expect(Math.abs(m - allRows)).toBeGreaterThan(1e-6);
    expect(new Set(means.map((m) => m.toFixed(9))).size).toBe(4);
    // Parallel dispatch through runFold gives the same numbers as the in-process default.
    expect(untimed(res.entries[0])).toEqual(untimed(full.entries[1]));
    expect(
      progress.some((p) => p.phase === "fold" && /^logistic · fold \d of 3$/.test(p.message ?? "")),
    ).toBe(true);
    expect(progress.find((p) => p.phase === "fold" && p.done === p.total)?.total).toBe(4);
    expect(progress.at(-1)).toMatchObject({ phase: "model", done: 1, total: 1 });
  });

  it("records a model that fails as an entry with its error, ranked last", async () => {
    const runFold = (job: FoldJob) =>
      job.model === "baseline" ? Promise.reject(new Error("out of memory")) : runFoldJob(iris, job);
    const res = await runLadder(iris, {
      target: "target",
      models: ["baseline", "naive_bayes"],
      folds: 3,
      runFold,
    });
    expect(res.leaderboard.map((e) => e.model)).toEqual(["naive_bayes", "baseline"]);
    expect(res.leaderboard[1]).toMatchObject({ error: "out of memory", fold_scores: [] });
    expect(Number.isNaN(res.leaderboard[1].cv_mean)).toBe(true);
    expect(res.best?.model).toBe("naive_bayes");
  });

  it("checks a success criterion on each entry", async () => {
    const criterion = parseCriterion("accuracy >= 0.9", "multiclass");
    const res = await runLadder(iris, {
      target: "target",
      models: ["baseline", "logistic"],
      folds: 3,
      criterion,
    });
    // No ensemble: it never blends the constant baseline, which leaves one model.
    expect(res.entries.map((e) => e.model)).toEqual(["baseline", "logistic"]);
    expect(res.entries.map((e) => e.criterion_met)).toEqual([false, true]);
    const f1 = await runLadder(iris, {
      target: "target",
      models: ["logistic"],
      folds: 3,
      criterion: parseCriterion("F1 macro >= 0.99", "multiclass"),
    });
    expect(f1.entries[0].criterion_met).toBe(f1.entries[0].metrics.f1_macro! >= 0.99);
  });

  it("scores regression with every regression metric, and splits in time order when asked", async () => {
    const frame = regressionFrame();
    const res = await runLadder(frame, {
      target: "y",
      models: ["baseline", "linear", "logistic"],
      folds: 3,
      metric: "r2",
      split: { type: "temporal", column: "day" },
    });
    expect(res.entries.map((e) => e.model)).toEqual(["baseline", "linear"]);
    expect(res.best?.model).toBe("linear");
    expect(res.best!.cv_mean).toBeGreaterThan(0.95);
    expect(Object.keys(res.best!.metrics).sort()).toEqual(["mae", "mape", "mse", "r2", "rmse"]);
    const { plan } = res;
    expect(plan.timeOrdered).toBe(true);
    const day = (frame.columns[0].data as { values: Float64Array }).values;
    const lastTrain = Math.max(...Array.from(plan.train, (r) => day[r]));
    expect(Math.min(...Array.from(plan.test, (r) => day[r]))).toBeGreaterThan(lastTrain);
    for (const f of plan.folds) expect(Math.min(...f.test)).toBeGreaterThan(Math.max(...f.train));
  });

  it("skips the refit for the pipeline when asked, with the same leaderboard and predictions", async () => {
    const opts = { target: "target", models: ["naive_bayes", "knn"], folds: 3, testSize: 0, seed: 5 };
    const phases: string[] = [];
    const withRefit = await runLadder(iris, opts);
    const without = await runLadder(iris, {
      ...opts,
      pipeline: false,
      onProgress: (p) => phases.push(p.phase),
    });
    expect(withRefit.pipeline).not.toBeNull();
    expect(without.pipeline).toBeNull();
    expect(phases).not.toContain("refit");
    const plain = (r: typeof without) => JSON.stringify(r.leaderboard.map((e) => ({ ...e, fit_seconds: 0 })));
    expect(plain(without)).toBe(plain(withRefit));
    expect(JSON.stringify(without.predictions)).toBe(JSON.stringify(withRefit.predictions));
    // With a test part the refits are the fold jobs' own: the pipeline comes either way.
    const tested = await runLadder(iris, { ...opts, testSize: 0.2, pipeline: false });
    expect(tested.pipeline).not.toBeNull();
  });

  it("keeps no predictions when asked: the same leaderboard, ensemble and pipeline, each model's predictions still given to onResult", async () => {
    const opts = { target: "target", models: ["naive_bayes", "knn"], folds: 3, testSize: 0, seed: 5 };
    const kept = await runLadder(iris, opts);
    const given: Record<string, string> = {};
    const lean = await runLadder(iris, {
      ...opts,
      keepPredictions: false,
      onResult: (e, p) => {
        given[e.model] = JSON.stringify(p);
      },
    });
    const plain = (r: typeof lean) => JSON.stringify(r.leaderboard.map((e) => ({ ...e, fit_seconds: 0 })));
    expect(lean.leaderboard.map((e) => e.model)).toContain("ensemble");
    expect(plain(lean)).toBe(plain(kept));
    // The same file but for the time it was made.
    const file = (r: typeof lean) => JSON.stringify({ ...r.pipeline, created: "" });
    expect(lean.pipeline).not.toBeNull();
    expect(file(lean)).toBe(file(kept));
    expect(lean.predictions).toEqual({});
    expect(Object.keys(kept.predictions).sort()).toEqual(["ensemble", "knn", "naive_bayes"]);
    for (const id of ["naive_bayes", "knn", "ensemble"])
      expect(given[id]).toBe(JSON.stringify(kept.predictions[id]));
  });

  it("keeps no test part with testSize 0 and rejects bad settings", async () => {
    const res = await runLadder(iris, { target: "target", models: ["naive_bayes"], folds: 3, testSize: 0 });
    expect(res.plan.test.length).toBe(0);
    expect(res.plan.train.length).toBe(150);
    expect(res.entries[0].test_metrics).toEqual({});
    expect(res.pipeline?.model_id).toBe("naive_bayes");
    await expect(runLadder(iris, { target: "nope" })).rejects.toMatchObject({ name: "ValidationError" });
    await expect(runLadder(iris, { target: "target", models: ["forest"] })).rejects.toThrow(
      /unknown model forest/,
    );
    await expect(runLadder(iris, { target: "target", models: ["linear"] })).rejects.toMatchObject({
      name: "ValidationError",
    });
  });
});
