import { describe, expect, it } from "vitest";
import { makePlotSample, sampleRows } from "../../../../src/core/profile/sample.ts";
import { frameOf } from "./frameOf.ts";

describe("sampleRows", () => {
  it("draws n distinct sorted rows, the same for the same seed", () => {
    const a = sampleRows(1000, 100, 7);
    expect(a.length).toBe(100);
    expect(new Set(a).size).toBe(100);
    expect(Array.from(a)).toEqual(Array.from(a).sort((x, y) => x - y));
    expect(Math.max(...a)).toBeLessThan(1000);
    expect(sampleRows(1000, 100, 7)).toEqual(a);
    expect(sampleRows(1000, 100, 8)).not.toEqual(a);
  });

  it("returns every row when n reaches the row count", () => {
    expect(Array.from(sampleRows(5, 10, 1))).toEqual([0, 1, 2, 3, 4]);
  });

  it("is roughly uniform", () => {
    const hits = new Array(10).fill(0);
    for (let seed = 0; seed < 200; seed++)
      for (const r of sampleRows(100, 10, seed)) hits[Math.floor(r / 10)]++;
    // 2000 draws over 10 deciles: 200 expected in each.
    for (const h of hits) expect(Math.abs(h - 200)).toBeLessThan(60);
  });
});

describe("makePlotSample", () => {
  it("gives numbers and strings per column for the same rows, missing as null", () => {
    const frame = frameOf({
      x: [1, 2, null, 4],
      c: ["a", null, "b", "a"],
      b: { kind: "boolean", values: [1, 0, null, 1], labels: ["no", "yes"] },
    });
    const s = makePlotSample(frame, 10, 1);
    expect(s.rows).toEqual([0, 1, 2, 3]);
    expect(s.sampled).toBe(false);
    expect(s.columns).toEqual([
      { name: "x", kind: "numeric", type: "number", values: [1, 2, null, 4] },
      { name: "c", kind: "categorical", type: "string", values: ["a", null, "b", "a"] },
      { name: "b", kind: "boolean", type: "string", values: ["yes", "no", null, "yes"] },
    ]);
    const small = makePlotSample(frame, 2, 1);
    expect(small.sampled).toBe(true);
    expect(small.columns[0].values).toEqual(small.rows.map((r) => [1, 2, null, 4][r]));
  });
});
