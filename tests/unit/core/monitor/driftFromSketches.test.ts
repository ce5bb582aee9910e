import { describe, expect, it } from "vitest";
import type { Frame } from "../../../../src/core/data/frame.ts";
import { readModelFile } from "../../../../src/core/deploy/modelFile.ts";
import { batchValuesOfSketch, driftFromSketches } from "../../../../src/core/monitor/driftFromSketches.ts";
import { monitorBatch } from "../../../../src/core/monitor/monitorBatch.ts";
import { makeReferenceSketches } from "../../../../src/core/monitor/referenceSketches.ts";
import { appendRows, holdOutHalf, retrainTable } from "../../../../src/core/monitor/retrainRows.ts";
import { numericSketch } from "../../../../src/core/monitor/sketch.ts";
import { takeFrameRows } from "../../../../src/core/prep/columns.ts";
import { makeRng } from "../../../../src/core/random.ts";
import { copyOf, penguins, trainedFile } from "../deploy/modelFiles.ts";

const shifted = (frame: Frame, by: number): Frame => ({
  rows: frame.rows,
  columns: frame.columns.map((c) =>
    c.kind === "numeric" && c.data.type === "float"
      ? { ...c, data: { type: "float", values: c.data.values.map((v) => v + by) } }
      : c,
  ),
});

describe("drift from a stored batch's sketches", { timeout: 60_000 }, () => {
  it("equals the drift from its rows when the sketch holds them (up to 1,000 rows)", async () => {
    const data = await penguins();
    const file = await trainedFile("logistic", "species");
    const { pipeline } = await readModelFile(copyOf(file));
    const reference = makeReferenceSketches(pipeline, data);
    const batch = takeFrameRows(
      shifted(data, 2),
      Int32Array.from({ length: 150 }, (_, i) => i * 2),
    );
    const overrides = {
      bill_length_mm: { test: "psi" as const, threshold: 0.2 },
      prediction: { threshold: 0.01 },
    };
    const fromRows = monitorBatch({
      pipeline,
      reference,
      frame: batch,
      referenceScore: null,
      overrides,
      sketchBatch: true,
    });
    const fromSketch = driftFromSketches(reference, fromRows.batch_sketches!, overrides);
    expect(fromSketch.columns).toEqual(fromRows.columns);
    expect(fromSketch.prediction).toEqual(fromRows.prediction);
    expect(fromSketch.drift_share).toBe(fromRows.drift_share);
    expect(fromSketch.dataset_drift).toBe(fromRows.dataset_drift);
    expect(fromSketch.columns.find((c) => c.name === "bill_length_mm")).toMatchObject({
      test: "psi",
      threshold: 0.2,
    });
  });

  it("reads 1,000,000 values back from 513 quantiles with the CDF within the sketch's bound", () => {
    const rng = makeRng(11);
    const n = 1_000_000;
    const values = Float64Array.from({ length: n }, () => -Math.log(1 - rng.next()));
    const back = batchValuesOfSketch(numericSketch(values));
    if (back.type !== "numeric") throw new Error("numeric expected");
    expect(back.sorted.length).toBe(n);
    const sorted = values.slice().sort();
    // Same rank, values whose CDFs differ by at most 1/512 + 1/n: compare ranks at 200 points.
    let worst = 0;
    for (let i = 0; i < 200; i++) {
      const x = sorted[Math.floor((i * (n - 1)) / 199)];
      let lo = 0;
      let hi = n;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (back.sorted[mid] <= x) lo = mid + 1;
        else hi = mid;
      }
      let lo2 = 0;
      let hi2 = n;
      while (lo2 < hi2) {
        const mid = (lo2 + hi2) >> 1;
        if (sorted[mid] <= x) lo2 = mid + 1;
        else hi2 = mid;
      }
      worst = Math.max(worst, Math.abs(lo - lo2) / n);
    }
    expect(worst).toBeLessThanOrEqual(1 / 512 + 1 / n);
  });
});

