import { ValidationError } from "../../errors.ts";
import { takeRows } from "../../eval/takeRows.ts";
import type { MetricId } from "../../framing/metrics.ts";
import type { Task } from "../../framing/task.ts";
import type { Estimator, Matrix } from "../../models/estimator.ts";
import { getModel, type ModelId } from "../../models/registry.ts";
import { sampleRows } from "../../profile/sample.ts";
import type { LongCallOptions } from "../../progress.ts";
import { scoreMetric } from "../evaluation/scoreMetrics.ts";
import { deriveSeed } from "../ladder/deriveSeed.ts";
import { predictIn } from "../ladder/predictIn.ts";
import { trainScoreRows } from "../ladder/runFoldJob.ts";
import type { BoundaryData, BoundaryFeature } from "./boundaryData.ts";
import { playgroundParams } from "./playgroundParams.ts";

/** Grid cells per side by default (100 x 100 predictions per update). */
export const GRID_SIZE = 100;
/** Share of each column's range added on both sides, so edge points sit inside the picture. */
const PAD = 0.05;

/** What the playground fits: a model, its slider values and the two columns on the axes. */
export interface BoundaryRequest {
  model: ModelId;
  /** Slider values by name (see `PLAYGROUND_SLIDERS`); missing ones take their defaults. */
  values?: Record<string, number>;
  x: string;
  y: string;
  /** Cells per side (default GRID_SIZE). */
  resolution?: number;
}

/**
 * The grid the model is drawn on: `nx` x `ny` cells over [x0, x1] x [y0, y1]; cell (i, j) is
 * index `j * nx + i`, centred at x0 + (i + 0.5) (x1 - x0) / nx, y0 + (j + 0.5) (y1 - y0) / ny
 * (row 0 at the bottom, y0).
 */
export interface BoundaryGrid {
  nx: number;
  ny: number;
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

/** A fitted playground model's picture and scores. */
export interface BoundaryResult {
  model: ModelId;
  x: string;
  y: string;
  task: Task;
  classes: string[] | null;
  metric: MetricId;
  grid: BoundaryGrid;
  /** Classification: the predicted class index (into `classes`) per cell; null for regression. */
  cls: Uint16Array | null;
  /** Classification: the predicted class's probability per cell. */
  prob: Float32Array | null;
  /** Regression: the predicted value per cell. */
  value: Float32Array | null;
  /** The metric on the rows the model learned from and on the held-out validation rows. */
  trainScore: number;
  validScore: number;
  trainRows: number;
  validRows: number;
  /** Milliseconds spent fitting and predicting (grid and scores). */
  fitMs: number;
  predictMs: number;
}

function featureOf(data: BoundaryData, name: string): BoundaryFeature {
  const f = data.features.find((c) => c.name === name);
  if (!f) throw new ValidationError(`no feature "${name}"`);
  return f;
}

/**
 * Class predictions as the argmax of one `predictProba` pass (ties to the first class, as the
 * models' own `predict`), moved to the plan's classes: half the work of `predict` then
 * `predictProba`, and the scores count exactly the colours the picture shows.
 */
function predictOnce(
  model: Estimator,
  X: Matrix,
  own: string[] | null,
  all: string[] | null,
): { predictions: Float64Array; proba: Float64Array | null } {
  if (!own || !all || !model.predictProba) return predictIn(model, X, own, all);
  const p = model.predictProba(X);
  const j = own.length;
  const k = all.length;
  const map = own.map((c) => all.indexOf(c));
  const predictions = new Float64Array(X.rows);
  const proba = new Float64Array(X.rows * k);
  for (let r = 0; r < X.rows; r++) {
    let best = 0;
    for (let c = 0; c < j; c++) {
      const v = p[r * j + c];
      if (v > p[r * j + best]) best = c;
      proba[r * k + map[c]] = v;
    }
    predictions[r] = map[best];
  }
  return { predictions, proba };
}

/** Cell centres of a grid's axis. */
function axis(lo: number, hi: number, n: number): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = lo + ((i + 0.5) * (hi - lo)) / n;
  return out;
}

