import { describe, expect, it } from "vitest";
import {
  RUN_LIMITS,
  runSettingsProblem,
  runSplitOf,
  validateRunSettings,
} from "../../../../../src/core/automl/run/runSettings.ts";

const good = {
  target: "species",
  task: null,
  metric: "accuracy",
  models: ["baseline", "knn"],
  split: { type: "holdout", stratify: null, testFraction: 0.2, folds: 5, seed: 0 },
  criterion: null,
};

const problem = (change: Record<string, unknown>, split: Record<string, unknown> = {}) =>
  runSettingsProblem({ ...good, ...change, split: { ...good.split, ...split } });

describe("validateRunSettings", () => {
  it("returns the settings typed, with the ensemble on unless switched off", () => {
    expect(validateRunSettings(good)).toEqual({ ...good, ensemble: true });
    expect(validateRunSettings({ ...good, ensemble: false, backend: "wasm" })).toMatchObject({
      ensemble: false,
      backend: "wasm",
    });
  });

  it("has one set of limits: folds 2 to 20, a test share 0 to 0.5, a whole seed", () => {
    expect(RUN_LIMITS.folds).toEqual({ min: 2, max: 20 });
    expect(problem({}, { folds: 20 })).toBeNull();
    expect(problem({}, { testFraction: 0 })).toBeNull();
    expect(problem({}, { testFraction: 0.5 })).toBeNull();
    expect(problem({}, { folds: 1 })).toBe("Folds must be a whole number from 2 to 20 (got 1).");
    expect(problem({}, { folds: 21 })).toMatch(/from 2 to 20/);
    expect(problem({}, { folds: 2.5 })).toMatch(/Folds/);
    expect(problem({}, { testFraction: 0.6 })).toBe(
      "The test share must be a number from 0 to 0.5 (got 0.6).",
    );
    expect(problem({}, { testFraction: Number.NaN })).toMatch(/test share/);
    expect(problem({}, { seed: -1 })).toMatch(/seed must be a whole number/);
    expect(problem({}, { seed: "3" })).toMatch(/got "3"/);
  });

  it("names what else is wrong: target, models, kind of split, its column", () => {
    expect(problem({ target: "" })).toMatch(/target column/);
    expect(problem({ models: [] })).toBe("Pick at least one model to train.");
    expect(problem({ models: "knn" })).toMatch(/list of model ids/);
    expect(problem({ task: "ranking" })).toMatch(/Unknown task "ranking"/);
    expect(problem({}, { type: "shuffle" })).toMatch(/Unknown kind of split "shuffle"/);
    expect(problem({}, { type: "group", column: "" })).toMatch(/needs a column/);
    expect(problem({ ensemble: "yes" })).toMatch(/ensemble switch/);
    expect(runSettingsProblem(null)).toMatch(/object/);
    expect(runSettingsProblem({ ...good, split: undefined })).toMatch(/needs a split/);
  });

  it("checks ids against the lists given", () => {
    const known = { models: ["baseline", "knn", "gbdt"], metrics: ["accuracy", "rmse"] };
    expect(runSettingsProblem(good, known)).toBeNull();
    expect(runSettingsProblem({ ...good, models: ["baseline", "forest"] }, known)).toBe(
      'Unknown model "forest"; the models are baseline, knn, gbdt.',
    );
    expect(runSettingsProblem({ ...good, metric: "auc" }, known)).toMatch(/Unknown metric "auc"/);
    expect(() => validateRunSettings({ ...good, models: [] })).toThrow(
      expect.objectContaining({ name: "ValidationError" }),
    );
  });
});

describe("runSplitOf", () => {
  it("fills the Prepare split with a 20% test share, 5 folds and seed 0 where it has none", () => {
    expect(runSplitOf(undefined)).toEqual({
      type: "holdout",
      stratify: null,
      testFraction: 0.2,
      folds: 5,
      seed: 0,
    });
    expect(runSplitOf({ type: "holdout", testFraction: 0.4, seed: 3 })).toEqual({
      type: "holdout",
      testFraction: 0.4,
      folds: 5,
      seed: 3,
    });
    expect(runSplitOf({ type: "group", column: "g", folds: 4 })).toEqual({
      type: "group",
      column: "g",
      folds: 4,
      testFraction: 0.2,
      seed: 0,
    });
  });
});
