/**
 * Scoring a big table a slice of rows at a time, handing the page back between slices so that it
 * repaints its progress and stays responsive. Every step and model scores a row from that row
 * alone, so the slices give exactly the predictions of one call over the whole table.
 */
import type { LoadedPipeline } from "../core/automl/artifact/loadPipeline.ts";
import { predictRows, type RowPredictions } from "../core/automl/artifact/predictRows.ts";
import type { Frame } from "../core/data/frame.ts";
import { takeFrameRows } from "../core/prep/columns.ts";

/** Rows per slice: a few hundred milliseconds of work for a large model. */
export const CHUNK_ROWS = 4096;

/** The predictions of every row of `frame`, computed in slices; `onProgress(done, total)` after each. */
export async function scoreInChunks(
  pipeline: LoadedPipeline,
  frame: Frame,
  onProgress: (done: number, total: number) => void,
  chunkRows = CHUNK_ROWS,
): Promise<RowPredictions> {
  if (frame.rows <= chunkRows) return predictRows(pipeline, frame);
  const predictions: (string | number)[] = [];
  let proba: Map<string, Float64Array> | undefined;
  for (let from = 0; from < frame.rows; from += chunkRows) {
    const to = Math.min(frame.rows, from + chunkRows);
    const idx = Int32Array.from({ length: to - from }, (_, i) => from + i);
    const part = predictRows(pipeline, takeFrameRows(frame, idx));
    for (const p of part.predictions) predictions.push(p);
    if (part.proba) {
      proba ??= new Map([...part.proba.keys()].map((label) => [label, new Float64Array(frame.rows)]));
      for (const [label, values] of part.proba) proba.get(label)!.set(values, from);
    }
    onProgress(to, frame.rows);
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  return { predictions: predictions as string[] | number[], proba };
}