/** The grid around two features' values, padded; a constant column gets a unit-wide span. */
export function gridOf(fx: BoundaryFeature, fy: BoundaryFeature, n = GRID_SIZE): BoundaryGrid {
  const span = (f: BoundaryFeature): [number, number] => {
    if (!(f.max >= f.min)) return [-0.5, 0.5];
    const w = f.max - f.min || 1;
    return [f.min - PAD * w, f.max + PAD * w];
  };
  const [x0, x1] = span(fx);
  const [y0, y1] = span(fy);
  return { nx: n, ny: n, x0, x1, y0, y1 };
}

/** Standardisation of two columns by their training means and deviations (identity when unwanted). */
function scaler(a: Float64Array, b: Float64Array, on: boolean) {
  const stats = [a, b].map((v) => {
    if (!on) return { m: 0, s: 1 };
    let n = 0;
    let sum = 0;
    for (const x of v) {
      if (!Number.isFinite(x)) continue;
      n++;
      sum += x;
    }
    const m = n ? sum / n : 0;
    let ss = 0;
    for (const x of v) if (Number.isFinite(x)) ss += (x - m) ** 2;
    const s = n ? Math.sqrt(ss / n) : 0;
    return { m, s: s > 0 ? s : 1 };
  });
  return (x: number, y: number, out: Float64Array, o: number) => {
    out[o] = (x - stats[0].m) / stats[0].s;
    out[o + 1] = (y - stats[1].m) / stats[1].s;
  };
}

/** Rows with both coordinates and a target, as a two-column matrix, targets and weights. */
function pairMatrix(
  a: Float64Array,
  b: Float64Array,
  y: Float64Array,
  w: Float64Array | null,
  put: ReturnType<typeof scaler>,
): { X: Matrix; y: Float64Array; w: Float64Array | null } {
  const keep: number[] = [];
  for (let i = 0; i < a.length; i++) {
    if (Number.isFinite(a[i]) && Number.isFinite(b[i]) && Number.isFinite(y[i])) keep.push(i);
  }
  const data = new Float64Array(keep.length * 2);
  for (const [i, r] of keep.entries()) put(a[r], b[r], data, 2 * i);
  return {
    X: { data, rows: keep.length, cols: 2, names: ["x", "y"] },
    y: Float64Array.from(keep, (r) => y[r]),
    w: w ? Float64Array.from(keep, (r) => w[r]) : null,
  };
}

/**
 * Fits a model on two prepared columns of the playground's training rows and predicts every cell
 * of a grid over their range: the class and its probability per cell for classes, the value for
 * regression; plus the project's metric on the training and validation rows. Seeded from the
 * data's seed and the model, so the same request draws the same picture.
 */
