/**
 * The Deploy phase's decisions and views as pure functions: what the registry looks like after a
 * load or a change, which badges a version wears, the rows of the side-by-side comparison, the
 * one-row form's defaults and the sentences about an import or a scored file. No Solid, no
 * storage, no worker here: `deployStore.ts` holds the state and applies these.
 */
import type { ModelCard, ModelCardInput } from "../../core/deploy/modelCard.ts";
import { METRICS, type MetricId } from "../../core/framing/metrics.ts";
import { getStepInfo, hasStep } from "../../core/pipeline/stepCatalogue.ts";
import type { Progress } from "../../core/progress.ts";
import type { RegistryView } from "../../persist/registry.ts";
import { formatBytes } from "../../persist/storage.ts";
import type { ModelVersion, RegistryRecord } from "../../persist/types.ts";
import { formatNumber } from "../charts/formatNumber.ts";
import { errorMessage } from "../shared/errorMessage.ts";
import { formatInt, plural } from "../shared/format.ts";

export interface DeployState {
  projectId: string | null;
  /** Oldest first. */
  versions: ModelVersion[];
  registry: RegistryRecord | null;
  /** The version whose card and predictor are open. */
  selected: string | null;
  loading: boolean;
  /** What is being done right now ("Importing", "Promoting v2"), null when idle. */
  busy: string | null;
  error: string | null;
  /** Why the last import was refused, in one sentence; nothing was stored. */
  importError: string | null;
  /** What to know about the last import that was stored (a bare pipeline file, a migrated format). */
  importNotes: string[];
}

export function makeDeployState(): DeployState {
  return {
    projectId: null,
    versions: [],
    registry: null,
    selected: null,
    loading: false,
    busy: null,
    error: null,
    importError: null,
    importNotes: [],
  };
}

/**
 * The state after the registry was read: the open version stays open while it exists, else the
 * champion (or the newest version) opens. `prefer` opens a version just added.
 */
export function withView(state: DeployState, view: RegistryView, prefer?: string): DeployState {
  const ids = new Set(view.versions.map((v) => v.id));
  const keep =
    prefer && ids.has(prefer) ? prefer : state.selected && ids.has(state.selected) ? state.selected : null;
  return {
    ...state,
    versions: view.versions,
    registry: view.registry,
    selected: keep ?? view.registry.champion ?? view.versions.at(-1)?.id ?? null,
    loading: false,
  };
}

/** "v3". */
export const versionName = (v: Pick<ModelVersion, "number">) => `v${v.number}`;

/** The aliases a version carries. */
export function badgesOf(registry: RegistryRecord | null, id: string): ("champion" | "challenger")[] {
  if (!registry) return [];
  const out: ("champion" | "challenger")[] = [];
  if (registry.champion === id) out.push("champion");
  if (registry.challenger === id) out.push("challenger");
  return out;
}

/** True when there is an earlier champion to roll back to. */
export const canRollBack = (registry: RegistryRecord | null) => (registry?.previousChampions.length ?? 0) > 0;

/** The sentence shown for a refused import: the file's name and what is wrong with it. */
export function importRefusal(fileName: string, err: unknown): string {
  const why = errorMessage(err).replace(/\.$/, "");
  return `"${fileName}" was not imported: ${why}. Nothing was stored.`;
}

/** "data-3f9a1c2b": a short form of a fingerprint for people (the full one is in the tooltip). */
export const shortFingerprint = (hex: string) => (hex ? hex.slice(0, 12) : "unknown");

const metricLabel = (id: MetricId) => METRICS[id]?.label ?? id;

const score = (mean: number | null, std: number | null) =>
  mean === null ? "–" : std === null ? formatNumber(mean) : `${formatNumber(mean)} ± ${formatNumber(std)}`;

/** One row of the comparison: a label and one cell per version, in version order. */
export interface CompareRow {
  key: string;
  label: string;
  cells: string[];
  /** Cells that differ from the first version's (data fingerprint, settings). */
  differs?: boolean[];
}

