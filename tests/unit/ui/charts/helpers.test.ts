import { describe, expect, it } from "vitest";
import { makeRng } from "../../../../src/core/random.ts";
import { formatNumber } from "../../../../src/ui/charts/formatNumber.ts";
import {
  allIntegers,
  labelWidth,
  numberTickFormat,
  numberTicks,
  truncateLabel,
} from "../../../../src/ui/charts/specs/axis.ts";
import { kde, quantileSorted, silvermanBandwidth } from "../../../../src/ui/charts/specs/kde.ts";
import { linearFit } from "../../../../src/ui/charts/specs/linearFit.ts";
import { normaliseColumn } from "../../../../src/ui/charts/specs/normalise.ts";

describe("linearFit", () => {
  it("fits three points by hand: (0,1), (1,3), (2,2)", () => {
    // mean x = 1, mean y = 2; Sxy = (-1)(-1) + 0 + (1)(0) = 1; Sxx = 2 -> slope 0.5, intercept 1.5.
    // Syy = 1 + 1 + 0 = 2 -> r² = 1² / (2 · 2) = 0.25.
    const fit = linearFit([0, 1, 2], [1, 3, 2]);
    expect(fit).not.toBeNull();
    expect(fit!.slope).toBeCloseTo(0.5, 12);
    expect(fit!.intercept).toBeCloseTo(1.5, 12);
    expect(fit!.r2).toBeCloseTo(0.25, 12);
    expect(fit!.n).toBe(3);
  });

  it("skips missing pairs and keeps precision at large offsets", () => {
    const t0 = 1.6e12;
    const fit = linearFit([t0, null, t0 + 1, t0 + 2], [5, 99, 7, 9]);
    expect(fit!.n).toBe(3);
    expect(fit!.slope).toBeCloseTo(2, 9);
    expect(fit!.r2).toBeCloseTo(1, 12);
  });

  it("is null without two points or without spread in x", () => {
    expect(linearFit([1], [2])).toBeNull();
    expect(linearFit([3, 3, 3], [1, 2, 3])).toBeNull();
  });
});

describe("kde", () => {
  it("takes Silverman's bandwidth: 0.9 · min(sd, IQR/1.34) · n^-0.2", () => {
    const xs = [1, 2, 3, 4, 5];
    // sd = sqrt(2.5) = 1.5811; IQR = 4 - 2 = 2 -> 2/1.34 = 1.4925; min = 1.4925.
    expect(silvermanBandwidth(xs)).toBeCloseTo(0.9 * (2 / 1.34) * 5 ** -0.2, 12);
    expect(quantileSorted(xs, 0.25)).toBe(2);
  });

  it("integrates to about 1 (trapezoid rule over the grid)", () => {
    const rng = makeRng(3);
    const values = Array.from({ length: 2000 }, () => rng.next() * 10 + (rng.next() < 0.5 ? 0 : 30));
    const { points, bandwidth } = kde(values, { points: 512 });
    expect(bandwidth).toBeGreaterThan(0);
    let area = 0;
    for (let i = 1; i < points.length; i++) {
      area += ((points[i].density + points[i - 1].density) / 2) * (points[i].x - points[i - 1].x);
    }
    expect(area).toBeCloseTo(1, 2);
  });

  it("matches the Gaussian formula at the centre of one point", () => {
    const { points } = kde([0], { bandwidth: 2, points: 3, cut: 1 });
    expect(points.map((p) => p.x)).toEqual([-2, 0, 2]);
    expect(points[1].density).toBeCloseTo(1 / (2 * Math.sqrt(2 * Math.PI)), 12);
  });

  it("skips missing values and gives no curve for none", () => {
    expect(kde([null, Number.NaN]).points).toEqual([]);
  });
});

describe("normaliseColumn", () => {
  it("maps min to 0 and max to 1, keeps missing, records the range", () => {
    const n = normaliseColumn("a", [10, 20, null, 15]);
    expect(n).toEqual({ name: "a", min: 10, max: 20, values: [0, 1, null, 0.5] });
  });

  it("puts a constant column in the middle", () => {
    expect(normaliseColumn("c", [4, 4]).values).toEqual([0.5, 0.5]);
  });
});

describe("axis helpers", () => {
  it("truncates long labels with an ellipsis and sizes margins for them", () => {
    expect(truncateLabel("short")).toBe("short");
    expect(truncateLabel("abcdefghijklmnopqrstuvwxyz", 10)).toBe("abcdefghi…");
    expect(labelWidth(["a"])).toBe(40);
    expect(labelWidth(["x".repeat(100)])).toBe(labelWidth(["x".repeat(22)]));
  });

  it("uses SI prefixes for big numbers only", () => {
    expect(numberTickFormat(0, 250_000)).toBe("~s");
    expect(numberTickFormat(-0.5, 9.5)).toBeUndefined();
  });

  it("puts whole-number axes on whole ticks, years without separators", () => {
    expect(numberTicks(2006.5, 2009.5, true)).toEqual({ tickFormat: "d", ticks: [2007, 2008, 2009] });
    expect(numberTicks(0, 500, true)).toEqual({ tickFormat: undefined });
    expect(numberTicks(0, 5, true)).toEqual({ tickFormat: ",d", ticks: [0, 1, 2, 3, 4, 5] });
    expect(numberTicks(1, 4, false)).toEqual({ tickFormat: undefined });
    expect(allIntegers([1, 2, null, 3])).toBe(true);
    expect(allIntegers([1, 2.5])).toBe(false);
  });

  it("formats statistics for people", () => {
    expect(formatNumber(12345)).toBe("12,345");
    expect(formatNumber(180796.0642)).toBe("180,796.1");
    expect(formatNumber(0.123456)).toBe("0.1235");
    expect(formatNumber(null)).toBe("–");
    expect(formatNumber(2e-7)).toBe("2.00e-7");
  });
});
