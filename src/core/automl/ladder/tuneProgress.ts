/**
 * The ladder's plumbing for tuned models: a gate that keeps jobs to the ladder's concurrency, and
 * the typed "trial" progress reports (the trial just scored, the best so far, the defaults).
 */
import { isBetter } from "../../framing/metrics.ts";
import type { ModelId } from "../../models/registry.ts";
import type { Rung } from "../tune/halvingSchedule.ts";
import type { TuneTrial } from "../tune/tuning.ts";
import type { LadderPlan } from "./ladderPlan.ts";
import type { LadderProgress } from "./ladderProgress.ts";

/** Runs at most `limit` tasks at once (Infinity: no limit), the rest in the order they came. */
export function makeGate(limit: number) {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async <T>(task: () => Promise<T>): Promise<T> => {
    if (running >= limit) await new Promise<void>((go) => waiting.push(go));
    running++;
    try {
      return await task();
    } finally {
      running--;
      waiting.shift()?.();
    }
  };
}

/** Trials a model's search runs at most with `candidates` (the defaults may add one per later rung). */
function trialsBound(rungs: Rung[]): number {
  return rungs.reduce((n, r, i) => n + r.candidates + (i > 0 ? 1 : 0), 0);
}

/**
 * A trial listener that turns each scored trial into a "trial" progress report: done counts the
 * model's trials, total bounds them (from the first fold's rungs, times the searches), and `best`
 * is the best score on the highest rung any fold has reached, beside the defaults' there.
 */
export function trialReporter(
  plan: LadderPlan,
  model: ModelId,
  candidates: number,
  report: (p: LadderProgress) => void,
) {
  let done = 0;
  let top = -1;
  let best = Number.NaN;
  let defaults = Number.NaN;
  const searches = plan.folds.length + (plan.test.length > 0 ? 1 : 0);
  return (trial: TuneTrial, rungs: Rung[]) => {
    done++;
    if (trial.rung > top) {
      top = trial.rung;
      best = Number.NaN;
      defaults = Number.NaN;
    }
    if (trial.rung === top && Number.isFinite(trial.score)) {
      if (!Number.isFinite(best) || isBetter(plan.metric, trial.score, best)) best = trial.score;
      if (trial.candidate === 0) defaults = trial.score;
    }
    report({
      phase: "trial",
      model,
      fold: trial.fold,
      folds: plan.folds.length,
      done,
      total: Math.max(done, trialsBound(rungs) * searches),
      message: `${model} · trial ${trial.candidate + 1} of ${candidates} · rung ${trial.rung + 1} of ${rungs.length}`,
      trial: {
        candidate: trial.candidate,
        rung: trial.rung,
        rungs: rungs.length,
        resources: trial.resources,
        score: trial.score,
        best,
        defaults,
      },
    });
  };
}