describe("retraining rows", () => {
  it("appends batch rows under the training columns' kinds and levels", () => {
    const base: Frame = {
      rows: 2,
      columns: [
        {
          name: "x",
          kind: "numeric",
          role: "feature",
          data: { type: "float", values: new Float64Array([1, 2]) },
          missing: 0,
          unique: 2,
        },
        {
          name: "c",
          kind: "categorical",
          role: "feature",
          data: { type: "dict", codes: new Int32Array([0, 1]), levels: ["a", "b"] },
          missing: 0,
          unique: 2,
        },
        {
          name: "y",
          kind: "categorical",
          role: "target",
          data: { type: "dict", codes: new Int32Array([0, 0]), levels: ["no"] },
          missing: 0,
          unique: 1,
        },
      ],
    };
    const batch: Frame = {
      rows: 3,
      columns: [
        {
          name: "c",
          kind: "categorical",
          role: "feature",
          data: { type: "dict", codes: new Int32Array([1, -1, 0]), levels: ["z", "b"] },
          missing: 1,
          unique: 2,
        },
        {
          name: "x",
          kind: "categorical",
          role: "feature",
          data: { type: "dict", codes: new Int32Array([0, 1, 0]), levels: ["5", "oops"] },
          missing: 0,
          unique: 2,
        },
        {
          name: "y",
          kind: "categorical",
          role: "feature",
          data: { type: "dict", codes: new Int32Array([0, 1, 1]), levels: ["yes", "no"] },
          missing: 0,
          unique: 2,
        },
      ],
    };
    const out = appendRows(base, [batch]);
    expect(out.rows).toBe(5);
    const [x, c, y] = out.columns;
    expect(x).toMatchObject({ kind: "numeric", missing: 1, unique: 3 });
    expect(Array.from((x.data as { values: Float64Array }).values)).toEqual([1, 2, 5, Number.NaN, 5]);
    expect(c.data).toEqual({
      type: "dict",
      codes: new Int32Array([0, 1, 1, -1, 2]),
      levels: ["a", "b", "z"],
    });
    expect(y).toMatchObject({ role: "target", missing: 0, unique: 2 });
    expect(y.data).toEqual({ type: "dict", codes: new Int32Array([0, 0, 1, 0, 0]), levels: ["no", "yes"] });
  });

  it("trains on the table and every batch, or on a recent window, holding out half of the newest", () => {
    const frame = (values: number[]): Frame => ({
      rows: values.length,
      columns: [
        {
          name: "x",
          kind: "numeric",
          role: "feature",
          data: { type: "float", values: Float64Array.from(values) },
          missing: 0,
          unique: values.length,
        },
      ],
    });
    const base = frame([1, 2, 3, 4]);
    const batches = [
      { id: "a", number: 1, rows: frame([10, 11, 12]) },
      { id: "b", number: 2, rows: frame([20, 21, 22, 23]) },
    ];
    const { train, held } = holdOutHalf(4, 9);
    const all = retrainTable(base, batches, "all", 1, 9);
    expect(all.trainingRows).toBe(4);
    expect(all.batches).toEqual([
      { batchId: "a", number: 1, rows: 3 },
      { batchId: "b", number: 2, rows: 2 },
    ]);
    expect(all.heldOut).toEqual({ batchId: "b", number: 2, rows: Array.from(held) });
    const values = (f: Frame) => Array.from((f.columns[0].data as { values: Float64Array }).values);
    expect(values(all.frame)).toEqual([1, 2, 3, 4, 10, 11, 12, ...Array.from(train, (i) => 20 + i)]);
    const recent = retrainTable(base, batches, "window", 1, 9);
    expect(recent.trainingRows).toBe(0);
    expect(values(recent.frame)).toEqual(Array.from(train, (i) => 20 + i));
    expect(retrainTable(base, batches, "window", 5, 9).batches.map((b) => b.batchId)).toEqual(["a", "b"]);
    expect(() => retrainTable(base, [], "all", 1, 9)).toThrow("no labelled batch to retrain on");
  });

  it("holds out a seeded half, the same for the same seed", () => {
    const a = holdOutHalf(11, 5);
    expect(a.train.length).toBe(5);
    expect(a.held.length).toBe(6);
    expect([...a.train, ...a.held].sort((p, q) => p - q)).toEqual(Array.from({ length: 11 }, (_, i) => i));
    expect(holdOutHalf(11, 5)).toEqual(a);
    expect(holdOutHalf(11, 6)).not.toEqual(a);
  });
});
