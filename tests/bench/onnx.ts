/**
 * Section "onnx": the bench GBDT (trained by the CLI on the first 20,000 rows of the seeded bench
 * table, predicting "active"; the date column is left out of training because dates read from
 * text have no ONNX form) exported to ONNX and scored on 100,000 rows by ONNX Runtime
 * (onnxruntime-web's WASM build in Node, one thread, full graph optimisation) and by the app's
 * `predict` engine in the same run, on the same rows already in memory; with how closely the two
 * agree. When /usr/bin/python3 has the `onnx` package (Debian's python3-onnx), the file also goes
 * through ONNX's checker and strict shape inference.
 */
import { execFileSync } from "node:child_process";
import { createReadStream, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as ort from "onnxruntime-web";
import { predictRows } from "../../src/core/automl/artifact/predictRows.ts";
import { readCsv } from "../../src/core/data/readCsv.ts";
import { parseModelJson, readModelFile } from "../../src/core/deploy/modelFile.ts";
import { exportOnnx } from "../../src/core/deploy/onnx/exportOnnx.ts";
import { onnxFeeds } from "../unit/core/deploy/onnxRuntime.ts";
import { head, TRAIN_ROWS, trainBenchModel } from "./benchModel.ts";
import { benchCsv } from "./generateCsv.ts";
import type { BenchRow } from "./table.ts";

/** Rows scored. */
export const ONNX_ROWS = 100_000;

/** ONNX's checker and strict shape inference on the file, when python3-onnx is installed. */
function onnxChecker(path: string): string {
  const script = [
    "import sys, onnx",
    "from onnx import shape_inference",
    "m = onnx.load(sys.argv[1])",
    "onnx.checker.check_model(m, full_check=True)",
    "shape_inference.infer_shapes(m, check_type=True, strict_mode=True)",
    "print(onnx.__version__)",
  ].join("\n");
  try {
    const version = execFileSync("/usr/bin/python3", ["-c", script, path], { encoding: "utf8" }).trim();
    return `passed (onnx ${version})`;
  } catch (err) {
    const text = String((err as { stderr?: string }).stderr ?? err);
    return /No module named 'onnx'/.test(text)
      ? "skipped: /usr/bin/python3 has no onnx"
      : `FAILED: ${text.slice(-300)}`;
  }
}

export async function benchOnnx(rows = ONNX_ROWS): Promise<BenchRow[]> {
  const csv = await benchCsv(Math.max(rows, TRAIN_ROWS));
  const dir = mkdtempSync(join(tmpdir(), "bench-onnx-"));
  try {
    const modelPath = await trainBenchModel(csv, dir, "signup_date");
    const { readFile } = await import("node:fs/promises");
    const { file, pipeline } = await readModelFile(parseModelJson(await readFile(modelPath, "utf8")));

    const t0 = performance.now();
    const bytes = exportOnnx(file, pipeline, { appVersion: "bench" });
    const exportMs = performance.now() - t0;
    const onnxPath = join(dir, "model.onnx");
    writeFileSync(onnxPath, bytes);

    const scoring = join(dir, "score.csv");
    await head(csv, rows, scoring, "signup_date");
    const { frame } = await readCsv(createReadStream(scoring));

    ort.env.wasm.numThreads = 1;
    const t1 = performance.now();
    const session = await ort.InferenceSession.create(bytes, { graphOptimizationLevel: "all" });
    const sessionMs = performance.now() - t1;
    // One warm-up call each on the first 1,000 rows: the first run of a WASM session (and of the
    // app's code) pays for compiling it.
    const { takeFrameRows } = await import("../../src/core/prep/columns.ts");
    const warm = takeFrameRows(
      frame,
      Array.from({ length: Math.min(1000, frame.rows) }, (_, i) => i),
    );
    await session.run(onnxFeeds(warm, pipeline.artifact.inputs));
    predictRows(pipeline, warm);
    const t2 = performance.now();
    const feeds = onnxFeeds(frame, pipeline.artifact.inputs);
    const feedMs = performance.now() - t2;
    const t3 = performance.now();
    const out = await session.run(feeds);
    const onnxS = (performance.now() - t3) / 1000;

    const t4 = performance.now();
    const app = predictRows(pipeline, frame);
    const appS = (performance.now() - t4) / 1000;

    const classes = pipeline.artifact.classes ?? [];
    const proba = out.probabilities.data as Float32Array;
    const label = out.label.data as string[];
    let worst = 0;
    let differ = 0;
    for (let r = 0; r < frame.rows; r++) {
      if (label[r] !== app.predictions[r]) differ++;
      classes.forEach((c, j) => {
        worst = Math.max(worst, Math.abs(app.proba!.get(c)![r] - proba[r * classes.length + j]));
      });
    }
    const rate = (s: number) => String(Math.round(frame.rows / s));
    const trees = (file.pipeline as { model?: { state?: { n_iter?: number } } }).model?.state?.n_iter ?? "?";
    return [
      {
        measure: "ONNX Runtime (WASM, 1 thread)",
        value: rate(onnxS),
        unit: "rows/s",
        note: `${onnxS.toFixed(2)} s for ${frame.rows} rows; session.run only, after a warm-up call`,
      },
      {
        measure: "app predict (predictRows)",
        value: rate(appS),
        unit: "rows/s",
        note: `${appS.toFixed(2)} s; recipe + model, same rows in memory, after a warm-up call`,
      },
      { measure: "ONNX / predict", value: (appS / onnxS).toFixed(2), unit: "x" },
      {
        measure: "export",
        value: exportMs.toFixed(0),
        unit: "ms",
        note: `${(bytes.length / 1e3).toFixed(0)} kB, ${trees} iterations`,
      },
      {
        measure: "session create (optimisation 'all')",
        value: sessionMs.toFixed(0),
        unit: "ms",
        note: "includes starting the WASM runtime",
      },
      { measure: "feeds from the frame", value: feedMs.toFixed(0), unit: "ms" },
      { measure: "largest probability difference", value: worst.toExponential(2), unit: "" },
      { measure: "labels that differ", value: String(differ), unit: "rows", note: `of ${frame.rows}` },
      { measure: "onnx checker + shape inference", value: onnxChecker(onnxPath), unit: "" },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
