/**
 * Champion against challenger on one labelled batch: both pipelines predict the batch, the rows
 * with a known target are kept, and the champion's metric is compared by a paired bootstrap
 * (and, for classification, McNemar on right / wrong answers per row).
 */
import type { LoadedPipeline } from "../automl/artifact/loadPipeline.ts";
import { predictFrame } from "../automl/artifact/predictFrame.ts";
import type { Frame } from "../data/frame.ts";
import { ValidationError } from "../errors.ts";
import { encodeTarget } from "../prep/targetValues.ts";
import {
  type BootstrapResult,
  type McNemarResult,
  type ModelAnswers,
  mcnemar,
  pairedBootstrap,
  rightAnswers,
} from "./compareModels.ts";

/** The comparison's numbers. */
export interface BatchComparison {
  rows: number;
  bootstrap: BootstrapResult;
  mcnemar: McNemarResult | null;
}

function answersOn(
  p: LoadedPipeline,
  frame: Frame,
  keep: number[],
  k: number,
  signal?: AbortSignal,
): ModelAnswers {
  const { predictions, proba } = predictFrame(p, frame, signal);
  const out: ModelAnswers = {
    predictions: Float64Array.from(keep, (i) => predictions[i]),
    proba: null,
  };
  if (proba) {
    const sub = new Float64Array(keep.length * k);
    for (const [j, row] of keep.entries()) sub.set(proba.subarray(row * k, row * k + k), j * k);
    out.proba = sub;
  }
  return out;
}

/** Compares `challenger` (B) with `champion` (A) on the labelled rows of `frame`, in A's metric. */
export function compareOnBatch(
  champion: LoadedPipeline,
  challenger: LoadedPipeline,
  frame: Frame,
  opts: { iterations?: number; seed?: number; signal?: AbortSignal } = {},
): BatchComparison {
  const a = champion.artifact;
  const b = challenger.artifact;
  if (a.task !== b.task || a.target !== b.target)
    throw new ValidationError(`the models predict different things (${a.target}, ${b.target})`);
  if (JSON.stringify(a.classes ?? null) !== JSON.stringify(b.classes ?? null))
    throw new ValidationError("the models know different classes, so their answers cannot be paired");
  const target = frame.columns.find((c) => c.name === a.target);
  if (!target) throw new ValidationError(`the batch has no "${a.target}" column to compare on`);
  const { values } = encodeTarget(target, a.task, a.classes ?? undefined);
  const keep: number[] = [];
  for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i])) keep.push(i);
  if (keep.length === 0) throw new ValidationError(`no row of the batch has a known "${a.target}"`);
  const k = a.classes?.length ?? 1;
  const yTrue = Float64Array.from(keep, (i) => values[i]);
  const ansA = answersOn(champion, frame, keep, k, opts.signal);
  const ansB = answersOn(challenger, frame, keep, k, opts.signal);
  const bootstrap = pairedBootstrap({
    metric: a.metric,
    yTrue,
    a: ansA,
    b: ansB,
    k,
    iterations: opts.iterations,
    seed: opts.seed,
    signal: opts.signal,
  });
  const classification = a.task !== "regression";
  return {
    rows: keep.length,
    bootstrap,
    mcnemar: classification
      ? mcnemar(rightAnswers(yTrue, ansA.predictions), rightAnswers(yTrue, ansB.predictions))
      : null,
  };
}
