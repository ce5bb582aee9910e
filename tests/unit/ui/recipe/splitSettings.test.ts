import { describe, expect, it } from "vitest";
import {
  changeSplitType,
  defaultSplit,
  splitColumnsOf,
  splitProblem,
  splitSummary,
  trainingSummary,
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

  it("carries test share, folds and seed across every kind (training uses all three)", () => {
    const holdout = { type: "holdout" as const, testFraction: 0.3, stratify: "species", seed: 7 };
    const numbers = { testFraction: 0.3, folds: 5, seed: 7 };
    expect(changeSplitType(holdout, "temporal", cols)).toEqual({
      type: "temporal",
      column: "seen",
      ...numbers,
    });
    const group = changeSplitType(holdout, "group", cols);
    expect(group).toEqual({ type: "group", column: "island", ...numbers });
    expect(
      changeSplitType({ type: "group", column: "island", folds: 3, seed: 7 }, "stratified_kfold", cols),
    ).toEqual({ type: "stratified_kfold", column: "species", testFraction: 0.2, folds: 3, seed: 7 });
    expect(changeSplitType(group, "kfold", cols)).toEqual({ type: "kfold", ...numbers, shuffle: true });
    expect(changeSplitType(group, "time_series", cols)).toEqual({
      type: "time_series",
      column: "seen",
      ...numbers,
    });
    expect(changeSplitType(changeSplitType(group, "kfold", cols), "holdout", cols)).toEqual({
      type: "holdout",
      ...numbers,
      stratify: "species",
    });
  });

  it("says in words what training does with the split", () => {
    expect(trainingSummary(undefined, "species")).toBe(
      "Training holds back 20% of the rows as the test part (shuffled, stratified by species), cross-validates the rest in 5 folds, seed 0 (the seed of the split and of every model).",
    );
    expect(trainingSummary({ type: "holdout", testFraction: 0.4, stratify: null, seed: 3 }, null)).toMatch(
      /^Training holds back 40% of the rows as the test part \(shuffled\), cross-validates the rest in 5 folds, seed 3/,
    );
    expect(trainingSummary({ type: "kfold", folds: 4, testFraction: 0 } as never)).toMatch(
      /^Training keeps no test part and cross-validates every row in 4 folds, seed 0/,
    );
    expect(trainingSummary({ type: "temporal", column: "seen" })).toMatch(
      /\(the latest by seen\), cross-validates the rest in 5 time-ordered folds/,
    );
    expect(trainingSummary({ type: "group", column: "island", folds: 3 })).toMatch(
      /whole groups of island\).* 3 folds/,
    );
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
