import { describe, expect, it } from "vitest";
import { makeSplit, splitPicture } from "../../../../src/core/prep/splits.ts";
import { makeRng } from "../../../../src/core/random.ts";
import { frameOf } from "./helpers.ts";

const rng = makeRng(3);
const n = 200;
const day = 86_400_000;
const frame = frameOf({
  customer: Array.from({ length: n }, () => `c${rng.int(23)}`),
  label: Array.from({ length: n }, (_, i) => (i % 5 === 0 ? "rare" : "common")),
  when: {
    kind: "datetime",
    values: Array.from({ length: n }, () => Date.UTC(2020, 0, 1) + rng.int(100) * day),
  },
});

describe("makeSplit", () => {
  it("group: no key on both sides of any fold, every row tested once", () => {
    const { folds } = makeSplit(frame, { type: "group", column: "customer", folds: 4, seed: 1 });
    const key = frame.columns[0].data as { codes: Int32Array };
    const tested = new Uint8Array(n);
    for (const f of folds) {
      const trainKeys = new Set(Array.from(f.train, (i) => key.codes[i]));
      for (const i of f.test) {
        expect(trainKeys.has(key.codes[i])).toBe(false);
        tested[i]++;
      }
    }
    expect(tested.every((t) => t === 1)).toBe(true);
    expect(() => makeSplit(frame, { type: "group", column: "customer", folds: 30 })).toThrow(
      "invalid folds: 30 for 23 groups",
    );
  });

  it("temporal: the latest dates are the test part, with no date on both sides", () => {
    const { folds, order } = makeSplit(frame, { type: "temporal", column: "when", testFraction: 0.25 });
    const t = (frame.columns[2].data as { values: Float64Array }).values;
    const [{ train, test }] = folds;
    expect(train.length + test.length).toBe(n);
    expect(Math.max(...Array.from(train, (i) => t[i]))).toBeLessThan(
      Math.min(...Array.from(test, (i) => t[i])),
    );
    expect(test.length).toBeGreaterThanOrEqual(50);
    expect(order).toHaveLength(n);
  });

  it("stratified holdout and k-fold keep the class shares", () => {
    const [hold] = makeSplit(frame, { type: "holdout", testFraction: 0.2, stratify: "label", seed: 4 }).folds;
    const rare = (idx: Int32Array) => Array.from(idx).filter((i) => i % 5 === 0).length / idx.length;
    expect(hold.test.length).toBe(40);
    expect(rare(hold.test)).toBeCloseTo(0.2, 10);
    expect(rare(hold.train)).toBeCloseTo(0.2, 10);
    for (const f of makeSplit(frame, { type: "stratified_kfold", column: "label", folds: 5, seed: 2 })
      .folds) {
      expect(rare(f.test)).toBeCloseTo(0.2, 10);
    }
  });

  it("is deterministic per seed and differs across seeds", () => {
    const a = makeSplit(frame, { type: "kfold", folds: 5, seed: 9 }).folds;
    const b = makeSplit(frame, { type: "kfold", folds: 5, seed: 9 }).folds;
    const c = makeSplit(frame, { type: "kfold", folds: 5, seed: 10 }).folds;
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
    expect(makeSplit(frame, { type: "group", column: "customer", seed: 3 })).toEqual(
      makeSplit(frame, { type: "group", column: "customer", seed: 3 }),
    );
  });

  it("time_series: each fold trains on rows dated before its test rows", () => {
    const { folds } = makeSplit(frame, { type: "time_series", column: "when", folds: 3 });
    const t = (frame.columns[2].data as { values: Float64Array }).values;
    expect(folds).toHaveLength(3);
    for (const f of folds) {
      expect(Math.max(...Array.from(f.train, (i) => t[i]))).toBeLessThanOrEqual(
        Math.min(...Array.from(f.test, (i) => t[i])),
      );
    }
    expect(folds[0].train.length).toBeLessThan(folds[2].train.length);
  });
});

describe("splitPicture", () => {
  it("labels buckets of rows per fold", () => {
    const folds = [{ train: Int32Array.from([0, 1, 2, 3, 4, 5]), test: Int32Array.from([6, 7]) }];
    const pic = splitPicture(folds, 10, 5);
    expect(pic.bucketSize).toBe(2);
    expect(pic.cells).toEqual([["train", "train", "train", "test", "unused"]]);
    expect(pic.testShare[0]).toEqual([0, 0, 0, 1, 0]);
    expect(pic.unusedShare[0]).toEqual([0, 0, 0, 0, 1]);
    expect(splitPicture(folds, 10, 200).cells[0]).toHaveLength(10);
  });
});
