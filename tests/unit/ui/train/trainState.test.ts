import { describe, expect, it } from "vitest";
import type { LeaderboardEntry } from "../../../../src/core/automl/ladder/leaderboard.ts";
import type { ProjectRecord, RunRecord } from "../../../../src/persist/types.ts";
import { progressLine } from "../../../../src/ui/train/runProgressText.ts";
import {
  makeTrainState,
  openedView,
  plannedModels,
  planningSettings,
  planRowsText,
  runToStart,
  shownRun,
  startedRun,
  withEntry,
  withProgress,
  withRun,
} from "../../../../src/ui/train/trainState.ts";
import type { PlanSummary } from "../../../../workers/trainApi.ts";

const entry = (model: string, cv: number) =>
  ({ model, label: model, metric: "accuracy", cv_mean: cv, params: {} }) as unknown as LeaderboardEntry;

const project: ProjectRecord = {
  id: "p1",
  name: "P",
  createdAt: 1,
  updatedAt: 1,
  framing: { datasetId: "d1", target: "species", metric: null, criterion: null },
  split: { type: "kfold", folds: 4, seed: 3, shuffle: true },
};

function run(id: string, extra: Partial<RunRecord> = {}): RunRecord {
  return {
    id,
    projectId: "p1",
    datasetId: "d1",
    settings: {
      target: "species",
      task: "multiclass",
      metric: null,
      models: ["baseline", "gbdt", "mlp"],
      split: { type: "holdout", stratify: null, testFraction: 0.2, folds: 3, seed: 0 },
      criterion: null,
      ensemble: true,
      params: { mlp: { max_epochs: 9 } },
    },
    status: "done",
    entries: [],
    best: null,
    createdAt: 1,
    updatedAt: 1,
    ...extra,
  };
}

const plan: PlanSummary = {
  task: "multiclass",
  classes: ["a", "b"],
  metric: "accuracy",
  trainRows: 80,
  testRows: 20,
  folds: 5,
  models: [
    { id: "baseline", label: "Baseline", usesTfjs: false },
    { id: "knn", label: "KNN", usesTfjs: false },
  ],
};

describe("train state", () => {
  it("replaces a model's entry or appends it, and puts a new run first", () => {
    const a = [entry("baseline", 0.3), entry("knn", 0.8)];
    expect(withEntry(a, entry("knn", 0.9)).map((e) => e.cv_mean)).toEqual([0.3, 0.9]);
    expect(withEntry(a, entry("gbdt", 0.7)).map((e) => e.model)).toEqual(["baseline", "knn", "gbdt"]);
    const runs = [run("r2"), run("r1")];
    expect(withRun(runs, run("r3")).map((r) => r.id)).toEqual(["r3", "r2", "r1"]);
    expect(withRun(runs, run("r1", { status: "cancelled" }))[1].status).toBe("cancelled");
    expect(shownRun({ ...makeTrainState(), runs, shownRunId: "r1" })?.id).toBe("r1");
  });

  it("follows typed progress: fold counts for the bar, a line naming the model's place", () => {
    const started = startedRun(run("r1"));
    expect(started).toMatchObject({ runId: "r1", done: 0, total: null, text: "Starting…" });
    const fold = withProgress(started, {
      phase: "fold",
      model: "gbdt",
      fold: 2,
      folds: 5,
      done: 3,
      total: 12,
      message: "gbdt · fold 3 of 5",
    });
    expect(fold).toMatchObject({ done: 3, total: 12, text: "Model 2 of 3 · gbdt · fold 3 of 5" });
    const epoch = withProgress(fold, {
      phase: "epoch",
      model: "mlp",
      fold: 0,
      folds: 5,
      done: 12,
      total: 200,
      message: "mlp · fold 1 of 5 · epoch 12 of 200",
    });
    // An epoch leaves the fold bar alone.
    expect(epoch).toMatchObject({
      done: 3,
      total: 12,
      text: "Model 3 of 3 · mlp · fold 1 of 5 · epoch 12 of 200",
    });
    const summary = withProgress(epoch, {
      phase: "model",
      model: "baseline",
      done: 1,
      total: 3,
      message: "Baseline",
    });
    expect(summary.text).toBe(epoch.text);
    expect(progressLine({ phase: "backend", done: 0, total: 1, message: "measuring" }, ["x"])).toBe(
      "measuring",
    );
  });

  it("opens on the run this tab trains, else the newest, with the last run's choices", () => {
    const runs = [run("r2"), run("r1")];
    expect(openedView("p1", runs, null)).toEqual({
      shownRunId: "r2",
      // A run stored before tuning existed: the next run starts from today's default budget.
      draft: { models: ["baseline", "gbdt", "mlp"], mlpEpochs: 9, ensemble: true, tune: "quick" },
    });
    expect(openedView("p1", runs, { ...startedRun(run("r1")) }).shownRunId).toBe("r1");
    // A newer cancelled or failed run does not hide the finished one; an interrupted one is shown (to resume).
    const cancelled = [run("r3", { status: "cancelled" }), run("r4", { status: "failed" }), ...runs];
    expect(openedView("p1", cancelled, null).shownRunId).toBe("r2");
    expect(openedView("p1", [run("r5", { status: "interrupted" }), ...runs], null).shownRunId).toBe("r5");
    expect(openedView("p1", [run("r3", { status: "cancelled" })], null).shownRunId).toBe("r3");
    expect(openedView("p1", [], null)).toEqual({
      shownRunId: null,
      draft: { models: [], mlpEpochs: null, ensemble: true, tune: "quick" },
    });
  });

  it("words the plan's rows", () => {
    expect(planRowsText(plan)).toBe("On this table: 80 training rows in 5 folds, 20 test rows.");
    expect(planRowsText({ ...plan, testRows: 0 })).toBe(
      "On this table: 80 training rows in 5 folds, no test part.",
    );
  });

  it("keeps the models the plan's ladder has, or all of them", () => {
    expect(
      plannedModels({ models: ["knn", "gbdt"], mlpEpochs: null, ensemble: true, tune: "off" }, plan),
    ).toEqual(["knn"]);
    expect(plannedModels({ models: ["gbdt"], mlpEpochs: null, ensemble: true, tune: "off" }, plan)).toEqual([
      "baseline",
      "knn",
    ]);
  });

  it("starts a run on the project's split, or says why it cannot", () => {
    expect(planningSettings(project).split).toEqual({
      type: "kfold",
      folds: 4,
      seed: 3,
      shuffle: true,
      testFraction: 0.2,
    });
    const ok = runToStart(
      project,
      { models: ["knn", "baseline"], mlpEpochs: null, ensemble: false, tune: "off" },
      plan,
    );
    expect("settings" in ok && ok.settings.models).toEqual(["baseline", "knn"]);
    expect(runToStart(project, { models: [], mlpEpochs: null, ensemble: true, tune: "off" }, plan)).toEqual({
      problem: "Pick at least one model to train.",
    });
    // A split Prepare left out of range is caught by the one validation.
    const wide = { ...project, split: { type: "holdout" as const, testFraction: 0.7 } };
    expect(runToStart(wide, { models: ["knn"], mlpEpochs: null, ensemble: true, tune: "off" }, plan)).toEqual(
      {
        problem: "The test share must be a number from 0 to 0.5 (got 0.7).",
      },
    );
  });
});
