/**
 * The candidates of a model's search: the model's defaults first (the reference every trial is
 * compared with), then seeded draws from its declared space (meta.ts `paramSpace`), as
 * scikit-learn's ParameterSampler draws from distributions: ints and floats uniform, "log" ranges
 * uniform in log space, choices uniform. A family may name a few known-good starts (meta.ts
 * `tuneStarts`, as FLAML's and AutoGluon's portfolios): they come right after the defaults, so even
 * a small budget tries them. The same seed gives the same candidates everywhere.
 */
import { ValidationError } from "../../errors.ts";
import type { ModelParams, ParamRange, ParamSpace } from "../../models/registry.ts";
import { makeRng, type Rng } from "../../random.ts";

/** One value drawn from a range. */
export function drawValue(range: ParamRange, rng: Rng): string | number | boolean {
  switch (range.type) {
    case "choice":
      if (range.choices.length === 0) throw new ValidationError("invalid choices: none");
      return range.choices[rng.int(range.choices.length)];
    case "int": {
      const [lo, hi] = range.range;
      return lo + rng.int(hi - lo + 1);
    }
    case "float": {
      const [lo, hi] = range.range;
      return lo + rng.next() * (hi - lo);
    }
    case "log": {
      const [lo, hi] = range.range;
      if (!(lo > 0 && hi >= lo)) throw new ValidationError(`invalid log range: ${lo} to ${hi}`);
      return Math.exp(Math.log(lo) + rng.next() * (Math.log(hi) - Math.log(lo)));
    }
  }
}

/**
 * `count` candidates (at least 1): candidate 0 is `{}` (the defaults, with the run's own params),
 * then the `starts` that fit, then draws of every parameter of `space` in name order. Each
 * candidate holds only its own parameters; they go over the run's params and the model's defaults.
 * The draws do not depend on the starts' number, and a longer list starts with the shorter one.
 */
export function sampleCandidates(
  space: ParamSpace,
  count: number,
  seed: number,
  starts: readonly ModelParams[] = [],
): ModelParams[] {
  if (!(Number.isInteger(count) && count >= 1)) throw new ValidationError(`invalid candidates: ${count}`);
  const rng = makeRng(seed);
  const names = Object.keys(space).sort();
  const out: ModelParams[] = [{}, ...starts.slice(0, count - 1).map((s) => ({ ...s }))];
  while (out.length < count) {
    const candidate: ModelParams = {};
    for (const name of names) candidate[name] = drawValue(space[name], rng);
    out.push(candidate);
  }
  return out;
}
