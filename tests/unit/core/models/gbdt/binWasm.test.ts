import { describe, expect, it } from "vitest";
import { applyBins, binOf, fitBins } from "../../../../../src/core/models/trees/binning.ts";
import { makeRng } from "../../../../../src/core/random.ts";

describe("applyBins in WebAssembly", () => {
  it("gives binOf's codes, the missing code for NaN, for edges, infinities and signed zeros", () => {
    const rng = makeRng(5);
    const rows = 3000;
    const cols = 7;
    const data = new Float64Array(rows * cols);
    for (let i = 0; i < data.length; i++) {
      const f = i % cols;
      // Column 0 has few distinct values (midpoint edges), the others many (quantile edges).
      data[i] = f === 0 ? Math.floor(rng.next() * 12) - 6 : (rng.next() - 0.5) * 10 ** (f % 4);
    }
    const X = { data, rows, cols, names: Array.from({ length: cols }, (_, c) => `x${c}`) };
    const mapper = fitBins(X, 64, { seed: 1 });
    // Values exactly on edges and special values, after fitting (the edges stay as fitted).
    const special = [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -0, 0];
    for (let r = 0; r < 400; r++) {
      const f = r % cols;
      const edges = mapper.thresholds[f];
      data[r * cols + f] = r < 200 ? edges[r % edges.length] : special[r % special.length];
    }
    const take = Uint32Array.from({ length: rows }, (_, i) => (i * 7919) % rows);
    const binned = applyBins(X, mapper, take);
    let missing = 0;
    for (let k = 0; k < rows; k++) {
      for (let f = 0; f < cols; f++) {
        const v = data[take[k] * cols + f];
        const expected = Number.isNaN(v) ? mapper.nBins[f] : binOf(v, mapper.thresholds[f]);
        if (Number.isNaN(v)) missing++;
        expect(binned.codes[f * rows + k]).toBe(expected);
      }
    }
    expect(missing).toBe(40);
  });
});
