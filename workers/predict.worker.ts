/// <reference lib="webworker" />
import * as Comlink from "comlink";
import type { LoadedPipeline } from "../src/core/automl/artifact/loadPipeline.ts";
import { predictRows } from "../src/core/automl/artifact/predictRows.ts";
import {
  countUnseen,
  matchColumns,
  predictionCells,
  predictionColumns,
  scoreChunk,
  scoredHeader,
} from "../src/core/automl/artifact/scoreTable.ts";
import { explainRows } from "../src/core/automl/explain/explainRows.ts";
import type { Frame } from "../src/core/data/frame.ts";
import { readCsv, readCsvText } from "../src/core/data/readCsv.ts";
import { writeCsv } from "../src/core/data/writeCsv.ts";
import { CARD_LEVELS } from "../src/core/deploy/modelCard.ts";
import {
  type ModelFile,
  parseModelJson,
  positiveClassOf,
  readModelFile,
} from "../src/core/deploy/modelFile.ts";
import { ValidationError } from "../src/core/errors.ts";
import { takeFrameRows } from "../src/core/prep/columns.ts";
import { loadFrame } from "../src/persist/datasets.ts";
import { openAppDb } from "../src/persist/db.ts";
import { getModel } from "../src/persist/models.ts";
import { getVersionFile, registerVersion } from "../src/persist/registry.ts";
import { getRun, modelRecordId } from "../src/persist/runs.ts";
import { type BatchResult, FAILED_LIMIT, type PredictWorkerApi, type RowReasons } from "./predictApi.ts";
import { APP_VERSION, versionFromRun } from "./versionFromRun.ts";

/** Rows scored per chunk: big enough to amortise the recipe, small enough for smooth progress. */
const CHUNK_ROWS = 20_000;
const PREVIEW_ROWS = 20;

/**
 * A neural net predicts with tfjs, loaded only when a pipeline holds one; the CPU backend, so a
 * file scores to the same digits on every device.
 */
async function readyTfjs(pipeline: LoadedPipeline): Promise<void> {
  if (!pipeline.members.some((m) => m.modelId === "mlp")) return;
  const tf = await import("@tensorflow/tfjs");
  if (tf.getBackend() !== "cpu") await tf.setBackend("cpu");
  await tf.ready();
}

// Versions never change once stored, so a loaded pipeline stays good for the worker's life.
const loaded = new Map<string, Promise<{ file: ModelFile; pipeline: LoadedPipeline }>>();

function pipelineOf(versionId: string) {
  let hit = loaded.get(versionId);
  if (!hit) {
    hit = (async () => {
      const stored = await getVersionFile(await openAppDb(), versionId);
      // Checked again: the database is as open to other code on this origin as any file.
      const { file, pipeline } = await readModelFile(stored, { beforeProbe: readyTfjs });
      return { file, pipeline };
    })();
    loaded.set(versionId, hit);
    hit.catch(() => loaded.delete(versionId));
  }
  return hit;
}

/** Training's median or most frequent value per input, as text (empty where the card has none). */
function typicalRow(file: ModelFile, inputs: readonly { name: string }[]): string[] {
  const byName = new Map(file.card.inputs.map((i) => [i.name, i]));
  return inputs.map(({ name }) => {
    const i = byName.get(name);
    if (!i) return "";
    if (i.kind === "categorical" || i.kind === "text") return i.most_frequent ?? "";
    if (i.median === undefined) return "";
    if (i.kind === "datetime") return new Date(i.median).toISOString();
    return String(i.median);
  });
}

/** Reasons shown for one answer. */
const TOP_REASONS = 3;

/**
 * Row 0's largest contributions against row 1 (the typical row) by the model's own explainer;
 * null when it cannot explain this pipeline, so the form simply shows no reasons.
 */
function topReasons(pipeline: LoadedPipeline, frame: Frame, positive: string | null): RowReasons | null {
  try {
    // Binary: the run's positive class (the card's), as the evaluation explained it.
    const ex = explainRows(pipeline, frame, [0], { background: [1], positive: positive ?? undefined });
    const row = ex.rows[0];
    const all = ex.columns.map((column, c) => ({ column, contribution: row.contributions[c] }));
    const top = all
      .filter((r) => Number.isFinite(r.contribution) && r.contribution !== 0)
      .sort((a, b) => Math.abs(b.contribution) - Math.abs(a.contribution))
      .slice(0, TOP_REASONS);
    return {
      scale: ex.output,
      method: ex.method,
      class: row.class,
      top,
      base: row.base,
      output: row.output,
      all,
    };
  } catch {
    return null;
  }
}

