/**
 * The gbdt bench's input: N rows x 20 numeric features (two with missing values, four
 * log-normal), a binary target from a few features, an interaction and noise, and a stratified
 * seeded fold id per row. Written once per size into the OS temp folder as raw little-endian
 * arrays (X float64 row-major, y uint8, folds int8) so that the Python peer reads exactly the same
 * numbers and folds with `numpy.fromfile`.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { makeRng } from "../../src/core/random.ts";

const VERSION = 1;
/** Features per row. */
export const GBDT_COLS = 20;

/** The files of one size, and their contents in shared memory (for the fold threads). */
export interface GbdtData {
  rows: number;
  cols: number;
  folds: number;
  paths: { X: string; y: string; folds: string };
  X: Float64Array;
  y: Uint8Array;
  fold: Int8Array;
}

/** The data set of `rows` rows with `folds` stratified folds, generated when its files are absent. */
export function gbdtData(rows: number, folds: number): GbdtData {
  const stem = join(tmpdir(), `automl-gbdt-v${VERSION}-${rows}`);
  const paths = { X: `${stem}.X.bin`, y: `${stem}.y.bin`, folds: `${stem}.folds${folds}.bin` };
  if (!existsSync(paths.X) || !existsSync(paths.y)) writeXy(rows, paths);
  const X = shared(Float64Array, rows * GBDT_COLS);
  X.set(new Float64Array(bytes(paths.X).buffer));
  const y = shared(Uint8Array, rows);
  y.set(bytes(paths.y));
  if (!existsSync(paths.folds)) writeAtomic(paths.folds, stratifiedFolds(y, folds));
  const fold = shared(Int8Array, rows);
  fold.set(new Int8Array(bytes(paths.folds).buffer));
  return { rows, cols: GBDT_COLS, folds, paths, X, y, fold };
}

function bytes(path: string): Uint8Array {
  const b = readFileSync(path);
  // A fresh, aligned copy (a Buffer may sit at any offset of a pooled ArrayBuffer).
  return new Uint8Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength));
}

function shared<T extends Float64Array | Uint8Array | Int8Array>(
  Ctor: { new (buffer: SharedArrayBuffer): T; BYTES_PER_ELEMENT: number },
  n: number,
): T {
  return new Ctor(new SharedArrayBuffer(n * Ctor.BYTES_PER_ELEMENT));
}

function writeAtomic(path: string, data: ArrayBufferView): void {
  writeFileSync(`${path}.part`, new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
  renameSync(`${path}.part`, path);
}

function writeXy(rows: number, paths: { X: string; y: string }): void {
  const rng = makeRng(20261206);
  const normal = () => Math.sqrt(-2 * Math.log(1 - rng.next())) * Math.cos(2 * Math.PI * rng.next());
  const X = new Float64Array(rows * GBDT_COLS);
  const y = new Uint8Array(rows);
  for (let r = 0; r < rows; r++) {
    const x = X.subarray(r * GBDT_COLS, (r + 1) * GBDT_COLS);
    for (let i = 0; i < GBDT_COLS; i++) x[i] = i % 5 === 3 ? Math.exp(normal()) : normal();
    const z =
      1.1 * x[0] -
      0.8 * x[1] +
      0.9 * x[0] * x[2] +
      0.6 * Math.sin(2 * x[4]) +
      0.3 * Math.log(x[3]) +
      0.4 * Math.abs(x[7]) -
      0.3 * x[9] * x[10] +
      normal();
    y[r] = z > 0.3 ? 1 : 0;
    if (rng.next() < 0.05) x[5] = Number.NaN;
    if (rng.next() < 0.1) x[6] = Number.NaN;
  }
  writeAtomic(paths.X, X);
  writeAtomic(paths.y, y);
}

/** Each class's rows shuffled (seeded) and dealt round-robin into `k` folds. */
function stratifiedFolds(y: Uint8Array, k: number): Int8Array {
  const rng = makeRng(7);
  const fold = new Int8Array(y.length);
  for (const cls of [0, 1]) {
    const idx: number[] = [];
    for (let i = 0; i < y.length; i++) if (y[i] === cls) idx.push(i);
    for (let i = idx.length - 1; i > 0; i--) {
      const j = rng.int(i + 1);
      const t = idx[i];
      idx[i] = idx[j];
      idx[j] = t;
    }
    for (let i = 0; i < idx.length; i++) fold[idx[i]] = i % k;
  }
  return fold;
}