function settingsText(v: ModelVersion): string {
  if (v.source.kind !== "run") return "–";
  const { split } = v.source.settings;
  const test = split.testFraction > 0 ? `${Math.round(split.testFraction * 100)}% test` : "no test part";
  return `${split.folds} folds · ${test} · ${split.type.replace(/_/g, " ")} · seed ${split.seed}`;
}

function recipeText(v: ModelVersion): string {
  if (v.recipeSteps.length === 0) return "none";
  return v.recipeSteps.map((t) => (hasStep(t) ? getStepInfo(t).label : t)).join(" → ");
}

/** The rows of the side-by-side comparison of `versions`. */
export function compareRows(versions: readonly ModelVersion[], bytes: (n: number) => string): CompareRow[] {
  const metric = versions[0]?.metrics.metric;
  const sameMetric = versions.every((v) => v.metrics.metric === metric);
  const testOf = (v: ModelVersion) => v.metrics.test[v.metrics.metric];
  const rows: CompareRow[] = [
    { key: "model", label: "Model", cells: versions.map((v) => v.label) },
    {
      key: "source",
      label: "From",
      cells: versions.map((v) =>
        v.source.kind === "run" ? `run, ${v.source.modelId}` : `imported ${v.source.fileName}`,
      ),
    },
    {
      key: "cv",
      label: sameMetric && metric ? `CV ${metricLabel(metric)}` : "CV score",
      cells: versions.map(
        (v) =>
          `${score(v.metrics.cv_mean, v.metrics.cv_std)}${sameMetric ? "" : ` (${metricLabel(v.metrics.metric)})`}`,
      ),
    },
    {
      key: "test",
      label: sameMetric && metric ? `Test ${metricLabel(metric)}` : "Test score",
      cells: versions.map((v) => {
        const t = testOf(v);
        return t === undefined ? "–" : formatNumber(t);
      }),
    },
    { key: "protocol", label: "Measured by", cells: versions.map((v) => v.card.scores.protocol) },
    { key: "settings", label: "Settings", cells: versions.map(settingsText) },
    { key: "recipe", label: "Recipe", cells: versions.map(recipeText) },
    { key: "data", label: "Training data", cells: versions.map((v) => shortFingerprint(v.dataFingerprint)) },
    { key: "rows", label: "Training rows", cells: versions.map((v) => formatInt(v.card.training_rows)) },
    { key: "size", label: "Size", cells: versions.map((v) => bytes(v.sizeBytes)) },
  ];
  for (const key of ["settings", "data"]) {
    const row = rows.find((r) => r.key === key)!;
    row.differs = row.cells.map((c) => c !== row.cells[0]);
  }
  return rows;
}

/** True when every version was trained on the same rows, so their scores compare like for like. */
export const sameData = (versions: readonly ModelVersion[]) =>
  versions.length > 1 &&
  versions.every((v) => v.dataFingerprint && v.dataFingerprint === versions[0].dataFingerprint);

/** The one-row form's starting value of an input: training's median or most frequent value. */
export function inputDefault(input: ModelCardInput): string {
  if (input.kind === "categorical" || input.kind === "text")
    return input.most_frequent ?? input.levels?.[0] ?? "";
  if (input.median === undefined) return "";
  if (input.kind === "datetime") return new Date(input.median).toISOString().slice(0, 10);
  if (input.kind === "boolean") return input.median >= 0.5 ? "1" : "0";
  return String(Number(input.median.toPrecision(6)));
}

/** Every input's default, by column name (a Map: a column may be called "__proto__"). */
export function formDefaults(card: ModelCard): Map<string, string> {
  return new Map(card.inputs.map((i) => [i.name, inputDefault(i)]));
}

