/**
 * Scoring an exported ONNX file with ONNX Runtime itself (onnxruntime-web's WASM build, which runs
 * in Node from the npm registry alone), feeding a frame's columns as the export's contract says:
 * float32 for numeric inputs (NaN = missing), text for every other kind ("" = missing).
 */
import * as ort from "onnxruntime-web";
import { convertColumn } from "../../../../src/core/data/convertColumn.ts";
import type { ColumnKind, Frame } from "../../../../src/core/data/frame.ts";
import { formatCell } from "../../../../src/core/data/preview.ts";

ort.env.wasm.numThreads = 1;

/** A session on the file's bytes with every graph optimisation on. */
export function onnxSession(bytes: Uint8Array): Promise<ort.InferenceSession> {
  return ort.InferenceSession.create(bytes, { graphOptimizationLevel: "all", executionProviders: ["wasm"] });
}

/** The feeds of a frame's rows for the model's inputs. */
export function onnxFeeds(
  frame: Frame,
  inputs: readonly { name: string; kind: ColumnKind }[],
): Record<string, ort.Tensor> {
  const feeds: Record<string, ort.Tensor> = {};
  for (const { name, kind } of inputs) {
    const col = frame.columns.find((c) => c.name === name);
    if (!col) throw new Error(`no column ${name}`);
    if (kind === "numeric") {
      const typed = col.kind === "numeric" ? col : convertColumn(col, "numeric");
      const values = Float32Array.from((typed.data as { values: Float64Array }).values);
      feeds[name] = new ort.Tensor("float32", values, [frame.rows, 1]);
    } else {
      const text = Array.from({ length: frame.rows }, (_, r) => {
        const cell = formatCell(col, r);
        return cell === null || cell === undefined ? "" : String(cell);
      });
      feeds[name] = new ort.Tensor("string", text, [frame.rows, 1]);
    }
  }
  return feeds;
}

/** What the session answers: labels and probabilities, or values. */
export interface OnnxAnswer {
  label?: string[];
  probabilities?: Float32Array;
  variable?: Float32Array;
}

/** Runs the session on the frame. */
export async function runOnnx(
  session: ort.InferenceSession,
  frame: Frame,
  inputs: readonly { name: string; kind: ColumnKind }[],
): Promise<OnnxAnswer> {
  const out = await session.run(onnxFeeds(frame, inputs));
  return {
    label: out.label ? (out.label.data as string[]) : undefined,
    probabilities: out.probabilities ? (out.probabilities.data as Float32Array) : undefined,
    variable: out.variable ? (out.variable.data as Float32Array) : undefined,
  };
}
