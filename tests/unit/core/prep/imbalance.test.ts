import { describe, expect, it } from "vitest";
import { classWeightsStep } from "../../../../src/core/prep/steps/classWeights.ts";
import { randomOversampleStep } from "../../../../src/core/prep/steps/randomOversample.ts";
import { randomUndersampleStep } from "../../../../src/core/prep/steps/randomUndersample.ts";
import { smoteStep } from "../../../../src/core/prep/steps/smote.ts";
import { makeRng } from "../../../../src/core/random.ts";
import { columnOf, configOf, ctxOf, fitApply, floats, frameOf, texts } from "./helpers.ts";

const labelsOf = (col: ReturnType<typeof columnOf>) => texts({ rows: 0, columns: [col] }, col.name);
const count = (xs: (string | null)[], v: string) => xs.filter((x) => x === v).length;

describe("class weights", () => {
  it("adds balanced weights n / (k * n_c) as a weight-role column on training rows only", () => {
    const frame = frameOf({ x: [1, 2, 3, 4, 5, 6, 7, 8] });
    const y = columnOf("y", ["a", "a", "a", "a", "a", "a", "b", "b"]);
    const { state, trained, out } = fitApply(
      classWeightsStep,
      frame,
      configOf("class_weights"),
      ctxOf(y, "binary"),
    );
    expect(state.weights).toEqual([8 / (2 * 6), 8 / (2 * 2)]);
    const w = trained.columns.find((c) => c.name === "class_weight")!;
    expect(w.role).toBe("weight");
    expect(floats(trained, "class_weight")).toEqual([...Array(6).fill(2 / 3), 2, 2]);
    expect(out).toBe(frame);
  });

  it("refuses a regression target", () => {
    expect(() =>
      fitApply(
        classWeightsStep,
        frameOf({ x: [1] }),
        configOf("class_weights"),
        ctxOf(columnOf("y", [1]), "regression"),
      ),
    ).toThrow("class_weights: needs a classification target, not regression");
  });
});

describe("random resampling", () => {
  const frame = frameOf({ x: Array.from({ length: 12 }, (_, i) => i) });
  const y = columnOf("y", [..."aaaaaaaaa", ..."bbb"]);

  it("oversamples the rarer class with copies of its own rows, deterministically per seed", () => {
    const { trained, target, state } = fitApply(
      randomOversampleStep,
      frame,
      configOf("random_oversample"),
      ctxOf(y, "binary", 5),
    );
    expect(state.after).toEqual([9, 9]);
    const labels = labelsOf(target!);
    expect([count(labels, "a"), count(labels, "b")]).toEqual([9, 9]);
    // Copies come from the b rows (x = 9, 10, 11), after the original rows.
    expect(
      floats(trained, "x")
        .slice(12)
        .every((v) => v >= 9),
    ).toBe(true);
    const again = fitApply(randomOversampleStep, frame, configOf("random_oversample"), ctxOf(y, "binary", 5));
    expect(floats(again.trained, "x")).toEqual(floats(trained, "x"));
  });

  it("undersamples the commoner class, keeping row order", () => {
    const config = configOf("random_undersample", "auto", { sampling_strategy: 0.5 });
    const { trained, target, state } = fitApply(randomUndersampleStep, frame, config, ctxOf(y, "binary"));
    expect(state.after).toEqual([6, 3]);
    expect(count(labelsOf(target!), "a")).toBe(6);
    const xs = floats(trained, "x");
    expect(xs).toEqual([...xs].sort((a, b) => a - b));
  });
});

describe("SMOTE", () => {
  const rng = makeRng(11);
  const nMaj = 30;
  const nMin = 8;
  const a = [
    ...Array.from({ length: nMaj }, () => rng.next() * 10),
    ...Array.from({ length: nMin }, () => 5 + rng.next() * 3),
  ];
  const b = [
    ...Array.from({ length: nMaj }, () => rng.next() * 10),
    ...Array.from({ length: nMin }, () => rng.next() * 2),
  ];
  const c = [
    ...Array.from({ length: nMaj }, () => "m"),
    ...Array.from({ length: nMin }, (_, i) => (i % 2 ? "p" : "q")),
  ];
  const frame = frameOf({ a, b, c });
  const y = columnOf("y", [...Array(nMaj).fill("maj"), ...Array(nMin).fill("min")]);
  const k = 3;
  const res = fitApply(smoteStep, frame, configOf("smote", "auto", { k }), ctxOf(y, "binary", 4));

  it("balances the classes with synthetic minority rows", () => {
    const labels = labelsOf(res.target!);
    expect([count(labels, "maj"), count(labels, "min")]).toEqual([nMaj, nMaj]);
    expect(res.trained.rows).toBe(2 * nMaj);
    expect(labels.slice(nMaj + nMin).every((l) => l === "min")).toBe(true);
    expect(res.out).toBe(frame);
  });

  it("puts each synthetic row on a segment from a minority row to one of its k nearest minority neighbours", () => {
    // Neighbours are found on a and b standardised over all training rows.
    const z = (v: number[]) => {
      const m = v.reduce((s, x) => s + x, 0) / v.length;
      const sd = Math.sqrt(v.reduce((s, x) => s + (x - m) ** 2, 0) / v.length);
      return v.map((x) => (x - m) / sd);
    };
    const za = z(a);
    const zb = z(b);
    const minority = Array.from({ length: nMin }, (_, i) => nMaj + i);
    const dist = (i: number, j: number) => Math.hypot(za[i] - za[j], zb[i] - zb[j]);
    const nearest = (i: number) =>
      minority
        .filter((j) => j !== i)
        .sort((p, q) => dist(i, p) - dist(i, q))
        .slice(0, k);
    const sa = floats(res.trained, "a");
    const sb = floats(res.trained, "b");
    const sc = texts(res.trained, "c");
    for (let s = nMaj + nMin; s < res.trained.rows; s++) {
      const on = minority.some((i) =>
        nearest(i).some((j) => {
          const ua = (sa[s] - a[i]) / (a[j] - a[i]);
          const ub = (sb[s] - b[i]) / (b[j] - b[i]);
          // Collinear (same step u on both axes), between the two parents, and the category from the nearer one.
          return Math.abs(ua - ub) < 1e-9 && ua >= 0 && ua <= 1 && sc[s] === c[ua < 0.5 ? i : j];
        }),
      );
      expect(on, `synthetic row ${s}`).toBe(true);
    }
  });

  it("needs at least two rows in a class it oversamples", () => {
    const tiny = frameOf({ a: [1, 2, 3] });
    expect(() =>
      fitApply(smoteStep, tiny, configOf("smote"), ctxOf(columnOf("y", ["x", "x", "y"]), "binary")),
    ).toThrow('smote: class "y" has 1 training row; SMOTE needs at least 2');
  });
});
