import { describe, expect, it } from "vitest";
import { applyBins, fitBins } from "../../../../../src/core/models/trees/binning.ts";
import {
  gatherRows,
  makeHistLayout,
  makeHistScratch,
  type RowStats,
  rowMajorCodes,
} from "../../../../../src/core/models/trees/histogram.ts";
import { WasmHistograms } from "../../../../../src/core/models/trees/histWasm.ts";
import { buildHistogram, buildRootHistogram } from "../../../../../src/core/models/trees/nodeHistogram.ts";
import { makeRng } from "../../../../../src/core/random.ts";

/** 3,000 rows x 7 features (one with missing values, one with three levels), seeded. */
function problem() {
  const rng = makeRng(11);
  const rows = 3000;
  const cols = 7;
  const data = new Float64Array(rows * cols);
  for (let i = 0; i < data.length; i++) data[i] = rng.next() * 10;
  for (let r = 0; r < rows; r++) {
    if (rng.next() < 0.1) data[r * cols + 2] = Number.NaN;
    data[r * cols + 5] = Math.floor(data[r * cols + 5] / 4);
  }
  const X = { data, rows, cols, names: Array.from({ length: cols }, (_, c) => `x${c}`) };
  const binned = applyBins(X, fitBins(X, 64));
  const grad = Float64Array.from({ length: rows }, () => rng.next() - 0.5);
  const hess = Float64Array.from({ length: rows }, () => rng.next() * 0.25);
  // Ascending, as a node's rows after stable partitions: every third row (the big-node kernel, a row at a time), and
  // every seventh (fewer than a quarter of the rows: a feature at a time).
  const subsets = [3, 7].map((k) => Uint32Array.from({ length: Math.floor(rows / k) }, (_, i) => k * i + 1));
  return { binned, layout: makeHistLayout(binned.nBins, 1), grad, hess, subsets, rows };
}

describe("WebAssembly histograms", () => {
  it("are the JS kernels' histograms to the bit (node rows, root, hessian or constant)", () => {
    const { binned, layout, grad, hess, subsets, rows } = problem();
    const wasm = WasmHistograms.create(binned, layout);
    expect(wasm).not.toBeNull();
    const codes = rowMajorCodes(binned);
    const scratch = makeHistScratch(rows);
    const all = Uint32Array.from({ length: rows }, (_, i) => i);
    for (const stats of [
      { grad, hess },
      { grad, hess: new Float64Array(rows).fill(2), constantHess: 2 },
    ] as RowStats[]) {
      wasm!.startTree(all, rows);
      const ours = wasm!.acquire();
      for (const subset of subsets) {
        const js = new Float64Array(layout.size);
        gatherRows(subset, 0, subset.length, stats, scratch);
        buildHistogram(js, layout, codes, binned.cols, subset, 0, subset.length, stats, scratch);
        wasm!.build(ours, subset, 0, subset.length, stats);
        expect(Array.from(ours)).toEqual(Array.from(js));
        expect(js.some((v) => v !== 0)).toBe(true);
      }

      const counts = new Float64Array(layout.size);
      gatherRows(all, 0, rows, stats, scratch);
      buildHistogram(counts, layout, codes, binned.cols, all, 0, rows, stats, scratch);
      const jsRoot = new Float64Array(layout.size);
      buildRootHistogram(jsRoot, layout, codes, binned.cols, rows, stats, counts);
      // A histogram that is not one of the slots is built in the scratch slot and copied out.
      const plain = new Float64Array(layout.size).fill(7);
      wasm!.buildRoot(plain, rows, stats, counts);
      expect(Array.from(plain)).toEqual(Array.from(jsRoot));
      wasm!.release(ours);
    }
  });

  it("hands out distinct slots, then plain arrays", () => {
    const { binned, layout } = problem();
    const wasm = WasmHistograms.create(binned, layout)!;
    const taken = Array.from({ length: 70 }, () => wasm.acquire());
    expect(new Set(taken).size).toBe(70);
    const offsets = taken.filter((h) => h.byteOffset > 0).map((h) => h.byteOffset);
    expect(new Set(offsets).size).toBe(offsets.length);
    expect(taken.every((h) => h.length === layout.size)).toBe(true);
  });
});