/** "12 to 48 (median 31)", "Dream, Biscoe, Torgersen", for the form's hints and the card. */
export function inputRange(input: ModelCardInput): string {
  if (input.levels) {
    const shown = input.levels.slice(0, 8).join(", ");
    return input.levels.length > 8 ? `${shown} and ${input.levels.length - 8} more` : shown;
  }
  if (input.min === undefined || input.max === undefined) return "–";
  // Plain digits: a year reads "2007", not "2,007".
  const f = (x: number) =>
    input.kind === "datetime" ? new Date(x).toISOString().slice(0, 10) : String(Number(x.toPrecision(6)));
  const median = input.median === undefined ? "" : ` (median ${f(input.median)})`;
  return `${f(input.min)} to ${f(input.max)}${median}`;
}

/** A scored file's oddities in sentences: unseen categories, rows not scored, columns ignored. */
export function batchNotes(r: {
  rows: number;
  failedCount: number;
  failed: { row: number; reason: string }[];
  dropped: number;
  unseen: { column: string; rows: number; examples: string[] }[];
  columns: { extra: string[]; reordered: boolean };
}): string[] {
  const notes: string[] = [];
  for (const u of r.unseen) {
    notes.push(
      `${plural(u.rows, "row")} of "${u.column}" hold categories the model never saw (${u.examples.join(", ")}); they are encoded as unknown.`,
    );
  }
  if (r.failedCount > 0) {
    const listed = r.failed.map((f) => f.row).join(", ");
    const more =
      r.failedCount > r.failed.length ? ` and ${formatInt(r.failedCount - r.failed.length)} more` : "";
    notes.push(`${plural(r.failedCount, "row")} could not be scored: row ${listed}${more}.`);
  }
  if (r.dropped > 0)
    notes.push(`${plural(r.dropped, "row")} of the file could not be read and were left out.`);
  if (r.columns.extra.length > 0)
    notes.push(
      `Ignored ${plural(r.columns.extra.length, "column")} the model does not use: ${r.columns.extra.join(", ")}.`,
    );
  if (r.columns.reordered)
    notes.push("The columns come in another order than in training; they were matched by name.");
  return notes;
}

/** A name made safe for any file system: word characters, dots and dashes, at most 60. */
const fileSafe = (name: string) =>
  name
    .normalize("NFKD")
    .replace(/[^\w.-]+/g, "-")
    .replace(/^[-.]+|-+$/g, "")
    .slice(0, 60);

/** The download name of a version's model file: "<project>-v3.json" with the name made file-safe. */
export function exportFileName(
  projectName: string,
  version: Pick<ModelVersion, "number">,
  ext = "json",
): string {
  return `${fileSafe(projectName) || "model"}-v${version.number}.${ext}`;
}

/** "new rows.csv" -> "new-rows-predictions.csv". */
export function predictionsFileName(csvName: string): string {
  return `${fileSafe(csvName.replace(/\.(csv|tsv|txt)$/i, "")) || "data"}-predictions.csv`;
}

/** "Reading 12 MB of 80 MB", "Scored 200,000 of 1,000,000 rows". */
export function scoreProgressText(p: Progress | null): string {
  if (!p) return "Starting…";
  if (p.phase === "score") return `Scored ${formatInt(p.done)} of ${plural(p.total, "row")}`;
  if (p.phase === "read")
    return p.total > 0
      ? `Reading ${formatBytes(p.done)} of ${formatBytes(p.total)}`
      : `Reading ${formatBytes(p.done)}`;
  return p.message ?? "Working…";
}

const SCALES: Record<string, string> = {
  log_odds: "log-odds",
  probability: "probability",
  value: "predicted value",
};

/**
 * "Top reasons, in log-odds of Gentoo, against training's average answer:". Tree models are
 * explained exactly against what training predicts on average; others against a typical row.
 */
export function reasonsCaption(r: { scale: string; method: string; class: string | null }): string {
  const scale = SCALES[r.scale] ?? r.scale;
  const of = r.class === null ? scale : `${scale} of ${r.class}`;
  const against =
    r.method === "tree"
      ? "training's average answer"
      : "a typical row (training's medians and most frequent values)";
  return `Top reasons, in ${of}, against ${against}:`;
}
