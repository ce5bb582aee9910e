import type { ModelCard } from "../core/deploy/modelCard.ts";
import { type ModelFile, positiveClassOf } from "../core/deploy/modelFile.ts";
import { getMetric } from "../core/framing/metrics.ts";
import { TASK_LABELS } from "../core/framing/task.ts";
import { el, textTable } from "./dom.ts";

const score = (x: number | null) => (x === null ? "not measured" : x.toFixed(4));

/** A number as a person reads it (datetimes as ISO dates). */
export function showValue(x: number | undefined, kind: string): string {
  if (x === undefined) return "";
  if (kind === "datetime") return new Date(x).toISOString().replace("T00:00:00.000Z", "");
  return Number.isInteger(x) ? String(x) : String(Number(x.toPrecision(6)));
}

function inputRange(i: ModelCard["inputs"][number]): string {
  if (i.levels)
    return `${i.levels.length} level${i.levels.length === 1 ? "" : "s"}: ${i.levels.slice(0, 8).join(", ")}${i.levels.length > 8 ? ", ..." : ""}`;
  if (i.min !== undefined)
    return `${showValue(i.min, i.kind)} to ${showValue(i.max, i.kind)}, median ${showValue(i.median, i.kind)}`;
  return i.most_frequent !== undefined ? `most often "${i.most_frequent}"` : "";
}

/** The model card as a definition list and a table of inputs. */
export function cardView(file: ModelFile, notes: readonly string[]): HTMLElement {
  const card = file.card;
  const positive = positiveClassOf(file);
  let metric: string = card.metric;
  try {
    metric = getMetric(card.metric).label;
  } catch {
    // An unknown metric was refused when the file was read; keep the id.
  }
  const row = (term: string, value: string) => [el("dt", {}, term), el("dd", {}, value)];
  const scores = card.scores;
  return el(
    "section",
    { "aria-labelledby": "card-title" },
    el("h2", { id: "card-title" }, "Model card"),
    ...notes.map((n) => el("p", { class: "note" }, n)),
    el(
      "dl",
      {},
      ...row("Model", `${card.model.label} (${card.model.id})`),
      ...row("Task", TASK_LABELS[card.task] ?? card.task),
      ...row("Target", card.target),
      ...(card.classes ? row("Classes", card.classes.join(", ")) : []),
      // A binary file without one takes its second class (the reader's note says so).
      ...(positive ? row("Positive class", positive) : []),
      ...row("Metric", metric),
      ...row(
        "Cross-validated score",
        `${score(scores.cv_mean)}${scores.cv_std === null ? "" : ` ± ${scores.cv_std.toFixed(4)}`}`,
      ),
      ...row("Test score", score(scores.test)),
      ...row("How it was measured", scores.protocol),
      ...row("Training rows", card.training_rows > 0 ? String(card.training_rows) : "unknown"),
      ...row("Created", card.created),
      ...row("App version", card.app_version),
      ...row("Training data SHA-256", card.data_fingerprint ?? "unknown"),
      ...row("File SHA-256", file.sha256),
    ),
    textTable(
      "Input columns",
      ["Column", "Kind", "Seen in training", "Missing"],
      card.inputs.map((i) => [
        i.name,
        i.kind,
        inputRange(i),
        // A card without training rows (a bare pipeline file) knows no missing share.
        card.training_rows > 0 ? `${(100 * i.missing_share).toFixed(1)}%` : "unknown",
      ]),
    ),
  );
}