export async function fitBoundary(
  data: BoundaryData,
  req: BoundaryRequest,
  opts: LongCallOptions = {},
): Promise<BoundaryResult> {
  const spec = getModel(req.model);
  if (!spec.tasks.includes(data.task))
    throw new ValidationError(`model ${req.model} does not support ${data.task}`);
  const n = req.resolution ?? GRID_SIZE;
  if (!(Number.isInteger(n) && n >= 2 && n <= 400)) throw new ValidationError(`invalid resolution: ${n}`);
  const fx = featureOf(data, req.x);
  const fy = featureOf(data, req.y);
  const put = scaler(fx.train, fy.train, spec.needsScaling);
  const train = pairMatrix(fx.train, fy.train, data.yTrain, data.weights, put);
  const params = playgroundParams(req.model, req.values, train.X.rows);
  const valid = pairMatrix(fx.valid, fy.valid, data.yValid, null, put);
  if (train.X.rows < 2) throw new ValidationError("too few rows with both columns to fit");

  // Estimators number classes 0..m-1 over the classes they see: move to and from the plan's.
  const all = data.classes;
  let own: string[] | null = null;
  let yFit = train.y;
  if (all) {
    const present = [...new Set(train.y)].sort((p, q) => p - q);
    own = present.map((c) => all[c]);
    const index = new Map(present.map((c, i) => [c, i]));
    yFit = Float64Array.from(train.y, (c) => index.get(c)!);
  }

  const t0 = performance.now();
  const model = spec.create(params, data.task);
  await model.fit(
    train.X,
    { values: yFit, classes: own ?? undefined },
    {
      seed: deriveSeed(data.seed, req.model),
      sampleWeight: train.w ?? undefined,
      signal: opts.signal,
    },
  );
  opts.signal?.throwIfAborted();
  const t1 = performance.now();

  const grid = gridOf(fx, fy, n);
  const xs = axis(grid.x0, grid.x1, grid.nx);
  const ys = axis(grid.y0, grid.y1, grid.ny);
  const cells = new Float64Array(grid.nx * grid.ny * 2);
  for (let j = 0; j < grid.ny; j++)
    for (let i = 0; i < grid.nx; i++) put(xs[i], ys[j], cells, 2 * (j * grid.nx + i));
  const G: Matrix = { data: cells, rows: grid.nx * grid.ny, cols: 2, names: ["x", "y"] };
  const out = predictOnce(model, G, own, all);
  let cls: Uint16Array | null = null;
  let prob: Float32Array | null = null;
  let value: Float32Array | null = null;
  if (all) {
    const k = all.length;
    cls = Uint16Array.from(out.predictions);
    prob = new Float32Array(G.rows);
    for (let r = 0; r < G.rows; r++) prob[r] = out.proba ? out.proba[r * k + cls[r]] : 1;
  } else value = Float32Array.from(out.predictions);

  const score = (X: Matrix, yTrue: Float64Array) => {
    if (X.rows === 0) return Number.NaN;
    const p = predictOnce(model, X, own, all);
    return scoreMetric(data.metric, {
      yTrue,
      yPred: p.predictions,
      proba: p.proba,
      nClasses: all?.length,
    });
  };
  // A seeded sample of the training rows, as the ladder's train score: enough for the overfitting
  // signal, and it spares the slow predictors (kNN, which reads fewer rows) most of the work.
  const pick = sampleRows(train.X.rows, trainScoreRows(req.model), data.seed);
  const trainScore =
    pick.length === train.X.rows
      ? score(train.X, train.y)
      : score(
          takeRows(train.X, pick),
          Float64Array.from(pick, (r) => train.y[r]),
        );
  const validScore = score(valid.X, valid.y);
  return {
    model: req.model,
    x: req.x,
    y: req.y,
    task: data.task,
    classes: all,
    metric: data.metric,
    grid,
    cls,
    prob,
    value,
    trainScore,
    validScore,
    trainRows: train.X.rows,
    validRows: valid.X.rows,
    fitMs: t1 - t0,
    predictMs: performance.now() - t1,
  };
}

/** The points drawn over the picture: a seeded-order-free cap of training and validation rows. */
export interface BoundaryPoints {
  x: Float64Array;
  y: Float64Array;
  /** Class index or value. */
  target: Float64Array;
  /** 0: a training row, 1: a validation row. */
  part: Uint8Array;
}

/** Up to `max` points of two features (every k-th row of each part, so both parts keep their shares). */
export function boundaryPoints(data: BoundaryData, x: string, y: string, max = 2000): BoundaryPoints {
  const fx = featureOf(data, x);
  const fy = featureOf(data, y);
  const total = fx.train.length + fx.valid.length;
  const step = Math.max(1, Math.ceil(total / max));
  const xs: number[] = [];
  const ys: number[] = [];
  const ts: number[] = [];
  const ps: number[] = [];
  const parts = [
    [fx.train, fy.train, data.yTrain],
    [fx.valid, fy.valid, data.yValid],
  ] as const;
  parts.forEach(([a, b, t], p) => {
    for (let i = 0; i < a.length; i += step) {
      if (!Number.isFinite(a[i]) || !Number.isFinite(b[i]) || !Number.isFinite(t[i])) continue;
      xs.push(a[i]);
      ys.push(b[i]);
      ts.push(t[i]);
      ps.push(p);
    }
  });
  return {
    x: Float64Array.from(xs),
    y: Float64Array.from(ys),
    target: Float64Array.from(ts),
    part: Uint8Array.from(ps),
  };
}
