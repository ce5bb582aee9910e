import { describe, expect, it } from "vitest";
import { readReferenceSketches } from "../../../../src/core/monitor/readSketches.ts";
import {
  categoricalSketch,
  EXACT_MAX,
  LEVELS_MAX,
  numericSketch,
  QUANTILES,
  sketchCdf,
  upperBound,
} from "../../../../src/core/monitor/sketch.ts";
import { makeRng } from "../../../../src/core/random.ts";

const ROWS = 1_000_000;

/** A seeded mixture with a heavy tail, ties and missing values: what a sketch must survive. */
function mixture(seed: number): Float64Array {
  const rng = makeRng(seed);
  const out = new Float64Array(ROWS);
  for (let i = 0; i < ROWS; i++) {
    const u = rng.next();
    out[i] =
      u < 0.02
        ? Number.NaN
        : u < 0.3
          ? Math.round(rng.next() * 10) // ties on 11 integers
          : u < 0.9
            ? 50 + 10 * Math.sqrt(-2 * Math.log(1 - rng.next())) * Math.cos(2 * Math.PI * rng.next())
            : Math.exp(3 * rng.next()) * 20; // long right tail
  }
  return out;
}

describe("numeric sketch", () => {
  it("keeps the CDF of 1,000,000 values within its rank-error bound 1/(QUANTILES-1) + 1/n", () => {
    const values = mixture(7);
    const s = numericSketch(values);
    const sorted = values.filter((v) => !Number.isNaN(v)).sort();
    expect(s.count).toBe(sorted.length);
    expect(s.missing).toBe(ROWS - sorted.length);
    expect(s.quantiles).toHaveLength(QUANTILES);
    expect(s.values).toBeUndefined();
    const bound = 1 / (QUANTILES - 1) + 1 / s.count;
    let worst = 0;
    // Every stored quantile's neighbourhood and a grid across the range, ties included.
    const probes: number[] = [];
    for (let i = 0; i <= 2000; i++) probes.push(s.min + ((s.max - s.min) * i) / 2000);
    for (const q of s.quantiles!) probes.push(q, q - 1e-9, q + 1e-9);
    for (let x = 0; x <= 10; x++) probes.push(x, x - 0.5);
    for (const x of probes) {
      const truth = upperBound(sorted, x) / s.count;
      worst = Math.max(worst, Math.abs(sketchCdf(s, x) - truth));
    }
    expect(worst).toBeLessThanOrEqual(bound);
    expect(worst).toBeGreaterThan(0); // a sketch, not the data
    let sum = 0;
    for (const v of sorted) sum += v;
    expect(s.mean).toBeCloseTo(sum / s.count, 9);
    expect(s.histogram.counts.reduce((a, b) => a + b, 0)).toBe(s.count);
    // Size: 513 quantiles plus moments and the histogram, well under the stated 11 KB.
    expect(JSON.stringify(s).length).toBeLessThan(11_000);
  });

  it("keeps up to 1,000 values exactly and counts few distinct values", () => {
    const s = numericSketch(Float64Array.from({ length: EXACT_MAX }, (_, i) => (i * 7) % 13));
    expect(s.values).toHaveLength(EXACT_MAX);
    expect(s.distinct).toBe(13);
    expect(s.value_counts?.values).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    // Residues of 7i mod 13 over i < 1000: 77 each, but 76 for 6 (the one 1000 would add).
    expect(sketchCdf(s, 6)).toBeCloseTo(538 / 1000, 12);
    expect(sketchCdf(s, 6, true)).toBeCloseTo(462 / 1000, 12);
  });
});

describe("categorical sketch", () => {
  it("counts levels exactly up to the cap, the rest as other", () => {
    const levels = Array.from({ length: LEVELS_MAX + 5 }, (_, i) => `L${i}`);
    const codes = new Int32Array(3 * (LEVELS_MAX + 5) + 1);
    for (let i = 0; i < codes.length - 1; i++) codes[i] = i % levels.length;
    codes[codes.length - 1] = -1;
    const s = categoricalSketch(codes, levels);
    expect(s.levels).toHaveLength(LEVELS_MAX);
    expect(s.other).toBe(15);
    expect(s.other_levels).toBe(5);
    expect(s.missing).toBe(1);
    expect(s.count).toBe(codes.length - 1);
  });
});

describe("readReferenceSketches", () => {
  const good = () =>
    JSON.parse(
      JSON.stringify({
        version: 1,
        rows: 4,
        columns: [
          { name: "x", kind: "numeric", sketch: numericSketch(Float64Array.of(1, 2, Number.NaN, 3)) },
          {
            name: "c",
            kind: "categorical",
            sketch: categoricalSketch(Int32Array.of(0, 1, 1, 0), ["a", "b"]),
          },
        ],
        prediction: categoricalSketch(Int32Array.of(0, 0, 1, 1), ["no", "yes"]),
      }),
    );

  it("reads back what was written", () => {
    expect(readReferenceSketches(good())).toEqual(good());
    const calibrated = { ...good(), calibration: [{ x: [0.1, 0.5, 0.9], y: [0.05, 0.5, 0.97] }] };
    expect(readReferenceSketches(calibrated)).toEqual(calibrated);
  });

  it("names the damaged part", () => {
    const cases: [(r: ReturnType<typeof good>) => void, string][] = [
      [
        (r) => (r.columns[0].sketch.values = [3, 1, 2]),
        "reference: columns[0].sketch.values: not sorted at 1",
      ],
      [
        (r) => (r.columns[0].sketch.mean = "1"),
        "reference: columns[0].sketch.mean: expected a finite number",
      ],
      [
        (r) => (r.columns[1].sketch.counts = [2, 1]),
        "reference: columns[1].sketch.counts: do not add up to the count",
      ],
      [
        (r) => (r.columns[0].sketch.values = [1, 2]),
        "reference: columns[0].sketch.values: expected 3 values, got 2",
      ],
      [(r) => (r.rows = 5), "reference: columns[0].sketch: covers 4 rows, not 5"],
      [(r) => (r.prediction.type = "x"), 'reference: prediction.type: expected "numeric" or "categorical"'],
      [(r) => (r.extra = 1), 'reference: reference: unexpected field "extra"'],
      [
        (r) => (r.calibration = [{ x: [0.1, 0.9], y: [0.6, 0.2] }]),
        "reference: calibration[0].y: not sorted at 1",
      ],
      [
        (r) => (r.calibration = [{ x: [0.1, 0.9], y: [0.2, 1.5] }]),
        "reference: calibration[0].y: not shares between 0 and 1",
      ],
      [(r) => (r.calibration = []), "reference: calibration: expected a list of maps"],
    ];
    for (const [damage, message] of cases) {
      const r = good();
      damage(r);
      expect(() => readReferenceSketches(r)).toThrow(message);
    }
  });
});
