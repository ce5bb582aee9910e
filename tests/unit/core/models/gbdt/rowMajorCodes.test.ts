import { describe, expect, it } from "vitest";
import { applyBins, fitBins } from "../../../../../src/core/models/trees/binning.ts";
import { binSource, type RowSource } from "../../../../../src/core/models/trees/rowSource.ts";
import { makeRng } from "../../../../../src/core/random.ts";

// The row-major codes a boosting grower bins into (its only layout) are the column-major codes
// transposed, from a matrix (applyBins) and from a row source (binSource).

function table(rows: number, cols: number) {
  const rng = makeRng(3);
  const data = new Float64Array(rows * cols);
  for (let i = 0; i < data.length; i++)
    data[i] = rng.next() < 0.05 ? Number.NaN : Math.floor(rng.next() * 500) / 7;
  return { data, rows, cols, names: Array.from({ length: cols }, (_, c) => `x${c}`) };
}

function transposed(codes: Uint8Array, rows: number, cols: number): Uint8Array {
  const out = new Uint8Array(rows * cols);
  for (let f = 0; f < cols; f++) for (let r = 0; r < rows; r++) out[r * cols + f] = codes[f * rows + r];
  return out;
}

describe("row-major bin codes", () => {
  const X = table(3001, 9);
  const take = Uint32Array.from({ length: 2000 }, (_, k) => (k * 3) % 3001);

  it("applyBins writes the column-major codes transposed", () => {
    const mapper = fitBins(X, 64);
    const cols = applyBins(X, mapper, take);
    const rows = applyBins(X, mapper, take, new Uint8Array(take.length * X.cols), true);
    expect(cols.rowMajor).toBeUndefined();
    expect(rows.rowMajor).toBe(true);
    expect(Array.from(rows.codes)).toEqual(Array.from(transposed(cols.codes, take.length, X.cols)));
  });

  it("binSource does too, into its storage only", () => {
    const source: RowSource = {
      rows: X.rows,
      cols: X.cols,
      names: X.names,
      forEachBlock(list, visit) {
        for (let k0 = 0; k0 < list.length; k0 += 333) {
          const n = Math.min(333, list.length - k0);
          const d = new Float64Array(n * X.cols);
          for (let i = 0; i < n; i++)
            d.set(X.data.subarray(list[k0 + i] * X.cols, (list[k0 + i] + 1) * X.cols), i * X.cols);
          visit({ data: d, rows: n, cols: X.cols, names: X.names }, k0);
        }
      },
    };
    const rows = Uint32Array.from({ length: 1500 }, (_, k) => k * 2);
    const cols = binSource(source, 64, { seed: 1, rows }).binned;
    const into = () => new Uint8Array(rows.length * X.cols);
    const byRow = binSource(source, 64, { seed: 1, rows, into, intoRowMajor: true }).binned;
    const noStore = binSource(source, 64, { seed: 1, rows, into: () => null, intoRowMajor: true }).binned;
    expect(byRow.rowMajor).toBe(true);
    expect(Array.from(byRow.codes)).toEqual(Array.from(transposed(cols.codes, rows.length, X.cols)));
    expect(noStore.rowMajor).toBeUndefined();
    expect(Array.from(noStore.codes)).toEqual(Array.from(cols.codes));
  });
});
