/**
 * Successive halving over one set of training rows (an outer fold's, or the whole training
 * part's): every candidate trains on the first rung's resources and is scored on the inner
 * validation rows; the best third go on with three times the resources; the best of the last rung
 * wins. The trials are fold jobs, run on whatever executor the ladder has, so the search runs on
 * the worker pool; each decision waits for its whole rung and breaks ties by candidate number, so
 * the same seed gives the same trials and winner whatever the number of workers.
 */
import type { Frame } from "../../data/frame.ts";
import { getMetric, isBetter, type MetricId } from "../../framing/metrics.ts";
import type { ModelParams, ModelSpec } from "../../models/registry.ts";
import { makeRng } from "../../random.ts";
import { deriveSeed } from "../ladder/deriveSeed.ts";
import type { FoldJob, FoldResult } from "../ladder/foldJob.ts";
import type { LadderPlan } from "../ladder/ladderPlan.ts";
import { halvingSchedule, type Rung } from "./halvingSchedule.ts";
import { type InnerSplit, innerSplits } from "./innerSplits.ts";
import type { TuneTrial } from "./tuning.ts";

/** Halving's factor (scikit-learn's default). */
export const HALVING_FACTOR = 3;
/** The fewest training rows of a rung: fewer rank candidates by noise. */
export const MIN_RUNG_ROWS = 200;
/** The most training rows of a rung: a search ranks candidates on a sample of large tables (as FLAML
 * does), which keeps a tuned run within about twice an untuned one; the winner is refitted on all. */
export const MAX_RUNG_ROWS = 2000;

/**
 * How much a tuned candidate must beat the defaults by, on the inner score, to replace them:
 * scores bounded by 1 (accuracy, ROC AUC, R², ...) by this much; errors (log loss, RMSE, ...) by
 * this share of the defaults' error. The inner score is one holdout or a 3-fold split of a few
 * hundred rows, so a smaller edge is mostly the luck of those rows (churn: the search's winners beat
 * the defaults' inner score by 0.004 on average and lost to them on the outer folds).
 */
export const DEFAULTS_MARGIN = 0.005;

/** Whether `score` beats the defaults' `base` by more than DEFAULTS_MARGIN (see there). */
export function clearlyBetter(metric: MetricId, score: number, base: number): boolean {
  if (!Number.isFinite(base)) return Number.isFinite(score);
  if (!Number.isFinite(score)) return false;
  const bounded = getMetric(metric).max === 1;
  const margin = bounded ? DEFAULTS_MARGIN : DEFAULTS_MARGIN * Math.abs(base);
  return getMetric(metric).direction === "higher" ? score - base > margin : base - score > margin;
}

/** What one fold's search needs. */
export interface FoldSearch {
  frame: Frame;
  plan: LadderPlan;
  spec: ModelSpec;
  /** The run's params for the model; each candidate's drawn params go over them. */
  params: ModelParams;
  /** The candidates (see `sampleCandidates`); 0 is the defaults. */
  candidates: ModelParams[];
  /** Runs one job (already limited to the ladder's concurrency). */
  run: (job: FoldJob) => Promise<FoldResult>;
  signal?: AbortSignal;
  /** Each trial as it is scored. */
  onTrial?: (trial: TuneTrial, rungs: Rung[]) => void;
}

/** One fold's search: its rungs, its trials (in rung, candidate order) and the winner. */
export interface FoldSearchResult {
  rungs: Rung[];
  trials: TuneTrial[];
  chosen: number;
  /** The winner's and the defaults' scores on the last rung. */
  bestScore: number;
  defaultScore: number;
}

/** Candidates best first by score (NaN last), ties by candidate number (the defaults win a tie). */
export function rankCandidates(metric: MetricId, scores: Map<number, number>): number[] {
  return [...scores.keys()].sort((a, b) => {
    const sa = scores.get(a)!;
    const sb = scores.get(b)!;
    const fa = Number.isFinite(sa);
    const fb = Number.isFinite(sb);
    if (fa !== fb) return fa ? -1 : 1;
    if (fa && isBetter(metric, sa, sb)) return -1;
    if (fa && isBetter(metric, sb, sa)) return 1;
    return a - b;
  });
}

/** The full params of candidate `c` on a rung: the run's params, the draw, the rung's rounds. */
export function trialParams(s: Pick<FoldSearch, "spec" | "params" | "candidates">, c: number, rung: Rung) {
  const params: ModelParams = { ...s.params, ...s.candidates[c] };
  if (s.spec.tuneRounds) params[s.spec.tuneRounds.param] = rung.resources;
  return params;
}

/** The rows a rung learns from: the first `n` of a seeded order (the latest `n` in time order). */
function rungRows(split: InnerSplit, order: Int32Array | null, n: number): Int32Array {
  if (n >= split.train.length) return split.train;
  if (!order) return split.train.slice(split.train.length - n);
  return Int32Array.from(order.subarray(0, n)).sort();
}

/** A seeded order of an inner split's training rows (null for time order: the latest rows are kept). */
function rowOrder(split: InnerSplit, plan: LadderPlan, seed: number): Int32Array | null {
  if (plan.timeOrdered) return null;
  const order = Int32Array.from(split.train);
  const rng = makeRng(seed);
  for (let i = order.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    const t = order[i];
    order[i] = order[j];
    order[j] = t;
  }
  return order;
}