const api: PredictWorkerApi = {
  async register({ runId, modelId, note }) {
    const db = await openAppDb();
    const run = await getRun(db, runId);
    const record = await getModel(db, modelRecordId(runId, modelId));
    const frame = await loadFrame(db, run.datasetId);
    return registerVersion(db, await versionFromRun(run, record, frame, note));
  },

  async importFile(projectId, blob, fileName) {
    if (blob.size === 0) throw new ValidationError("the file is empty");
    const read = await readModelFile(parseModelJson(await blob.text()), { beforeProbe: readyTfjs });
    const { file, pipeline } = read;
    const row = pipeline.artifact.leaderboard.find((r) => r.model === pipeline.artifact.model_id);
    const version = await registerVersion(await openAppDb(), {
      projectId,
      label: pipeline.artifact.label,
      source: { kind: "import", fileName },
      file,
      dataFingerprint: file.card.data_fingerprint ?? "",
      metrics: {
        metric: file.card.metric,
        cv_mean: file.card.scores.cv_mean ?? row?.cv_mean ?? null,
        cv_std: file.card.scores.cv_std ?? row?.cv_std ?? null,
        cv: {},
        test: file.card.scores.test === null ? {} : { [file.card.metric]: file.card.scores.test },
      },
      note: "",
    });
    return { version, notes: read.notes };
  },

  async predictRow(versionId, values) {
    const { file, pipeline } = await pipelineOf(versionId);
    const inputs = pipeline.artifact.inputs;
    // The row, then a typical one (the background its reasons are measured against), through the
    // same reader as a file, read as the kinds the model was trained on.
    const text = writeCsv(
      inputs.map((i) => i.name),
      [inputs.map((i) => values[i.name] ?? ""), typicalRow(file, inputs)],
    );
    const kinds = Object.fromEntries(inputs.map((i) => [i.name, i.kind]));
    const { frame: both } = await readCsvText(text, { kinds });
    const frame = takeFrameRows(both, [0]);
    const out = predictRows(pipeline, frame);
    const cells = predictionCells(out, 0);
    const names = predictionColumns(pipeline);
    return {
      prediction: cells[0] ?? null,
      proba: out.proba
        ? names.slice(1).map((name, c) => ({ label: name.slice("proba_".length), p: Number(cells[c + 1]) }))
        : null,
      reasons: topReasons(pipeline, both, positiveClassOf(file)),
    };
  },

  async scoreCsv(versionId, blob, onProgress) {
    try {
      const { file, pipeline } = await pipelineOf(versionId);
      const kinds = Object.fromEntries(pipeline.artifact.inputs.map((i) => [i.name, i.kind]));
      const { frame, report } = await readCsv(blob.stream(), {
        kinds,
        totalBytes: blob.size,
        onProgress: (p) => void onProgress(p),
      });
      const columns = matchColumns(pipeline, frame);
      const unseen = countUnseen(file.card.inputs, frame, CARD_LEVELS);
      const parts: Blob[] = [new Blob([`${scoredHeader(pipeline, frame)}\n`])];
      const failed: BatchResult["failed"] = [];
      let failedCount = 0;
      let preview: (string | null)[][] = [];
      let last = 0;
      for (let from = 0; from < frame.rows; from += CHUNK_ROWS) {
        const to = Math.min(frame.rows, from + CHUNK_ROWS);
        const chunk = scoreChunk(pipeline, frame, from, to, from === 0 ? PREVIEW_ROWS : 0);
        // Each chunk becomes a Blob at once, so the strings of a million rows never pile up.
        parts.push(new Blob([chunk.csv]));
        if (from === 0) preview = chunk.preview;
        failedCount += chunk.failed.length;
        for (const f of chunk.failed)
          if (failed.length < FAILED_LIMIT) failed.push({ row: f.row + 1, reason: f.reason });
        const now = Date.now();
        if (now - last > 100 || to === frame.rows) {
          last = now;
          onProgress({ phase: "score", done: to, total: frame.rows, message: "Scoring rows" });
        }
      }
      return {
        rows: frame.rows,
        scored: frame.rows - failedCount,
        failedCount,
        failed,
        dropped: report.droppedRows,
        readProblems: report.problems.slice(0, 10).map((p) => p.message),
        unseen,
        columns,
        header: [...frame.columns.map((c) => c.name), ...predictionColumns(pipeline)],
        preview,
        output: new Blob(parts, { type: "text/csv" }),
      };
    } finally {
      (onProgress as Partial<Comlink.Remote<unknown>>)[Comlink.releaseProxy]?.();
    }
  },

  async exportOnnx(versionId) {
    const { file, pipeline } = await pipelineOf(versionId);
    const { exportOnnx } = await import("../src/core/deploy/onnx/exportOnnx.ts");
    try {
      const bytes = exportOnnx(file, pipeline, { appVersion: APP_VERSION });
      const blob = new Blob([bytes as Uint8Array<ArrayBuffer>], { type: "application/octet-stream" });
      return { file: blob, refused: null };
    } catch (err) {
      if ((err as Error | null)?.name !== "OnnxRefusedError") throw err;
      return { file: null, refused: (err as Error).message };
    }
  },
};

Comlink.expose(api);
