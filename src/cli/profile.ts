/**
 * `profile FILE [--target COLUMN] [--json]`: everything `inspect` shows, plus the EDA profile
 * (per-column statistics, alerts) and, with a target, the framing: task, metric and why.
 */
import type { CsvResult } from "../core/data/csvTypes.ts";
import type { ColumnProfile } from "../core/profile/columnStats.ts";
import { type FrameProfile, profileFrame } from "../core/profile/profileFrame.ts";
import { escapeControls, escapeJsonControls } from "../core/text/controlChars.ts";
import { toJson as inspectJson, toText as inspectText, shown, table } from "./inspect.ts";
import type { Io } from "./io.ts";
import { parseTableArgs, readTableFile, UNREADABLE } from "./readTable.ts";

export const PROFILE_HELP = `Usage: automl-playground profile FILE [--target COLUMN] [options]

Reads FILE, computes each column's statistics and the data alerts, and with --target says what
kind of problem predicting COLUMN is (regression, binary or multiclass classification), which
metric suits it, and why. Without --target the profile is for exploration only.

Options:
  --target COLUMN    the column to predict
  --json             print one JSON object: inspect's fields plus task, metric, reasons,
                     per-column stats and alerts
  --seed N           seed of the row sample behind correlations on large files (default 0)
  --delimiter D      use D instead of guessing: , ; | or tab
  --drop-ragged      drop rows with too few or too many fields
`;

export async function profile(args: string[], io: Io): Promise<number> {
  const parsed = parseTableArgs("profile", args, ["target", "seed"]);
  if (typeof parsed === "string") {
    io.err(parsed);
    return UNREADABLE;
  }
  const seed = parsed.values.seed === undefined ? 0 : Number(parsed.values.seed);
  if (!Number.isInteger(seed)) {
    io.err(`--seed must be a whole number (got "${parsed.values.seed}").`);
    return UNREADABLE;
  }
  const result = await readTableFile(parsed.file, parsed.options, io);
  if (typeof result === "number") return result;
  let prof: FrameProfile;
  try {
    prof = profileFrame(result.frame, { target: parsed.values.target ?? null, seed });
  } catch (err) {
    if ((err as Error | null)?.name !== "ValidationError") throw err;
    io.err((err as Error).message);
    return UNREADABLE;
  }
  io.out(
    parsed.json
      ? escapeJsonControls(JSON.stringify(toJson(result, prof), null, 2))
      : toText(parsed.file, result, prof),
  );
  return 0;
}

/** Statistics of one column without its chart data (histogram bins, time buckets). */
function stats(c: ColumnProfile) {
  const { name: _n, kind: _k, role: _r, ...rest } = c;
  const out: Record<string, unknown> = { ...rest };
  if (c.numeric) {
    const { histogram: _h, box, ...numeric } = c.numeric;
    out.numeric = { ...numeric, outliers: box.outliers };
  }
  if (c.datetime) {
    const { histogram: _h, ...datetime } = c.datetime;
    out.datetime = datetime;
  }
  return out;
}

/** The `--json` shape: inspect's keys, plus task, metric, reasons, per-column stats and alerts. */
export function toJson(result: CsvResult, prof: FrameProfile) {
  const base = inspectJson(result);
  return {
    ...base,
    columns: base.columns.map((c, i) => ({ ...c, stats: stats(prof.columns[i]) })),
    target: prof.framing?.target ?? null,
    task: prof.task,
    metric: prof.metric,
    reasons: prof.reasons,
    alerts: prof.alerts.map((a) => ({
      column: a.column,
      type: a.type,
      message: a.message,
      severity: a.severity,
    })),
    duplicates: { count: prof.duplicates.count, share: prof.duplicates.share },
    feasibility: prof.framing?.feasibility ?? null,
  };
}

const fmt = (x: number | null | undefined) =>
  x === null || x === undefined ? "" : String(Number(x.toPrecision(4)));

/**
 * The human-readable report: inspect's table, statistics of numeric columns, framing, alerts; names
 * and values from the file with control characters as visible escapes (see inspect's `toText`).
 */
export function toText(file: string, result: CsvResult, prof: FrameProfile): string {
  const lines = [inspectText(file, result), ""];
  const numeric = prof.columns.filter((c) => c.numeric);
  if (numeric.length > 0) {
    lines.push("Numeric columns:");
    const rows = [["column", "mean", "std", "min", "median", "max", "skew"]];
    for (const c of numeric) {
      const n = c.numeric!;
      rows.push([c.name, fmt(n.mean), fmt(n.std), fmt(n.min), fmt(n.median), fmt(n.max), fmt(n.skewness)]);
    }
    lines.push(...table(rows, [false, true, true, true, true, true, true]).map((l) => `  ${l}`));
    lines.push("");
  }
  if (prof.task) {
    lines.push(`Task: ${prof.task}; metric: ${prof.metric}.`);
    for (const r of prof.reasons) lines.push(`  - ${shown(r)}`);
    for (const w of prof.framing?.feasibility.warnings ?? []) lines.push(`  ! ${shown(w)}`);
  } else lines.push("No target: exploration only (use --target COLUMN to frame a prediction).");
  lines.push("", prof.alerts.length === 0 ? "No alerts." : `Alerts (${prof.alerts.length}):`);
  for (const a of prof.alerts) lines.push(`  [${a.type}] ${shown(a.message)}`);
  return escapeControls(lines.join("\n"));
}