/** The rungs of a search over `trainRows` inner training rows (rows capped at MAX_RUNG_ROWS). */
export function searchRungs(spec: ModelSpec, candidates: number, trainRows: number): Rung[] {
  const rounds = spec.tuneRounds;
  return rounds
    ? halvingSchedule({
        candidates,
        maxResources: rounds.max,
        minResources: { exhaust: rounds.min },
        factor: HALVING_FACTOR,
      })
    : rowRungs(candidates, Math.min(trainRows, MAX_RUNG_ROWS));
}

/**
 * Rungs in rows. "exhaust" makes the last rung learn from every row, but under the floor of
 * MIN_RUNG_ROWS a small table gets fewer rungs that start at the floor, so the last one saw a
 * fraction of the rows (concrete's 549 inner rows: one rung of 200). Such rungs are scaled up
 * until the last one learns from all rows again: fewer rows rank candidates by their luck, and
 * favour whatever does well on little data (ridge's strongest penalties, the shallowest trees).
 */
function rowRungs(candidates: number, maxResources: number): Rung[] {
  const opts = { candidates, maxResources, factor: HALVING_FACTOR };
  const rungs = halvingSchedule({ ...opts, minResources: { exhaust: MIN_RUNG_ROWS } });
  if (rungs[rungs.length - 1].resources >= maxResources) return rungs;
  const start = Math.floor(maxResources / HALVING_FACTOR ** (rungs.length - 1));
  return halvingSchedule({ ...opts, minResources: start });
}

/**
 * Searches the candidates on `rows` (training rows of the outer fold `fold`; FINAL_FOLD for the
 * whole training part) and returns the winner. The defaults ride along to the last rung whatever
 * their rank, so the views can set the best trial beside them on the same rows and resources.
 */
export async function tuneFold(s: FoldSearch, fold: number, rows: Int32Array): Promise<FoldSearchResult> {
  const { plan, spec } = s;
  const splits = innerSplits(s.frame, plan, rows, deriveSeed(plan.seed, spec.id, "tune-split", fold));
  const orders = splits.map((sp, j) =>
    rowOrder(sp, plan, deriveSeed(plan.seed, spec.id, "tune-rows", fold, j)),
  );
  const smallest = Math.min(...splits.map((sp) => sp.train.length));
  const rungs = searchRungs(spec, s.candidates.length, smallest);
  const trials: TuneTrial[] = [];
  let alive = s.candidates.map((_, c) => c);
  let last = new Map<number, number>();
  for (const [r, rung] of rungs.entries()) {
    s.signal?.throwIfAborted();
    // Rounds-budgeted models learn from the same (capped) rows on every rung.
    const n = spec.tuneRounds ? MAX_RUNG_ROWS : rung.resources;
    const rows = splits.map((sp, j) => rungRows(sp, orders[j], n));
    const scored = await Promise.all(
      alive.map(async (c) => {
        const params = trialParams(s, c, rung);
        const results = await Promise.all(
          splits.map((sp, j) => s.run(trialJob(s, fold, rows[j], sp.validation, params, j))),
        );
        const scores = results.map((x) => x.score);
        const trial: TuneTrial = {
          candidate: c,
          fold,
          rung: r,
          resources: rung.resources,
          score: scores.some((x) => !Number.isFinite(x))
            ? Number.NaN
            : scores.reduce((a, b) => a + b, 0) / scores.length,
          seconds: results.reduce((a, x) => a + x.seconds, 0),
        };
        s.onTrial?.(trial, rungs);
        return trial;
      }),
    );
    trials.push(...scored);
    last = new Map(scored.map((t) => [t.candidate, t.score]));
    if (r < rungs.length - 1) {
      const keep = rankCandidates(plan.metric, last).slice(0, Math.ceil(alive.length / HALVING_FACTOR));
      if (!keep.includes(0)) keep.push(0);
      alive = keep.sort((a, b) => a - b);
    }
  }
  // The best of the last rung wins only when it clearly beats the defaults (which ride along).
  const ranked = rankCandidates(plan.metric, last);
  const chosen =
    last.has(0) && !clearlyBetter(plan.metric, last.get(ranked[0])!, last.get(0)!) ? 0 : ranked[0];
  return { rungs, trials, chosen, bestScore: last.get(chosen)!, defaultScore: last.get(0) ?? Number.NaN };
}

/** A trial as a fold job: plain data for the pool; seeded by fold and inner split, not candidate. */
function trialJob(
  s: FoldSearch,
  fold: number,
  train: Int32Array,
  validation: Int32Array,
  params: ModelParams,
  inner: number,
): FoldJob {
  const { plan } = s;
  return {
    model: s.spec.id,
    params,
    fold,
    folds: plan.folds.length,
    train,
    validation,
    recipe: plan.recipe,
    target: plan.target,
    task: plan.task,
    classes: plan.classes,
    metric: plan.metric,
    // The same seed for every candidate of a split: candidates differ by their params, not their luck.
    seed: deriveSeed(plan.seed, s.spec.id, "trial", fold, inner),
    trainScore: false,
    keepPipeline: false,
  };
}
