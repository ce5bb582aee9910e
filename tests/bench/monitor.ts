/**
 * Monitoring at scale: a 1,000,000-row batch against a 1,000,000-row reference (the recipe bench's
 * seeded frame: 19 inputs of every kind, one with 20,000 levels, and a binary target). A logistic
 * regression is trained through the CLI on 20,000 rows of the reference; then, in this process,
 * the reference sketches are made from all 1,000,000 rows (predicting them too) and a batch of
 * 1,000,000 rows (another seed, labelled) is monitored: every column tested, the predictions
 * tested, the real metric and its CBPE estimate. Peak memory is the process's maximum resident
 * set (run this section alone, `npm run bench -- monitor`, for a figure of its own).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../src/cli/main.ts";
import { predictFrame } from "../../src/core/automl/artifact/predictFrame.ts";
import type { Frame } from "../../src/core/data/frame.ts";
import { readModelFile } from "../../src/core/deploy/modelFile.ts";
import { monitorBatch } from "../../src/core/monitor/monitorBatch.ts";
import { makeReferenceSketches } from "../../src/core/monitor/referenceSketches.ts";
import { makeRecipeFrame } from "./recipe.ts";
import { type BenchRow, fixed } from "./table.ts";

const ROWS = 1_000_000;
const TRAIN_ROWS = 20_000;
const MB = 1024 * 1024;

/** The first `n` rows of a frame as CSV text (numbers as written, levels, dates as ISO days). */
function frameCsv(frame: Frame, n: number): string {
  const lines = [frame.columns.map((c) => c.name).join(",")];
  for (let i = 0; i < n; i++) {
    lines.push(
      frame.columns
        .map((c) => {
          if (c.data.type === "dict") return c.data.codes[i] < 0 ? "" : c.data.levels[c.data.codes[i]];
          const v = c.data.values[i];
          if (Number.isNaN(v)) return "";
          return c.kind === "datetime" ? new Date(v).toISOString().slice(0, 10) : String(v);
        })
        .join(","),
    );
  }
  return lines.join("\n");
}

const maxRss = () => process.resourceUsage().maxRSS * 1024;

export async function benchMonitor(rows = ROWS): Promise<BenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), "bench-monitor-"));
  try {
    const reference = makeRecipeFrame(rows, 1);
    const batch = makeRecipeFrame(rows, 2);
    writeFileSync(join(dir, "train.csv"), frameCsv(reference, TRAIN_ROWS));
    const err: string[] = [];
    const code = await main(
      [
        ...["train", join(dir, "train.csv"), "--target", "label", "--models", "logistic", "--folds", "3"],
        ...["--test-size", "0", "--ensemble", "no", "--threads", "1", "--out", join(dir, "model.json")],
      ],
      { out: () => {}, err: (t) => err.push(t) },
    );
    if (code !== 0) throw new Error(`train failed (${code}): ${err.join(" ")}`);
    const { pipeline, file } = await readModelFile(JSON.parse(readFileSync(join(dir, "model.json"), "utf8")));
    const rssBefore = process.memoryUsage.rss();
    let t = performance.now();
    const sketches = makeReferenceSketches(pipeline, reference);
    const sketchMs = performance.now() - t;
    const sketchBytes = JSON.stringify(sketches).length;
    t = performance.now();
    const report = monitorBatch({
      pipeline,
      reference: sketches,
      frame: batch,
      referenceScore: file.card.scores.cv_mean,
    });
    const monitorMs = performance.now() - t;
    // The model's own share: predicting the batch's rows (the recipe, then the model), done once in each step above.
    t = performance.now();
    predictFrame(pipeline, batch);
    const predictMs = performance.now() - t;
    const peak = maxRss();
    const tests = [...new Set(report.columns.map((c) => c.test))].join(", ");
    return [
      {
        measure: "reference and batch rows",
        value: String(rows),
        unit: "rows",
        note: `${report.columns.length} input columns`,
      },
      {
        measure: "make reference sketches",
        value: fixed(sketchMs / 1000, 2),
        unit: "s",
        note: "sort every column, predict every row",
      },
      {
        measure: "sketches as JSON",
        value: fixed(sketchBytes / 1024),
        unit: "KB",
        note: `${fixed(sketchBytes / 1024 / (report.columns.length + 1))} KB per column on average`,
      },
      {
        measure: "monitor the batch",
        value: fixed(monitorMs / 1000, 2),
        unit: "s",
        note: `tests: ${tests}; predict, metric, CBPE`,
      },
      {
        measure: "of which predicting the rows",
        value: fixed(predictMs / 1000, 2),
        unit: "s",
        note: "predictFrame alone on the batch: the model's cost, in both steps",
      },
      {
        measure: "peak resident memory",
        value: fixed(peak / MB, 0),
        unit: "MB",
        note: `process maximum; ${fixed(rssBefore / MB, 0)} MB with both frames built, before sketching`,
      },
      {
        measure: "result",
        value: report.dataset_drift ? "drift" : "no drift",
        unit: "",
        note: `drift share ${fixed(report.drift_share, 2)}; ${report.performance?.metric} ${report.performance?.value.toFixed(4)}, CBPE ${report.estimated_performance?.value.toFixed(4)}`,
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
