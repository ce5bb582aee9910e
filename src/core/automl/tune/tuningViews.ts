/**
 * The data of the tuning views, from a model's stored search (`ModelTuning`): each candidate's
 * score on the first rung (every candidate trains there, on the same rows, so those scores compare),
 * how much of their spread each hyperparameter explains, and a two-parameter grid for a heatmap.
 */
import type { ModelParams, ParamRange, ParamSpace } from "../../models/registry.ts";
import type { ModelTuning } from "./tuning.ts";

/** A candidate with its full values of the searched params and its mean first-rung score over the folds. */
export interface CandidatePoint {
  candidate: number;
  values: Record<string, string | number | boolean>;
  score: number;
  /** Whether this candidate won at least one fold, and whether it is the refit's. */
  chosen: boolean;
  final: boolean;
}

/** How much of the candidates' score spread one param explains (η², 0..1). */
export interface ParamEffect {
  param: string;
  effect: number;
}

/** A heatmap cell: the two params' bins and the mean score of the candidates in it. */
export interface GridCell {
  x: string;
  y: string;
  score: number;
  count: number;
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/**
 * Each candidate's values (drawn, or the model's defaults for candidate 0 and for params a
 * candidate does not draw) and its mean first-rung score over the folds (NaN when it failed).
 */
export function candidatePoints(
  tuning: ModelTuning,
  space: ParamSpace,
  defaults: ModelParams,
): CandidatePoint[] {
  const names = Object.keys(space).sort();
  return tuning.candidates.map((drawn, c) => {
    const scores = tuning.trials.filter((t) => t.candidate === c && t.rung === 0).map((t) => t.score);
    const values: CandidatePoint["values"] = {};
    for (const name of names) {
      const v = name in drawn ? drawn[name] : defaults[name];
      values[name] =
        typeof v === "object" || v === undefined || v === null ? String(v) : (v as string | number | boolean);
    }
    return {
      candidate: c,
      values,
      score: scores.length > 0 && scores.every(Number.isFinite) ? mean(scores) : Number.NaN,
      chosen: tuning.chosen.includes(c),
      final: tuning.final === c,
    };
  });
}

/** The bin label of a value: its category, or one of `bins` equal-width bins (in log space for log ranges). */
export function binOf(range: ParamRange | undefined, value: unknown, bins = 3): string {
  if (!range || range.type === "choice" || typeof value !== "number") return String(value);
  const [lo, hi] = range.range;
  const f = range.type === "log" ? Math.log : (x: number) => x;
  const span = f(hi) - f(lo);
  const k = span > 0 ? Math.min(bins - 1, Math.max(0, Math.floor(((f(value) - f(lo)) / span) * bins))) : 0;
  const edge = (i: number) =>
    range.type === "log" ? Math.exp(f(lo) + (span * i) / bins) : lo + (span * i) / bins;
  const fmt = (x: number) =>
    range.type === "int" ? String(Math.round(x)) : Number(x.toPrecision(2)).toString();
  return `${fmt(edge(k))}–${fmt(edge(k + 1))}`;
}

/**
 * Params by how much of the candidates' score spread they explain, most first: η², the share of
 * the variance of the first-rung scores between the param's bins. With few candidates it is a
 * rough guide, which is all the views need it for (which two to draw as a heatmap).
 */
export function paramEffects(points: CandidatePoint[], space: ParamSpace): ParamEffect[] {
  const ok = points.filter((p) => Number.isFinite(p.score));
  const all = ok.map((p) => p.score);
  const m = all.length > 0 ? mean(all) : 0;
  const total = all.reduce((s, x) => s + (x - m) ** 2, 0);
  return Object.keys(space)
    .sort()
    .map((param) => {
      const groups = new Map<string, number[]>();
      for (const p of ok) {
        const key = binOf(space[param], p.values[param]);
        groups.set(key, [...(groups.get(key) ?? []), p.score]);
      }
      const between = [...groups.values()].reduce((s, g) => s + g.length * (mean(g) - m) ** 2, 0);
      return { param, effect: total > 0 ? between / total : 0 };
    })
    .sort((a, b) => b.effect - a.effect || a.param.localeCompare(b.param));
}

/** Mean score of the candidates in each (x bin, y bin) cell that has any. */
export function paramGrid(points: CandidatePoint[], space: ParamSpace, x: string, y: string): GridCell[] {
  const cells = new Map<string, { x: string; y: string; scores: number[] }>();
  for (const p of points) {
    if (!Number.isFinite(p.score)) continue;
    const bx = binOf(space[x], p.values[x]);
    const by = binOf(space[y], p.values[y]);
    const key = `${bx}\u0000${by}`;
    const cell = cells.get(key) ?? { x: bx, y: by, scores: [] };
    cell.scores.push(p.score);
    cells.set(key, cell);
  }
  return [...cells.values()].map((c) => ({ x: c.x, y: c.y, score: mean(c.scores), count: c.scores.length }));
}
