import { describe, expect, it } from "vitest";
import {
  type Fold,
  holdout,
  kFold,
  stratifiedKFold,
  timeSeriesSplit,
} from "../../../../src/core/eval/kFold.ts";

/** Train and test are disjoint and fill 0..n-1; across k folds every row is tested once. */
function expectPartition(folds: Fold[], n: number, testedOnce = true): void {
  const seen = new Uint8Array(n);
  for (const { train, test } of folds) {
    expect(train.length + test.length).toBe(n);
    const inTest = new Set(test);
    for (const i of train) expect(inTest.has(i)).toBe(false);
    for (const i of test) seen[i]++;
    expect(Array.from(train)).toEqual([...train].sort((a, b) => a - b));
  }
  if (testedOnce) expect(Array.from(seen).every((c) => c === 1)).toBe(true);
}

describe("kFold", () => {
  it("tests every row exactly once, with sizes differing by at most one", () => {
    const folds = kFold(10, 3, { seed: 1 });
    expect(folds.map((f) => f.test.length)).toEqual([4, 3, 3]);
    expectPartition(folds, 10);
  });

  it("is deterministic per seed and keeps order without shuffling", () => {
    const a = kFold(50, 5, { seed: 7 });
    expect(kFold(50, 5, { seed: 7 })).toEqual(a);
    expect(kFold(50, 5, { seed: 8 })).not.toEqual(a);
    expect(Array.from(kFold(6, 3, { shuffle: false })[1].test)).toEqual([2, 3]);
  });

  it("rejects impossible fold counts", () => {
    expect(() => kFold(10, 1)).toThrow(/invalid folds: 1/);
    expect(() => kFold(3, 4)).toThrow(/invalid folds: 4 for 3 rows/);
  });
});

describe("stratifiedKFold", () => {
  it("keeps each class's share in every fold", () => {
    // 60 / 30 / 15 rows over 5 folds → exactly 12 / 6 / 3 per fold.
    const y = Float64Array.from({ length: 105 }, (_, i) => (i < 60 ? 0 : i < 90 ? 1 : 2));
    const folds = stratifiedKFold(y, 5, { seed: 3 });
    expectPartition(folds, 105);
    for (const { test } of folds) {
      const counts = [0, 0, 0];
      for (const i of test) counts[y[i]]++;
      expect(counts).toEqual([12, 6, 3]);
    }
  });

  it("balances uneven classes to within one row per fold", () => {
    const y = Float64Array.from({ length: 23 }, (_, i) => (i % 3 === 0 ? 1 : 0));
    const folds = stratifiedKFold(y, 4, { seed: 0 });
    expectPartition(folds, 23);
    const sizes = folds.map((f) => f.test.length);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
    const ones = folds.map((f) => Array.from(f.test).filter((i) => y[i] === 1).length);
    expect(Math.max(...ones) - Math.min(...ones)).toBeLessThanOrEqual(1);
    expect(stratifiedKFold(y, 4, { seed: 0 })).toEqual(folds);
  });
});

describe("timeSeriesSplit", () => {
  it("trains on an expanding prefix and tests on the block after it", () => {
    const folds = timeSeriesSplit(10, 3);
    expect(folds.map((f) => [Array.from(f.train), Array.from(f.test)])).toEqual([
      [
        [0, 1, 2, 3],
        [4, 5],
      ],
      [
        [0, 1, 2, 3, 4, 5],
        [6, 7],
      ],
      [
        [0, 1, 2, 3, 4, 5, 6, 7],
        [8, 9],
      ],
    ]);
  });

  it("leaves a gap before each test block and never trains on the future", () => {
    const folds = timeSeriesSplit(20, 4, { gap: 2, testSize: 3 });
    for (const { train, test } of folds) {
      expect(train[train.length - 1]).toBe(test[0] - 3);
      expect(test.length).toBe(3);
    }
    expect(folds[3].test[2]).toBe(19);
    expect(() => timeSeriesSplit(4, 5)).toThrow(/do not fit in 4 rows/);
  });
});

describe("holdout", () => {
  it("splits off the asked share, deterministically", () => {
    const split = holdout(100, { testFraction: 0.2, seed: 5 });
    expect(split.test.length).toBe(20);
    expectPartition([split], 100, false);
    expect(holdout(100, { testFraction: 0.2, seed: 5 })).toEqual(split);
    expect(holdout(100, { testFraction: 0.2, seed: 6 })).not.toEqual(split);
  });

  it("keeps class shares when stratified", () => {
    const y = Float64Array.from({ length: 100 }, (_, i) => (i < 70 ? 0 : 1));
    const split = holdout(100, { testFraction: 0.2, seed: 1, stratify: y });
    expect(split.test.length).toBe(20);
    expect(Array.from(split.test).filter((i) => y[i] === 1).length).toBe(6);
  });

  it("leaves both parts non-empty and rejects a bad fraction", () => {
    expect(holdout(3, { testFraction: 0.01 }).test.length).toBe(1);
    expect(holdout(3, { testFraction: 0.99 }).train.length).toBe(1);
    expect(() => holdout(10, { testFraction: 1 })).toThrow(/invalid test fraction: 1/);
  });
});
