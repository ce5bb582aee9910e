import { describe, expect, it } from "vitest";
import { makeFoldPool } from "../../../src/cli/foldPool.ts";
import { type FoldResult, foldJobs } from "../../../src/core/automl/ladder/foldJob.ts";
import { planLadder } from "../../../src/core/automl/ladder/ladderPlan.ts";
import { runFoldJob } from "../../../src/core/automl/ladder/runFoldJob.ts";
import { makeRng } from "../../../src/core/random.ts";
import { frameOf } from "../core/prep/helpers.ts";

const timeless = ({ seconds: _, ...rest }: FoldResult) => rest;

function binaryFrame(n: number) {
  const rng = makeRng(3);
  const a = Array.from({ length: n }, () => rng.next() * 4 - 2);
  const b = Array.from({ length: n }, () => rng.next());
  return frameOf({ a, b, label: a.map((v, i) => (v + b[i] + rng.next() - 1 > 0 ? "yes" : "no")) });
}

describe("makeFoldPool's in-process models", () => {
  it("runs jobs started together one at a time: same results, each job's seconds its own", async () => {
    const frame = binaryFrame(300);
    const plan = planLadder(frame, { target: "label", folds: 5, seed: 1 });
    // A search's rung starts all its jobs at once: here two models' folds, three times over.
    const jobs = [1, 2, 3].flatMap(() => [...foldJobs(plan, "logistic"), ...foldJobs(plan, "naive_bayes")]);
    const pool = makeFoldPool(frame, 1);
    const t0 = performance.now();
    const results = await Promise.all(jobs.map((job) => pool.runFold(job))).finally(() => pool.close());
    const elapsed = (performance.now() - t0) / 1000;
    for (const [i, job] of jobs.entries())
      expect(timeless(results[i])).toEqual(timeless(await runFoldJob(frame, job)));
    // One at a time, the jobs' spans do not overlap, so they add up to at most the batch's span;
    // interleaved at their awaits, each spanned nearly the whole batch (the sum ~ jobs x span).
    const total = results.reduce((s, r) => s + r.seconds, 0);
    expect(total).toBeLessThanOrEqual(elapsed);
  });
});
