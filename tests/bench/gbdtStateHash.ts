/**
 * The "same models" check of gbdt speed and memory work: fits 32 seeded gbdt models (binary,
 * weighted, a RowSource made a block at a time, regression and weighted regression, multiclass,
 * early stopping, no early stopping with a depth limit; each at 3,000 x 7 and 25,000 x 12, with
 * and without a thread's histogram help set) and prints a hash of each fitted state, then one of
 * them all. A change that keeps every tree to the bit prints the same lines as before it.
 *
 *   npx tsx tests/bench/gbdtStateHash.ts
 */
import { createHash } from "node:crypto";
import type { Matrix } from "../../src/core/models/estimator.ts";
import { Gbdt } from "../../src/core/models/gbdt/gbdt.ts";
import { setHistogramHelp } from "../../src/core/models/trees/histHelp.ts";
import type { RowSource } from "../../src/core/models/trees/rowSource.ts";

/** mulberry32 in [0, 1). */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Numbers with five decimals, 0/1 columns, 10% missing in every fifth column; four targets. */
function data(rows: number, cols: number, seed: number) {
  const r = rng(seed);
  const X = new Float64Array(rows * cols);
  for (let i = 0; i < X.length; i++) {
    const c = i % cols;
    X[i] =
      c % 3 === 2
        ? r() < 0.5
          ? 1
          : 0
        : c % 5 === 4 && r() < 0.1
          ? Number.NaN
          : Math.round((r() * 10 - 5) * 1e5) / 1e5;
  }
  const y = new Float64Array(rows);
  const yr = new Float64Array(rows);
  const ym = new Float64Array(rows);
  const w = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    const a = X[i * cols] || 0;
    const b = X[i * cols + 1] || 0;
    const c = X[i * cols + 2];
    y[i] = r() < 1 / (1 + Math.exp(-(a - b + 2 * c))) ? 1 : 0;
    yr[i] = a * b + c + r();
    ym[i] = Math.min(2, Math.floor(Math.abs(a + b + r()) / 3));
    w[i] = 0.5 + r();
  }
  const names = Array.from({ length: cols }, (_, c) => `x${c}`);
  return { X: { data: X, rows, cols, names } as Matrix, y, yr, ym, w };
}

const hash = (m: Gbdt) => createHash("sha256").update(JSON.stringify(m.toJSON())).digest("hex").slice(0, 12);

/** X's rows a block of 5,000 at a time, each block a new matrix (as a fold's recipe blocks). */
function source(X: Matrix): RowSource {
  return {
    rows: X.rows,
    cols: X.cols,
    names: X.names,
    forEachBlock(list, visit) {
      for (let k0 = 0; k0 < list.length; k0 += 5000) {
        const n = Math.min(5000, list.length - k0);
        const d = new Float64Array(n * X.cols);
        for (let i = 0; i < n; i++)
          d.set(X.data.subarray(list[k0 + i] * X.cols, (list[k0 + i] + 1) * X.cols), i * X.cols);
        visit({ data: d, rows: n, cols: X.cols, names: X.names }, k0);
      }
    },
  };
}

const out: string[] = [];
const binary = ["0", "1"];
for (const share of [false, true]) {
  // As a fold thread with help: the fit offers its work (shared memory); nobody takes it.
  setHistogramHelp(share ? { helpers: 1, offer: () => () => {} } : null);
  for (const [rows, cols] of [
    [3000, 7],
    [25000, 12],
  ] as const) {
    const d = data(rows, cols, rows + cols);
    const p = { max_iter: 30 };
    const fitHash = (params: object, y: Float64Array, classes?: string[], sampleWeight?: Float64Array) =>
      hash(new Gbdt(params).fit(d.X, { values: y, classes }, { seed: 3, sampleWeight }));
    out.push(`share=${share} ${rows}x${cols} bin ${fitHash(p, d.y, binary)}`);
    out.push(`  binw ${fitHash(p, d.y, binary, d.w)}`);
    out.push(
      `  binsrc ${hash(new Gbdt(p).fitRows(source(d.X), { values: d.y, classes: binary }, { seed: 3 }))}`,
    );
    out.push(`  reg ${fitHash(p, d.yr)}`);
    out.push(`  regw ${fitHash(p, d.yr, undefined, d.w)}`);
    out.push(`  multi ${fitHash(p, d.ym, ["a", "b", "c"])}`);
    out.push(`  es ${fitHash({ max_iter: 30, early_stopping: true, min_samples_leaf: 1 }, d.y, binary)}`);
    const deep = {
      max_iter: 20,
      early_stopping: false,
      min_samples_leaf: 3,
      max_leaf_nodes: null,
      max_depth: 6,
    };
    out.push(`  noes ${fitHash(deep, d.y, binary)}`);
  }
}
setHistogramHelp(null);
console.log(out.join("\n"));
console.log(`all ${createHash("sha256").update(out.join("\n")).digest("hex").slice(0, 16)}`);
