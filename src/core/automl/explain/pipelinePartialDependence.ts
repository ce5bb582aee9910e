import type { Frame } from "../../data/frame.ts";
import { ValidationError } from "../../errors.ts";
import type { Progress } from "../../progress.ts";
import type { LoadedPipeline } from "../artifact/loadPipeline.ts";
import { predictFrame } from "../artifact/predictFrame.ts";
import { sampleRows } from "./explainRows.ts";
import {
  type GridOptions,
  type PartialDependence,
  type PdpGrid,
  partialDependence,
} from "./partialDependence.ts";

/** Partial dependence of a pipeline's output on one column, as plain data for the chart. */
export interface PipelinePdp {
  column: string;
  grid: PdpGrid;
  /** "probability" of `class` for classification, "value" for regression. */
  output: "probability" | "value";
  class: string | null;
  /** Rows of the frame drawn as ICE lines. */
  rows: number[];
  /** One line per row, one point per grid value. */
  ice: number[][];
  pdp: number[];
}

/** Options of `pipelinePartialDependence`. */
export interface PipelinePdpOptions extends GridOptions {
  /** Rows the ICE lines are drawn from (default every row). */
  pool?: ArrayLike<number>;
  /** ICE lines: a seeded sample of this many rows of the pool (default 50). */
  lines?: number;
  seed?: number;
  /** The class whose probability is shown (default the positive class, or the first of several). */
  class?: string;
  signal?: AbortSignal;
  onProgress?: (p: Progress) => void;
  /** Awaited before each chunk: a worker passes a macrotask, so it answers other calls meanwhile. */
  pause?: () => Promise<void>;
}

/**
 * PDP and ICE lines of a pipeline (a single model or an ensemble) on one raw column: the grid comes
 * from the pool's values, the lines from a seeded sample of it, and each point is the pipeline's
 * probability of one class (binary: the positive class) or its value. Scored a few grid points at
 * a time with progress, awaiting `pause` between them.
 */
export async function pipelinePartialDependence(
  pipeline: LoadedPipeline,
  frame: Frame,
  column: string,
  opts: PipelinePdpOptions = {},
): Promise<PipelinePdp> {
  const { artifact } = pipeline;
  if (!artifact.inputs.some((i) => i.name === column))
    throw new ValidationError(`"${column}" is not an input of this model`);
  const pool = opts.pool ? Array.from(opts.pool) : Array.from({ length: frame.rows }, (_, i) => i);
  const picked = sampleRows(pool.length, opts.lines ?? 50, opts.seed ?? artifact.seed ?? 0);
  const rows = picked.map((i) => pool[i]);
  const classes = artifact.task === "regression" ? null : artifact.classes;
  let c = -1;
  if (classes) {
    c = opts.class === undefined ? (classes.length === 2 ? 1 : 0) : classes.indexOf(opts.class);
    if (c < 0) throw new ValidationError(`no class "${opts.class}"`);
  }
  const evaluate = async (mixed: Frame) => {
    await opts.pause?.();
    const out = predictFrame(pipeline, mixed, opts.signal);
    if (c < 0) return out.predictions;
    if (!out.proba) throw new ValidationError(`${artifact.model_id} gives no probabilities`);
    const p = out.proba;
    const k = classes!.length;
    return Float64Array.from({ length: mixed.rows }, (_, r) => p[r * k + c]);
  };
  const pd: PartialDependence = await partialDependence(frame, column, rows, evaluate, {
    ...opts,
    gridRows: pool,
    pointsPerCall: opts.lines && opts.lines > 200 ? 1 : 4,
  });
  const G = pd.pdp.length;
  return {
    column,
    grid: pd.grid,
    output: classes ? "probability" : "value",
    class: classes ? classes[c] : null,
    rows,
    ice: rows.map((_, i) => Array.from(pd.ice.subarray(i * G, (i + 1) * G))),
    pdp: Array.from(pd.pdp),
  };
}
