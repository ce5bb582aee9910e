import { describe, expect, it } from "vitest";
import { planLadder } from "../../../../../src/core/automl/ladder/ladderPlan.ts";
import { numpyPermutation } from "../../../../../src/core/eval/numpyShuffle.ts";
import { fixtureFrame } from "./helpers.ts";

describe("planLadder folds", () => {
  it("deals scikit-learn's KFold(k, shuffle=True, random_state=seed) folds when asked", async () => {
    const iris = await fixtureFrame("iris.csv");
    const plan = planLadder(iris, {
      target: "target",
      folds: 5,
      testSize: 0,
      seed: 3,
      split: { type: "kfold", shuffle: true, sklearn: true },
    });
    expect(plan.kind).toBe("kfold");
    // KFold cuts the shuffled indices into 5 runs of 30: fold f tests order[30 f .. 30 f + 29].
    const order = numpyPermutation(150, 3);
    plan.folds.forEach((f, i) => {
      expect(Array.from(f.test)).toEqual(order.slice(30 * i, 30 * i + 30).sort((a, b) => a - b));
      expect(f.train.length).toBe(120);
    });
    // A seed of the split's own (as Prepare sets it) is the random_state, over the run's.
    const own7 = planLadder(iris, {
      target: "target",
      folds: 5,
      testSize: 0,
      seed: 3,
      split: { type: "kfold", sklearn: true, seed: 7 },
    });
    expect(Array.from(own7.folds[0].test)).toEqual(
      numpyPermutation(150, 7)
        .slice(0, 30)
        .sort((a, b) => a - b),
    );
    // The app's own folds are stratified and differ.
    const own = planLadder(iris, { target: "target", folds: 5, testSize: 0, seed: 3 });
    expect(own.kind).toBe("stratified");
    expect(Array.from(own.folds[0].test)).not.toEqual(Array.from(plan.folds[0].test));
  });
});
