/**
 * The rungs of successive halving, by scikit-learn's rules (HalvingRandomSearchCV, 1.2:
 * `BaseSuccessiveHalving._run_search`): the first rung tries every candidate on the fewest
 * resources, each later rung keeps the best ceil(n / factor) and gives them factor times the
 * resources, until fewer than `factor` candidates are left or the resources run out.
 */
import { ValidationError } from "../../errors.ts";

/** One rung: how many candidates it trains and on how much resource (rows, or boosting rounds). */
export interface Rung {
  candidates: number;
  resources: number;
}

/** What a schedule is made from; the names are scikit-learn's. */
export interface HalvingOptions {
  /** Candidates of the first rung (`n_candidates`). */
  candidates: number;
  /** The resource of a full fit (`max_resources`): the rows to learn from, or the most boosting rounds. */
  maxResources: number;
  /**
   * The fewest resources of a rung (`min_resources`): a number, or "exhaust" with this number as
   * the floor (scikit-learn's "smallest"), which starts as high as the last rung still allows.
   */
  minResources: number | { exhaust: number };
  /** Survivors are 1 / factor of a rung; resources grow by factor (default 3). */
  factor?: number;
  /** Rungs on the smallest resource until candidates are few enough (`aggressive_elimination`). */
  aggressive?: boolean;
}

/**
 * The rungs scikit-learn would run. Where the smallest resource exceeds the largest (scikit-learn
 * refuses), the schedule is one rung of every candidate on the full resource: small data is not
 * halved.
 */
export function halvingSchedule(opts: HalvingOptions): Rung[] {
  const factor = opts.factor ?? 3;
  const { candidates, maxResources } = opts;
  if (!(Number.isInteger(candidates) && candidates >= 1))
    throw new ValidationError(`invalid candidates: ${candidates}`);
  if (!(Number.isInteger(maxResources) && maxResources >= 1))
    throw new ValidationError(`invalid max resources: ${maxResources}`);
  if (!(factor > 1)) throw new ValidationError(`invalid halving factor: ${factor}`);
  const exhaust = typeof opts.minResources === "object";
  let minResources = exhaust
    ? (opts.minResources as { exhaust: number }).exhaust
    : (opts.minResources as number);
  if (!(minResources >= 1)) throw new ValidationError(`invalid min resources: ${minResources}`);
  // The number of rungs after which fewer than `factor` candidates are left.
  const required = 1 + Math.floor(logBase(candidates, factor));
  if (exhaust) minResources = Math.max(minResources, Math.floor(maxResources / factor ** (required - 1)));
  if (minResources > maxResources) return [{ candidates, resources: maxResources }];
  const possible = 1 + Math.floor(logBase(Math.floor(maxResources / minResources), factor));
  const n = opts.aggressive ? required : Math.min(possible, required);
  const rungs: Rung[] = [];
  let left = candidates;
  for (let i = 0; i < n; i++) {
    const power = opts.aggressive ? Math.max(0, i - required + possible) : i;
    const resources = Math.min(Math.floor(factor ** power * minResources), maxResources);
    rungs.push({ candidates: left, resources });
    left = Math.ceil(left / factor);
  }
  return rungs;
}

/** log_base(x), nudged so exact powers (log3 9 = 2) do not round down to 1.9999. */
function logBase(x: number, base: number): number {
  const v = Math.log(x) / Math.log(base);
  const r = Math.round(v);
  return Math.abs(v - r) < 1e-9 ? r : v;
}
