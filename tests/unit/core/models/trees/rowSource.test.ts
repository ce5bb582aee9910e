import { describe, expect, it } from "vitest";
import type { Matrix } from "../../../../../src/core/models/estimator.ts";
import { Gbdt } from "../../../../../src/core/models/gbdt/gbdt.ts";
import { applyBins, fitBins } from "../../../../../src/core/models/trees/binning.ts";
import { binSource, gatherRows, type RowSource } from "../../../../../src/core/models/trees/rowSource.ts";
import { makeRng } from "../../../../../src/core/random.ts";

/** Seeded rows: continuous, missing, few-valued and 0/1 columns. */
function table(rows: number, cols: number, seed: number): Matrix {
  const rng = makeRng(seed);
  const data = new Float64Array(rows * cols);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const kind = c % 4;
      data[r * cols + c] =
        kind === 0
          ? rng.next() * 100 - 50
          : kind === 1
            ? rng.next() < 0.1
              ? Number.NaN
              : rng.next()
            : kind === 2
              ? rng.int(7)
              : rng.next() < 0.3
                ? 1
                : 0;
    }
  }
  return { data, rows, cols, names: Array.from({ length: cols }, (_, c) => `x${c}`) };
}

/** A source over a matrix, handing out copies in blocks of `size` rows, counting its passes. */
function blocksOf(X: Matrix, size: number): RowSource & { passes: number } {
  const source = {
    rows: X.rows,
    cols: X.cols,
    names: X.names,
    passes: 0,
    forEachBlock(rows: Uint32Array, visit: (block: Matrix, k0: number) => void) {
      source.passes++;
      for (let k0 = 0; k0 < rows.length; k0 += size) {
        const n = Math.min(size, rows.length - k0);
        const data = new Float64Array(n * X.cols);
        for (let i = 0; i < n; i++)
          data.set(X.data.subarray(rows[k0 + i] * X.cols, (rows[k0 + i] + 1) * X.cols), i * X.cols);
        visit({ data, rows: n, cols: X.cols, names: X.names }, k0);
      }
    },
  };
  return source;
}

/** Positions where two arrays differ (or the length difference). */
function differences(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let n = Math.abs(a.length - b.length);
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (!Object.is(a[i], b[i])) n++;
  return n;
}

describe("binSource", () => {
  it("gives fitBins' edges and applyBins' codes over a seeded subsample, a few columns per pass", () => {
    // 230,000 training rows: more than the 200,000-row subsample, and 11 columns need two passes.
    const X = table(240_000, 11, 3);
    const rows = Uint32Array.from({ length: X.rows }, (_, i) => i).filter((i) => i % 24 !== 5);
    expect(rows.length).toBe(230_000);
    const source = blocksOf(X, 9_999);
    const got = binSource(source, 255, { seed: 7, rows });
    const mapper = fitBins(X, 255, { seed: 7, rows });
    expect(got.mapper.nBins).toEqual(mapper.nBins);
    expect(got.mapper.thresholds).toEqual(mapper.thresholds);
    // Compared by a loop: a deep equality of 2.5 million entries takes minutes in the matcher.
    expect(differences(got.binned.codes, applyBins(X, mapper, rows).codes)).toBe(0);
    // One pass over the sample for the distinct values, one for the 6 many-valued columns (a
    // pass per 10 columns of every kind made two), one over the rows for the codes.
    expect(source.passes).toBe(3);
  });

  it("fits columns of few values in one pass, with -0, 0, infinities, and exactly maxBins values", () => {
    const rows = 20_000;
    const cols = 5;
    const rng = makeRng(11);
    const data = new Float64Array(rows * cols);
    for (let r = 0; r < rows; r++) {
      const at = r * cols;
      // -0 first seen, then 0; NaN; +-Infinity; 16 values (maxBins); 17 (one too many); a constant.
      data[at] = r === 0 ? -0 : rng.next() < 0.5 ? 0 : rng.next() < 0.1 ? Number.NaN : 2.5;
      data[at + 1] = [Number.NEGATIVE_INFINITY, -1, 3, Number.POSITIVE_INFINITY][rng.int(4)];
      data[at + 2] = rng.int(16) * 0.1;
      data[at + 3] = rng.int(17) - 8;
      data[at + 4] = 7;
    }
    const X = { data, rows, cols, names: ["a", "b", "c", "d", "e"] };
    const all = Uint32Array.from({ length: rows }, (_, i) => i);
    const source = blocksOf(X, 777);
    const got = binSource(source, 16, { rows: all });
    const mapper = fitBins(X, 16, { rows: all });
    expect(got.mapper.thresholds).toEqual(mapper.thresholds);
    expect(got.mapper.nBins).toEqual(mapper.nBins);
    expect(Array.from(got.mapper.nBins)).toEqual([2, 4, 16, 16, 1]);
    expect(differences(got.binned.codes, applyBins(X, mapper, all).codes)).toBe(0);
    // The distinct values, column d's 17 values (quantile edges), the codes.
    expect(source.passes).toBe(3);
  });

  it("uses every row when there are fewer than the subsample, with few bins", () => {
    const X = table(3_000, 6, 4);
    const rows = Uint32Array.from({ length: 2_000 }, (_, i) => i + 500);
    const got = binSource(blocksOf(X, 128), 16, { rows });
    const mapper = fitBins(X, 16, { rows });
    expect(got.mapper.thresholds).toEqual(mapper.thresholds);
    expect(got.binned.codes).toEqual(applyBins(X, mapper, rows).codes);
    expect(gatherRows(blocksOf(X, 300), Uint32Array.from([2, 7, 2999])).data).toEqual(
      Float64Array.from([2, 7, 2999].flatMap((r) => Array.from(X.data.subarray(r * 6, r * 6 + 6)))),
    );
  });
});

describe("Gbdt.fitRows", () => {
  it("fits the same model on a source as on the whole matrix (early stopping on its own rows)", () => {
    const X = table(12_000, 5, 9);
    const rng = makeRng(2);
    const y = new Float64Array(X.rows);
    for (let r = 0; r < X.rows; r++)
      y[r] = X.data[r * 5] + 20 * X.data[r * 5 + 3] + rng.next() * 30 > 0 ? 1 : 0;
    const target = { values: y, classes: ["no", "yes"] };
    const params = { max_iter: 12, early_stopping: true, n_iter_no_change: 3 };
    const whole = new Gbdt(params).fit(X, target, { seed: 5 });
    const rowsFit = new Gbdt(params).fitRows(blocksOf(X, 1_000), target, { seed: 5 });
    expect(rowsFit.toJSON()).toEqual(whole.toJSON());
    expect(() =>
      new Gbdt(params).fitRows(blocksOf(X, 10), { values: y.subarray(1), classes: ["no", "yes"] }),
    ).toThrow(/invalid target/);
  });
});
