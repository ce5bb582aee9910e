import { describe, expect, it } from "vitest";
import { ladderOptions } from "../../../../../src/core/automl/run/runParts.ts";
import { type RunSettings, validateRunSettings } from "../../../../../src/core/automl/run/runSettings.ts";
import { modelTrials, tuneTrials } from "../../../../../src/core/automl/tune/tuning.ts";

const base: RunSettings = {
  target: "y",
  task: null,
  metric: null,
  models: ["logistic", "mlp"],
  split: { type: "holdout", stratify: null, testFraction: 0.2, folds: 3, seed: 0 },
  criterion: null,
  ensemble: true,
};

describe("the tuning budget of run settings", () => {
  it("accepts the presets and whole numbers of trials, and keeps an absent budget absent", () => {
    for (const tune of ["off", "quick", "thorough", 0, 12, 200] as const)
      expect(validateRunSettings({ ...base, tune }).tune).toBe(tune);
    // A run stored before tuning existed has no budget, trained untuned and resumes so.
    const old = validateRunSettings(base);
    expect("tune" in old).toBe(false);
    const tune = ladderOptions(old).tune as (m: string) => number;
    expect(tune("logistic")).toBe(0);
  });

  it("names a bad budget", () => {
    expect(() => validateRunSettings({ ...base, tune: "lots" })).toThrow(
      'The tuning budget must be off, quick, thorough or a number of trials per model (got "lots").',
    );
    expect(() => validateRunSettings({ ...base, tune: 2.5 })).toThrow(
      "Trials per model must be a whole number from 0 to 200 (got 2.5).",
    );
    expect(() => validateRunSettings({ ...base, tune: -1 })).toThrow(/from 0 to 200 \(got -1\)/);
  });

  it("gives each model its candidates: quick leaves the neural net and extra trees on their defaults", () => {
    expect(tuneTrials("quick")).toBe(9);
    expect(modelTrials("quick", "logistic")).toBe(9);
    expect(modelTrials("quick", "random_forest")).toBe(9);
    expect(modelTrials("quick", "mlp")).toBe(0);
    expect(modelTrials("quick", "extra_trees")).toBe(0);
    expect(modelTrials("thorough", "mlp")).toBe(27);
    expect(modelTrials("thorough", "extra_trees")).toBe(27);
    expect(modelTrials(5, "mlp")).toBe(5);
    expect(modelTrials(undefined, "gbdt")).toBe(0);
    const tune = ladderOptions({ ...base, tune: "quick" }).tune as (m: string) => number;
    expect([tune("logistic"), tune("mlp"), tune("extra_trees")]).toEqual([9, 0, 0]);
  });
});
