import { describe, expect, it } from "vitest";
import { MIN_PART_SHARE, splitCellParts } from "../../../../src/ui/prepare/splitCellParts.ts";

const shares = (parts: ReturnType<typeof splitCellParts>) =>
  Object.fromEntries(parts.map((p) => [p.part, Number(p.share.toFixed(4))]));

describe("splitCellParts", () => {
  it("stacks each part as tall as its share of the cell's rows", () => {
    expect(shares(splitCellParts(0.2, 0))).toEqual({ test: 0.2, train: 0.8 });
    expect(shares(splitCellParts(1, 0))).toEqual({ test: 1 });
    expect(shares(splitCellParts(0, 1))).toEqual({ unused: 1 });
    expect(shares(splitCellParts(0.3, 0.3))).toEqual({ test: 0.3, unused: 0.3, train: 0.4 });
    expect(splitCellParts(0.25, 0.25).map((p) => p.part)).toEqual(["test", "unused", "train"]);
  });

  it("keeps a part with a few rows visible, at the largest part's expense, and always sums to 1", () => {
    // One test row in ten: a majority colour would have hidden it.
    expect(shares(splitCellParts(0.1, 0))).toEqual({ test: MIN_PART_SHARE, train: 1 - MIN_PART_SHARE });
    expect(shares(splitCellParts(0.01, 0.02))).toEqual({ test: 0.15, unused: 0.15, train: 0.7 });
    for (const [t, u] of [
      [0.05, 0.9],
      [0.5, 0.5],
      [0.001, 0],
      [0.7, 0.1],
    ]) {
      const parts = splitCellParts(t, u);
      expect(parts.reduce((s, p) => s + p.share, 0)).toBeCloseTo(1, 12);
      for (const p of parts) expect(p.share).toBeGreaterThanOrEqual(MIN_PART_SHARE - 1e-12);
    }
  });
});
