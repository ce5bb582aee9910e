import { describe, expect, it } from "vitest";
import { makeFoldPool } from "../../../src/cli/foldPool.ts";
import { type FoldResult, foldJobs } from "../../../src/core/automl/ladder/foldJob.ts";
import { planLadder } from "../../../src/core/automl/ladder/ladderPlan.ts";
import { runFoldJob } from "../../../src/core/automl/ladder/runFoldJob.ts";
import type { Frame } from "../../../src/core/data/frame.ts";
import { isNarrow } from "../../../src/core/data/narrowCodes.ts";
import { isScaled } from "../../../src/core/data/scaledFloats.ts";
import { makeRng } from "../../../src/core/random.ts";
import { frameOf } from "../core/prep/helpers.ts";

const timeless = ({ seconds: _, ...rest }: FoldResult) => rest;

/**
 * 8,000 rows x 6 columns (two threads' worth of cells): decimals of 0-4 places with missing
 * values, a category, a yes/no target with a few missing; one column (d) needs 8 bytes.
 */
function table(n: number): Frame {
  const rng = makeRng(7);
  const a = Array.from({ length: n }, () => Number((rng.next() * 4 - 2).toFixed(4)));
  const b = Array.from({ length: n }, () =>
    rng.next() < 0.05 ? Number.NaN : Number((rng.next() * 100).toFixed(1)),
  );
  const c = Array.from({ length: n }, () => rng.int(5));
  const d = Array.from({ length: n }, () => rng.next() * 3);
  const kind = Array.from({ length: n }, () => ["p", "q", "r"][rng.int(3)]);
  const label = a.map((v, i) =>
    i % 97 === 0
      ? null
      : v + b[i] / 50 - 1 + d[i] / 3 + (kind[i] === "q" ? 0.4 : 0) + rng.next() - 0.5 > 0
        ? "yes"
        : "no",
  );
  return frameOf({ a, b, c, d, kind, label });
}

// Threads start and train gbdt: generous time, so a busy machine is slow, not failing.
describe("the fold pool's compact table", { timeout: 300_000 }, () => {
  it("threads decode the shared compact columns to the same fold results as the plain table", async () => {
    const plain = table(8000);
    const frame = table(8000);
    const plan = planLadder(plain, { target: "label", folds: 3, seed: 2 });
    const jobs = [...foldJobs(plan, "gbdt"), ...foldJobs(plan, "logistic")];
    const pool = makeFoldPool(frame, 2);
    // Packed: every exact-decimal column and the codes; d (17 digits) stays Float64.
    const layout = (data: unknown) => (isScaled(data) ? "scaled" : isNarrow(data) ? "narrow" : "plain");
    expect(frame.columns.map((c) => [c.name, layout(c.data)])).toEqual([
      ["a", "scaled"],
      ["b", "scaled"],
      ["c", "scaled"],
      ["d", "plain"],
      ["kind", "narrow"],
      ["label", "narrow"],
    ]);
    const results = await Promise.all(jobs.map((job) => pool.runFold(job))).finally(() => pool.close());
    for (const [i, job] of jobs.entries()) {
      const want = timeless(await runFoldJob(plain, job));
      expect(timeless(results[i])).toEqual(want);
    }
    // And the plan from the scaled table is the same (target, strata, recipe proposal).
    expect(planLadder(frame, { target: "label", folds: 3, seed: 2 })).toEqual(plan);
  });
});
