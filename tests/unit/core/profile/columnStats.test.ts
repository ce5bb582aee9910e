import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { columnStats } from "../../../../src/core/profile/columnStats.ts";
import { moments } from "../../../../src/core/profile/moments.ts";
import { summarizeNumeric } from "../../../../src/core/profile/numericSummary.ts";
import { quantileSorted } from "../../../../src/core/profile/quantile.ts";
import { frameOf, frameOfCsv } from "./frameOf.ts";

const iris = () => frameOfCsv(readFileSync(join(import.meta.dirname, "fixtures", "iris.csv"), "utf8"));

describe("columnStats", () => {
  it("matches the known means, standard deviations, skewness and kurtosis of iris (pandas)", () => {
    const frame = iris();
    const expected: [number, number, number, number][] = [
      [5.8433, 0.8281, 0.314911, -0.552064],
      [3.0573, 0.4359, 0.318966, 0.228249],
      [3.758, 1.7653, -0.274884, -1.402103],
      [1.1993, 0.7622, -0.102967, -1.340604],
    ];
    expected.forEach(([mean, std, skew, kurt], j) => {
      const s = columnStats(frame.columns[j]).numeric!;
      expect(s.mean).toBeCloseTo(mean, 4);
      expect(s.std).toBeCloseTo(std, 4);
      expect(s.skewness).toBeCloseTo(skew, 5);
      expect(s.kurtosis).toBeCloseTo(kurt, 5);
    });
    const petal = columnStats(frame.columns[2]).numeric!;
    expect([petal.q1, petal.median, petal.q3]).toEqual([1.6, 4.35, 5.1]);
    expect(petal.min).toBe(1);
    expect(petal.max).toBe(6.9);
  });

  it("profiles the iris target as three equal classes", () => {
    const p = columnStats(iris().columns[4]);
    expect(p.distinct).toBe(3);
    expect(p.categories!.top.map((t) => [t.value, t.count])).toEqual([
      ["setosa", 50],
      ["versicolor", 50],
      ["virginica", 50],
    ]);
    expect(p.categories!.top[0].share).toBeCloseTo(1 / 3, 10);
  });

  it("computes skewness and excess kurtosis with pandas' adjusted formulas", () => {
    // Expected from the textbook forms G1 = g1·sqrt(n(n-1))/(n-2), G2 = ((n+1)g2 + 6)(n-1)/((n-2)(n-3)).
    const x = [1, 2, 3, 4, 10];
    const n = x.length;
    const mean = x.reduce((a, b) => a + b) / n;
    const m2 = x.reduce((a, v) => a + (v - mean) ** 2, 0) / n;
    const m3 = x.reduce((a, v) => a + (v - mean) ** 3, 0) / n;
    const m4 = x.reduce((a, v) => a + (v - mean) ** 4, 0) / n;
    const g1 = m3 / m2 ** 1.5;
    const g2 = m4 / m2 ** 2 - 3;
    const m = moments(Float64Array.from(x));
    expect(m.skewness).toBeCloseTo((g1 * Math.sqrt(n * (n - 1))) / (n - 2), 12);
    expect(m.kurtosis).toBeCloseTo((((n + 1) * g2 + 6) * (n - 1)) / ((n - 2) * (n - 3)), 12);
    expect(m.skewness).toBeCloseTo(1.697056, 6);
    expect(m.kurtosis).toBeCloseTo(3.152, 10);
    expect(moments(Float64Array.from([1, 2, 3, 4, 5])).kurtosis).toBeCloseTo(-1.2, 12);
  });

  it("gives no skewness below 3 values, no kurtosis below 4, and 0 for a flat column", () => {
    expect(moments(Float64Array.from([1, 2]))).toMatchObject({
      std: Math.SQRT1_2,
      skewness: null,
      kurtosis: null,
    });
    expect(moments(Float64Array.from([1, 2, 4])).kurtosis).toBeNull();
    expect(moments(Float64Array.from([7, 7, 7, 7]))).toMatchObject({ std: 0, skewness: 0, kurtosis: 0 });
  });

  it("interpolates quartiles linearly like pandas", () => {
    const sorted = Float64Array.from([1, 2, 3, 4]);
    expect(quantileSorted(sorted, 0.25)).toBe(1.75);
    expect(quantileSorted(sorted, 0.5)).toBe(2.5);
    expect(quantileSorted(sorted, 0.75)).toBe(3.25);
    expect(quantileSorted(Float64Array.from([5]), 0.75)).toBe(5);
  });

  it("counts missing, zeros, infinities and box-plot outliers, and bins every value", () => {
    const values = [0, 0, 1, 2, 3, 4, 5, 6, 7, 100, Number.NaN, Number.POSITIVE_INFINITY];
    const p = columnStats(frameOf({ x: values }).columns[0]);
    expect(p).toMatchObject({ count: 11, missing: 1, distinct: 10 });
    expect(p.missingShare).toBeCloseTo(1 / 12, 12);
    const s = p.numeric!;
    expect(s.infinite).toBe(1);
    expect(s.zeros).toBe(2);
    expect(s.zerosShare).toBeCloseTo(2 / 11, 12);
    expect(s.max).toBe(100);
    // q1 = 1.25, q3 = 5.75, IQR 4.5: upper fence 12.5, so 100 is the one outlier.
    expect(s.box).toMatchObject({
      q1: 1.25,
      q3: 5.75,
      upperFence: 12.5,
      outliers: 1,
      upperWhisker: 7,
      lowerWhisker: 0,
    });
    expect(s.histogram.counts.reduce((a, b) => a + b)).toBe(10);
    expect(s.histogram.edges.length).toBe(s.histogram.counts.length + 1);
    expect(s.histogram.counts.length).toBeGreaterThanOrEqual(10);
    expect(s.histogram.counts.length).toBeLessThanOrEqual(50);
  });

  it("gives small whole numbers one bin per value", () => {
    const s = summarizeNumeric(Float64Array.from([1, 2, 2, 3, 3, 3, 5])).summary!;
    expect(s.integer).toBe(true);
    expect(s.histogram.edges).toEqual([0.5, 1.5, 2.5, 3.5, 4.5, 5.5]);
    expect(s.histogram.counts).toEqual([1, 2, 3, 0, 1]);
  });

  it("lists the top 10 values and pools the rest", () => {
    const values = [...Array.from({ length: 12 }, (_, i) => Array(12 - i).fill(`v${i}`)).flat(), null];
    const p = columnStats(frameOf({ c: values }).columns[0]);
    const c = p.categories!;
    expect(c.top).toHaveLength(10);
    expect(c.top[0]).toEqual({ value: "v0", count: 12, share: 12 / 78 });
    expect(c.mode).toBe("v0");
    expect(c.otherCount).toBe(2 + 1);
    expect(c.otherLevels).toBe(2);
    expect(p.missing).toBe(1);
    expect(p.distinct).toBe(12);
  });

  it("uses the file's spellings for booleans", () => {
    const col = frameOf({ b: { kind: "boolean", values: [1, 0, 1, 1, null], labels: ["no", "yes"] } })
      .columns[0];
    const p = columnStats(col);
    expect(p.distinct).toBe(2);
    expect(p.categories!.top).toEqual([
      { value: "yes", count: 3, share: 0.75 },
      { value: "no", count: 1, share: 0.25 },
    ]);
  });

  it("measures text lengths and words", () => {
    const col = frameOf({ t: { kind: "text", values: ["a", "bb cc", "dddd", "a", null] } }).columns[0];
    const t = columnStats(col).text!;
    expect(t.length).toEqual({ min: 1, max: 5, mean: 11 / 4, median: 2.5 });
    expect(t.meanWords).toBeCloseTo(5 / 4, 12);
  });

  it("buckets datetimes by a calendar unit chosen from the range", () => {
    const day = 86_400_000;
    const start = Date.UTC(2020, 0, 30);
    const days = (n: number) => Array.from({ length: n }, (_, i) => start + i * day);
    const short = columnStats(frameOf({ d: { kind: "datetime", values: days(10) } }).columns[0]).datetime!;
    expect(short.histogram.unit).toBe("day");
    expect(short.histogram.counts).toEqual(Array(10).fill(1));
    expect(short.minIso).toBe("2020-01-30T00:00:00.000Z");
    expect(short.histogram.labels[2]).toBe("2020-02-01");
    const year = columnStats(frameOf({ d: { kind: "datetime", values: days(366) } }).columns[0]).datetime!;
    expect(year.histogram.unit).toBe("week");
    // 2020-01-30 is a Thursday: its week starts on Monday 2020-01-27.
    expect(year.histogram.labels[0]).toBe("2020-01-27");
    expect(year.histogram.counts[0]).toBe(4);
    expect(year.histogram.counts.reduce((a, b) => a + b)).toBe(366);
    const long = columnStats(
      frameOf({ d: { kind: "datetime", values: [Date.UTC(2001, 5, 3), Date.UTC(2010, 1, 1), null] } })
        .columns[0],
    ).datetime!;
    expect(long.histogram.unit).toBe("month");
    expect(long.histogram.labels[0]).toBe("2001-06");
    expect(long.histogram.labels.at(-1)).toBe("2010-02");
    expect(long.histogram.counts.length).toBe(12 * 9 - 4 + 1);
  });

  it("reports an all-missing column without statistics", () => {
    const p = columnStats(frameOf({ x: { kind: "numeric", values: [null, null] } }).columns[0]);
    expect(p).toMatchObject({ count: 0, missing: 2, distinct: 0, missingShare: 1 });
    expect(p.numeric).toBeUndefined();
  });
});
