import { describe, expect, it } from "vitest";
import type { Matrix, Target } from "../../../../../src/core/models/estimator.ts";
import type { BinnedMatrix } from "../../../../../src/core/models/trees/binning.ts";
import { binValues } from "../../../../../src/core/models/trees/binValues.ts";
import {
  cartRules,
  cartStats,
  positiveRows,
  prepareCart,
} from "../../../../../src/core/models/trees/cartData.ts";
import { CartGrower } from "../../../../../src/core/models/trees/cartGrower.ts";
import { partitionGap } from "../../../../../src/core/models/trees/gapThreshold.ts";
import type { GrowParams } from "../../../../../src/core/models/trees/grower.ts";
import { partitionRows } from "../../../../../src/core/models/trees/partitionRows.ts";
import { leafOf, type Tree } from "../../../../../src/core/models/trees/tree.ts";
import { makeRng } from "../../../../../src/core/random.ts";
import { loadDataset } from "../datasets.ts";

describe("gap thresholds (extra trees)", () => {
  it("partitionGap partitions as partitionRows and finds the gap's sides, missing codes on either side", () => {
    const rng = makeRng(7);
    const n = 300;
    const nBins = 12; // code 12 is missing
    const codes = new Uint8Array(n);
    for (let i = 0; i < n; i++) codes[i] = rng.next() < 0.1 ? nBins : rng.int(nBins);
    const binned: BinnedMatrix = { codes, rows: n, cols: 1, nBins: Int32Array.of(nBins) };
    for (const bin of [-1, 0, 4, 10, 11])
      for (const missingLeft of [false, true]) {
        const start = 13;
        const end = 250;
        const rowsA = Uint32Array.from({ length: n }, (_, i) => i);
        const rowsB = rowsA.slice();
        const lowest = new Int32Array(1);
        const sides = new Int32Array(2);
        const midA = partitionRows(
          binned,
          0,
          rowsA,
          start,
          end,
          bin,
          missingLeft,
          new Uint32Array(n),
          lowest,
        );
        const midB = partitionGap(binned, 0, rowsB, start, end, bin, missingLeft, new Uint32Array(n), sides);
        expect(midB).toBe(midA);
        expect(rowsB).toEqual(rowsA);
        expect(sides[0]).toBe(lowest[0]);
        let highest = -1;
        for (let k = start; k < end; k++)
          if (codes[k] <= bin && codes[k] !== nBins) highest = Math.max(highest, codes[k]);
        expect(sides[1]).toBe(highest);
      }
  });

  it("keeps each tree's partitions: every training row reaches the leaf it reaches with mid-gap thresholds", () => {
    const wine = loadDataset("wine");
    const concrete = loadDataset("concrete");
    // Some missing values, so that splits send them one way or the other.
    const holed = { ...wine.X, data: wine.X.data.slice() };
    for (let i = 0; i < holed.data.length; i += 7) holed.data[i] = Number.NaN;
    const cases: [Matrix, Target][] = [
      [wine.X, wine.y],
      [holed, wine.y],
      [concrete.X, concrete.y],
    ];
    for (const [X, y] of cases) {
      const classification = y.classes !== undefined;
      const data = prepareCart(X, y, { seed: 0 }, 255, "test");
      const thresholds = data.mapper.thresholds;
      const rules = cartRules("gini", classification, 1);
      const params: GrowParams = {
        maxDepth: Number.POSITIVE_INFINITY,
        maxLeafNodes: Number.POSITIVE_INFINITY,
        minSamplesSplit: 2,
        maxFeatures: classification ? 3 : X.cols,
        splitter: "random",
        minGain: Number.NEGATIVE_INFINITY,
        impurity: classification ? "gini" : "mse",
      };
      const values = binValues(X, data.binned, thresholds);
      const grow = (gap: boolean): Tree => {
        const grower = new CartGrower(data.binned, thresholds, data.k, rules);
        const rows = positiveRows(data.weight);
        const p = { ...params, rng: makeRng(3) };
        const draws = gap ? { values, seed: 4 } : undefined;
        return grower.grow(rows, rows.length, cartStats(data, data.weight), p, draws).tree;
      };
      const mid = grow(false);
      const gap = grow(true);
      expect(gap.feature).toEqual(mid.feature);
      expect(gap.left).toEqual(mid.left);
      expect(gap.value).toEqual(mid.value);
      expect(gap.samples).toEqual(mid.samples);
      let moved = 0;
      for (let i = 0; i < mid.nodeCount; i++) if (gap.threshold[i] !== mid.threshold[i]) moved++;
      expect(moved).toBeGreaterThan(mid.nodeCount / 4);
      for (let r = 0; r < X.rows; r++)
        expect(leafOf(gap, X.data, r * X.cols)).toBe(leafOf(mid, X.data, r * X.cols));
    }
  });
});
