import { describe, expect, it } from "vitest";
import {
  changeSplitType,
  defaultSplit,
  splitColumnsOf,
  splitProblem,
  splitSummary,
} from "../../../../src/ui/recipe/splitSettings.ts";

const table = [
  { name: "species", kind: "categorical" as const },
  { name: "island", kind: "categorical" as const },
  { name: "bill_length_mm", kind: "numeric" as const },
  { name: "seen", kind: "datetime" as const },
];

describe("split settings", () => {
  const cols = splitColumnsOf(table, "species");

  it("reads the split columns of a table", () => {
    expect(cols).toEqual({
      target: "species",
      targetIsClass: true,
      dates: ["seen", "bill_length_mm"],
      keys: ["island", "bill_length_mm", "seen"],
    });
  });

  it("defaults to a stratified 20% holdout", () => {
    expect(defaultSplit(cols)).toEqual({ type: "holdout", testFraction: 0.2, stratify: "species", seed: 0 });
    expect(defaultSplit(splitColumnsOf(table, "bill_length_mm")).type).toBe("holdout");
    expect(defaultSplit(splitColumnsOf(table, "bill_length_mm"))).toMatchObject({ stratify: null });
  });

  it("carries test share, folds and seed across kinds", () => {
    const holdout = { type: "holdout" as const, testFraction: 0.3, stratify: "species", seed: 7 };
    expect(changeSplitType(holdout, "temporal", cols)).toEqual({
      type: "temporal",
      column: "seen",
      testFraction: 0.3,
    });
    const group = changeSplitType(holdout, "group", cols);
    expect(group).toEqual({ type: "group", column: "island", folds: 5, seed: 7 });
    expect(
      changeSplitType({ type: "group", column: "island", folds: 3, seed: 7 }, "stratified_kfold", cols),
    ).toEqual({
      type: "stratified_kfold",
      column: "species",
      folds: 3,
      seed: 7,
    });
    expect(changeSplitType(group, "kfold", cols)).toEqual({
      type: "kfold",
      folds: 5,
      seed: 7,
      shuffle: true,
    });
    expect(changeSplitType(group, "time_series", cols)).toEqual({
      type: "time_series",
      column: "seen",
      folds: 5,
    });
  });

  it("says what a split lacks and sums it up", () => {
    expect(splitProblem({ type: "group", column: "" })).toBe("Pick the column whose values group the rows.");
    expect(splitProblem({ type: "kfold" })).toBeNull();
    expect(splitSummary({ type: "holdout", testFraction: 0.25, stratify: "species", seed: 1 })).toBe(
      "Holdout: 25% test, stratified by species, seed 1",
    );
    expect(splitSummary({ type: "kfold", folds: 5, seed: 2, sklearn: true })).toBe(
      "K-fold: 5 folds as scikit-learn's KFold(shuffle=True, random_state=2)",
    );
    expect(splitSummary({ type: "time_series", column: null, folds: 4 })).toBe(
      "Time-series folds: 4 folds in file order",
    );
  });
});
