/**
 * Chart specs of the tuning views (pure functions of a model's stored search, tested in Node):
 * score by trial, score against one hyperparameter, and a heatmap of the two that matter most.
 */
import * as Plot from "@observablehq/plot";
import type { ModelTuning } from "../../core/automl/tune/tuning.ts";
import type { CandidatePoint, GridCell } from "../../core/automl/tune/tuningViews.ts";
import { isBetter, type MetricId } from "../../core/framing/metrics.ts";
import type { ParamRange } from "../../core/models/registry.ts";
import { formatNumber } from "../charts/formatNumber.ts";
import { COLORS, extent, NO_DATA, numberTicks } from "../charts/specs/axis.ts";

const RUNG_COLORS = [COLORS.other, COLORS.accent, COLORS.trend, COLORS.bar, COLORS.muted];

const empty = (ariaLabel: string, width?: number): Plot.PlotOptions => ({
  width,
  height: 80,
  ariaLabel,
  ariaDescription: NO_DATA,
  marks: [Plot.text([NO_DATA], { frameAnchor: "middle" })],
});

/** One dot per trial in the search's order (fold, rung, candidate), coloured by rung; the defaults as rings. */
export function trialsSpec(
  tuning: ModelTuning,
  opts: { metric: MetricId; metricLabel: string; width?: number },
): Plot.PlotOptions {
  const ariaLabel = `${opts.metricLabel} of each tuning trial`;
  const points = tuning.trials
    .map((t, i) => ({ ...t, trial: i + 1, rungName: `rung ${t.rung + 1}`, defaults: t.candidate === 0 }))
    .filter((t) => Number.isFinite(t.score));
  if (points.length === 0) return empty(ariaLabel, opts.width);
  const rungs = [...new Set(points.map((p) => p.rungName))].sort();
  const best = points.reduce((b, p) => (isBetter(opts.metric, p.score, b.score) ? p : b), points[0]);
  const [y0, y1] = extent(points.map((p) => p.score));
  return {
    width: opts.width,
    height: 260,
    marginLeft: 56,
    ariaLabel,
    ariaDescription: `${points.length} trials over ${Object.keys(tuning.rungs).length} folds, ${rungs.length} rung${rungs.length > 1 ? "s" : ""} each; the best inner score is ${formatNumber(best.score)}. Rings are the model's defaults.`,
    x: { label: "Trial", grid: false },
    y: { label: `Inner ${opts.metricLabel}`, grid: true, ...numberTicks(y0, y1) },
    color: { type: "ordinal", domain: rungs, range: RUNG_COLORS.slice(0, rungs.length), legend: true },
    marks: [
      Plot.dot(
        points.filter((p) => !p.defaults),
        { x: "trial", y: "score", fill: "rungName", r: 3.5, tip: true, title: trialTitle },
      ),
      Plot.dot(
        points.filter((p) => p.defaults),
        { x: "trial", y: "score", stroke: "rungName", strokeWidth: 2, r: 5, tip: true, title: trialTitle },
      ),
    ],
  };
}

function trialTitle(t: { candidate: number; fold: number; rung: number; resources: number; score: number }) {
  const who = t.candidate === 0 ? "defaults" : `candidate ${t.candidate}`;
  return `${who}, fold ${t.fold + 1}, rung ${t.rung + 1} (${formatNumber(t.resources)})\nscore ${formatNumber(t.score)}`;
}

/** First-rung scores of the candidates against one hyperparameter (log axis for log ranges); the refit's candidate filled. */
export function paramSpec(
  points: CandidatePoint[],
  param: string,
  range: ParamRange | undefined,
  opts: { metricLabel: string; width?: number },
): Plot.PlotOptions {
  const ariaLabel = `${opts.metricLabel} against ${param}`;
  const ok = points.filter((p) => Number.isFinite(p.score));
  if (ok.length === 0) return empty(ariaLabel, opts.width);
  const data = ok.map((p) => ({
    v: p.values[param],
    score: p.score,
    kind: p.final ? "refit's choice" : p.candidate === 0 ? "defaults" : "candidate",
  }));
  const numeric =
    range !== undefined && range.type !== "choice" && data.every((d) => typeof d.v === "number");
  const [y0, y1] = extent(data.map((d) => d.score));
  const x: Plot.ScaleOptions = numeric
    ? { label: param, type: range?.type === "log" ? "log" : "linear", grid: true }
    : { label: param, type: "point", domain: [...new Set(data.map((d) => String(d.v)))] };
  return {
    width: opts.width,
    height: 200,
    marginLeft: 56,
    marginBottom: 40,
    ariaLabel,
    ariaDescription: `Each candidate's mean first-rung score against its ${param}.`,
    x,
    y: { label: `Inner ${opts.metricLabel}`, grid: true, ...numberTicks(y0, y1) },
    color: {
      type: "ordinal",
      domain: ["candidate", "defaults", "refit's choice"],
      range: [COLORS.other, COLORS.muted, COLORS.trend],
    },
    marks: [
      Plot.dot(
        data.map((d) => ({ ...d, v: numeric ? d.v : String(d.v) })),
        { x: "v", y: "score", fill: "kind", r: 4, tip: true },
      ),
    ],
  };
}

/** Mean first-rung score in each pair of bins of the two params that explain the most. */
export function gridSpec(
  cells: GridCell[],
  x: string,
  y: string,
  opts: { metric: MetricId; metricLabel: string; width?: number },
): Plot.PlotOptions {
  const ariaLabel = `${opts.metricLabel} by ${x} and ${y}`;
  if (cells.length === 0) return empty(ariaLabel, opts.width);
  const best = cells.reduce((b, c) => (isBetter(opts.metric, c.score, b.score) ? c : b), cells[0]);
  const [lo, hi] = extent(cells.map((c) => c.score));
  const higher = isBetter(opts.metric, 1, 0);
  return {
    width: opts.width,
    height: 240,
    marginLeft: 90,
    marginBottom: 44,
    ariaLabel,
    ariaDescription: `Mean inner score of the candidates in each cell; the best cell is ${x} ${best.x}, ${y} ${best.y} (${formatNumber(best.score)}).`,
    x: { label: x, type: "band", domain: [...new Set(cells.map((c) => c.x))].sort(bandOrder) },
    y: { label: y, type: "band", domain: [...new Set(cells.map((c) => c.y))].sort(bandOrder) },
    // Darker is better, whichever way the metric points.
    color: {
      type: "linear",
      scheme: "blues",
      reverse: !higher,
      domain: [lo, hi],
      legend: true,
      label: `Inner ${opts.metricLabel}`,
    },
    marks: [
      Plot.cell(cells, { x: "x", y: "y", fill: "score", inset: 1, tip: true }),
      Plot.text(cells, {
        x: "x",
        y: "y",
        text: (c: GridCell) => `${formatNumber(c.score)} (${c.count})`,
        fill: (c: GridCell) => ((higher ? c.score - lo : hi - c.score) > (hi - lo) / 2 ? "white" : "black"),
      }),
    ],
  };
}

/** Bins "10–20" in numeric order, categories alphabetically. */
function bandOrder(a: string, b: string): number {
  const na = Number.parseFloat(a);
  const nb = Number.parseFloat(b);
  return Number.isFinite(na) && Number.isFinite(nb) ? na - nb : a.localeCompare(b);
}
