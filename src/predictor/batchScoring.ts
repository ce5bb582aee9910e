/**
 * Scoring a CSV file the person picks: read with the app's reader, predicted with the same code as
 * `predict`, and offered back as the same CSV bytes `predict` writes (predictionsCsv).
 */
import type { LoadedPipeline } from "../core/automl/artifact/loadPipeline.ts";
import type { RowPredictions } from "../core/automl/artifact/predictRows.ts";
import { readCsv } from "../core/data/readCsv.ts";
import { predictionsCsv } from "../core/deploy/predictionsCsv.ts";
import { el, setText, textTable } from "./dom.ts";
import { scoreInChunks } from "./scoreInChunks.ts";

const PREVIEW_ROWS = 10;

/** The file's name without its extension, plus "-predictions.csv". */
export function predictionsName(file: string): string {
  const base = file.replace(/\.[^.]*$/, "") || "data";
  return `${base}-predictions.csv`;
}

/** The first rows as the file has them (same rounding), for a look before downloading. */
function previewTable(out: RowPredictions): HTMLTableElement {
  const show = (x: number) => (Number.isFinite(x) ? String(Number(x.toPrecision(8))) : "");
  const proba = [...(out.proba ?? new Map<string, Float64Array>())];
  const n = Math.min(PREVIEW_ROWS, out.predictions.length);
  const rows = Array.from({ length: n }, (_, i) => {
    const p = out.predictions[i];
    return [typeof p === "number" ? show(p) : p, ...proba.map(([, v]) => show(v[i]))];
  });
  const header = ["prediction", ...proba.map(([label]) => `proba_${label}`)];
  return textTable(`First ${n} predictions`, header, rows);
}

/** The batch section: file input, status, download button and a preview of the first rows. */
export function batchScoring(pipeline: LoadedPipeline, showError: (msg: string) => void): HTMLElement {
  const input = el("input", { id: "csv-file", type: "file", accept: ".csv,.tsv,.txt,text/csv" });
  const status = el("p", { id: "batch-status", role: "status" }, "No file scored yet.");
  const download = el("button", { id: "download", type: "button", disabled: true }, "Download predictions");
  const preview = el("div", { id: "batch-preview" });
  let csv: string | null = null;
  let name = "predictions.csv";

  input.addEventListener("change", () => {
    const file = input.files?.[0];
    if (!file) return;
    csv = null;
    download.disabled = true;
    preview.replaceChildren();
    setText(status, `Reading ${file.name}...`);
    void (async () => {
      try {
        const { frame, report } = await readCsv(file.stream(), {
          totalBytes: file.size,
          onProgress: (p) =>
            setText(status, `Reading ${file.name}: ${Math.round((100 * p.done) / Math.max(1, p.total))}%`),
        });
        setText(status, `Scoring ${frame.rows} rows...`);
        await new Promise((r) => setTimeout(r, 0));
        const out = await scoreInChunks(pipeline, frame, (done, total) =>
          setText(status, `Scoring ${file.name}: ${Math.round((100 * done) / total)}%`),
        );
        csv = predictionsCsv(out);
        name = predictionsName(file.name);
        const problems = report.problems.length;
        setText(
          status,
          `Scored ${out.predictions.length} rows of ${file.name}${problems > 0 ? `; the reader noted ${problems} problem${problems === 1 ? "" : "s"}` : ""}.`,
        );
        preview.append(previewTable(out));
        download.disabled = false;
      } catch (err) {
        setText(status, "The file could not be scored.");
        showError((err as Error).message);
      }
    })();
  });

  download.addEventListener("click", () => {
    if (csv === null) return;
    const url = URL.createObjectURL(new Blob([csv], { type: "text/csv;charset=utf-8" }));
    const a = el("a", { href: url, download: name });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  });

  return el(
    "section",
    { "aria-labelledby": "batch-title" },
    el("h2", { id: "batch-title" }, "Score a CSV file"),
    el("label", { for: "csv-file" }, "CSV file with the input columns (extra columns are ignored)"),
    input,
    status,
    download,
    preview,
  );
}
