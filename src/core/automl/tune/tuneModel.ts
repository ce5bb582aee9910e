/**
 * A tuned model's cross-validation, nested: each outer fold searches its own training rows (inner
 * splits of them, see innerSplits.ts) and only its winner is refitted on those rows and scored on
 * the fold's validation rows. So the scores the leaderboard reports come from rows the search
 * never saw, as in scikit-learn's nested cross-validation. The refit on the whole training part
 * (which predicts the test part) takes the candidate the folds chose most often.
 */
import type { Frame } from "../../data/frame.ts";
import { isBetter, type MetricId } from "../../framing/metrics.ts";
import type { ModelParams, ModelSpec } from "../../models/registry.ts";
import { deriveSeed } from "../ladder/deriveSeed.ts";
import { FINAL_FOLD, type FoldJob, type FoldResult, foldJobs } from "../ladder/foldJob.ts";
import type { LadderPlan } from "../ladder/ladderPlan.ts";
import { meanStd } from "../ladder/leaderboard.ts";
import type { Rung } from "./halvingSchedule.ts";
import { INNER_CV_BELOW, INNER_FOLDS } from "./innerSplits.ts";
import { sampleCandidates } from "./sampleCandidates.ts";
import { type FoldSearchResult, HALVING_FACTOR, trialParams, tuneFold } from "./tuneFold.ts";
import type { ModelTuning, TuneTrial } from "./tuning.ts";

/** Whether a model is searched with `trials` candidates: it has a space, and it is not the baseline. */
export function isTuned(spec: ModelSpec, plan: LadderPlan, trials: number): boolean {
  // Group plans are not searched: an inner split would have to keep groups apart too.
  return (
    trials > 1 && spec.id !== "baseline" && plan.kind !== "group" && Object.keys(searchSpace(spec)).length > 0
  );
}

/** The space a model is searched over: its declared one, less a boosting-rounds param (the rungs set it). */
export function searchSpace(spec: ModelSpec) {
  const space = { ...(spec.paramSpace ?? {}) };
  if (spec.tuneRounds) delete space[spec.tuneRounds.param];
  return space;
}

/** What `tuneModel` needs: the ladder's frame, plan and executor, and the model. */
export interface ModelSearch {
  frame: Frame;
  plan: LadderPlan;
  spec: ModelSpec;
  params: ModelParams;
  trials: number;
  run: (job: FoldJob) => Promise<FoldResult>;
  signal?: AbortSignal;
  /** Each trial as it is scored, with its fold's rungs. */
  onTrial?: (trial: TuneTrial, rungs: Rung[]) => void;
  /** Each outer job (a fold's winner refitted and scored) as it finishes. */
  onFold?: (job: FoldJob, result: FoldResult) => void;
}

/** The winner's params of a search, ready for its refit (the rounds of its last rung included). */
const winnerParams = (s: ModelSearch, candidates: ModelParams[], out: FoldSearchResult) =>
  trialParams({ ...s, candidates }, out.chosen, out.rungs[out.rungs.length - 1]);

/** A model's candidates for a run: the same in every fold, from (seed, model). */
export function modelCandidates(s: Pick<ModelSearch, "plan" | "spec" | "trials">): ModelParams[] {
  return sampleCandidates(
    searchSpace(s.spec),
    s.trials,
    deriveSeed(s.plan.seed, s.spec.id, "candidates"),
    s.spec.tuneStarts,
  );
}

/**
 * Runs a model's nested search and its outer jobs: each fold's winner refitted on the fold's
 * training rows and scored on its validation rows, then (when the plan has a test part) the refit
 * on the whole training part with the folds' choice (`finalChoice`). Returns the outer results,
 * in the shape untuned jobs give, and the search as `ModelTuning`.
 */
export async function tuneModel(s: ModelSearch): Promise<{ results: FoldResult[]; tuning: ModelTuning }> {
  const { plan } = s;
  const candidates = modelCandidates(s);
  const template = foldJobs(plan, s.spec.id, s.params);
  const searches = new Array<FoldSearchResult>(plan.folds.length);
  const runOuter = async (job: FoldJob, params: ModelParams) => {
    const tuned = { ...job, params };
    const result = await s.run(tuned);
    s.onFold?.(tuned, result);
    return result;
  };
  const cv = template
    .filter((job) => job.fold !== FINAL_FOLD)
    .map(async (job) => {
      const out = await tuneFold({ ...s, candidates }, job.fold, plan.folds[job.fold].train);
      searches[job.fold] = out;
      return runOuter(job, winnerParams(s, candidates, out));
    });
  const results = await Promise.all(cv);
  const tuning = tuningOf(s, candidates, searches);
  const final = template.find((job) => job.fold === FINAL_FOLD);
  if (final) results.push(await runOuter(final, finalParamsOf(s, tuning)));
  return { results, tuning };
}

/**
 * The candidate the refit on the whole training part uses: the one most folds chose, ties to the
 * better mean of those folds' last-rung scores, then to the lower number. Every fold searched
 * training rows only, so the test part stays unseen, and no further search is needed.
 */
export function finalChoice(metric: MetricId, tuning: Pick<ModelTuning, "chosen" | "trials">): number {
  const votes = new Map<number, { n: number; sum: number }>();
  for (const [fold, c] of tuning.chosen.entries()) {
    const rung = Math.max(...tuning.trials.filter((t) => t.fold === fold).map((t) => t.rung));
    const score = tuning.trials.find((t) => t.fold === fold && t.rung === rung && t.candidate === c)?.score;
    const v = votes.get(c) ?? { n: 0, sum: 0 };
    votes.set(c, { n: v.n + 1, sum: v.sum + (score ?? Number.NaN) });
  }
  const order = [...votes.entries()].sort(([a, va], [b, vb]) => {
    if (va.n !== vb.n) return vb.n - va.n;
    const ma = va.sum / va.n;
    const mb = vb.sum / vb.n;
    if (Number.isFinite(ma) && Number.isFinite(mb) && ma !== mb) return isBetter(metric, ma, mb) ? -1 : 1;
    return a - b;
  });
  return order[0]?.[0] ?? 0;
}

/** The full params of a tuned model's refit on the whole training part. */
export function finalParamsOf(s: Pick<ModelSearch, "spec" | "params">, tuning: ModelTuning): ModelParams {
  const rungs = Object.values(tuning.rungs)[0] ?? [];
  const last = rungs[rungs.length - 1] ?? { candidates: 1, resources: 0 };
  return trialParams({ ...s, candidates: tuning.candidates }, tuning.final, last);
}

function tuningOf(s: ModelSearch, candidates: ModelParams[], searches: FoldSearchResult[]): ModelTuning {
  const rungs: Record<string, Rung[]> = {};
  for (const [i, f] of searches.entries()) rungs[String(i)] = f.rungs;
  const small = (s.plan.folds[0]?.train.length ?? 0) < INNER_CV_BELOW;
  const tuning: ModelTuning = {
    resource: s.spec.tuneRounds ? { param: s.spec.tuneRounds.param } : "rows",
    factor: HALVING_FACTOR,
    candidates,
    inner_folds: s.plan.timeOrdered || !small ? 1 : INNER_FOLDS,
    rungs,
    trials: searches.flatMap((f) => f.trials),
    chosen: searches.map((f) => f.chosen),
    final: 0,
    best_score: meanStd(searches.map((f) => f.bestScore)).mean,
    default_score: meanStd(searches.map((f) => f.defaultScore)).mean,
  };
  tuning.final = finalChoice(s.plan.metric, tuning);
  return tuning;
}
