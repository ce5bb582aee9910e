import type { Frame } from "../../data/frame.ts";
import { ValidationError } from "../../errors.ts";
import { holdout } from "../../eval/kFold.ts";
import type { MetricId } from "../../framing/metrics.ts";
import type { Task } from "../../framing/task.ts";
import { fitRecipe } from "../../pipeline/fitRecipe.ts";
import { recipeForModel } from "../../pipeline/recipeForModel.ts";
import { toMatrix } from "../../pipeline/toMatrix.ts";
import { takeFrameRows } from "../../prep/columns.ts";
import { encodeTarget } from "../../prep/targetValues.ts";
import { capRows } from "../../profile/sample.ts";
import type { LongCallOptions } from "../../progress.ts";
import { deriveSeed } from "../ladder/deriveSeed.ts";
import type { LadderPlan } from "../ladder/ladderPlan.ts";
import { matrixOf } from "../ladder/predictIn.ts";

/** Most training-part rows the playground learns from and scores on (a seeded sample). */
export const BOUNDARY_MAX_ROWS = 5000;
/** Share of the sampled rows held out as the playground's validation rows. */
export const BOUNDARY_VALID_FRACTION = 0.25;

/** One prepared feature: its values on the playground's training and validation rows. */
export interface BoundaryFeature {
  name: string;
  train: Float64Array;
  valid: Float64Array;
  /** Smallest and largest finite value over both parts. */
  min: number;
  max: number;
  /** How well the feature alone separates the target (between / within variance, or r²), for defaults. */
  relevance: number;
}

/**
 * The rows the playground fits two columns of: a seeded sample of the plan's training part (the
 * test part stays unseen), split into training and validation rows, with the project's recipe
 * fitted on the training rows only and applied unchanged to the validation rows. Scaling steps
 * are left out so the axes read in the data's own units; models that want scaled inputs get
 * their two columns standardised inside the fit instead.
 */
export interface BoundaryData {
  task: Task;
  /** Classification: the plan's class labels; targets are indices into them. */
  classes: string[] | null;
  metric: MetricId;
  seed: number;
  features: BoundaryFeature[];
  /** Targets of the training rows (class indices or values). */
  yTrain: Float64Array;
  yValid: Float64Array;
  /** Recipe row weights of the training rows (class weights), or null. */
  weights: Float64Array | null;
}

/** Options of `prepareBoundaryData`. */
export interface BoundaryDataOptions extends LongCallOptions {
  maxRows?: number;
  validFraction?: number;
}

/** Between-class over total variance for classes, squared correlation for values; 0 when undefined. */
function relevanceOf(x: Float64Array, y: Float64Array, classes: number | null): number {
  let n = 0;
  let sx = 0;
  for (let i = 0; i < x.length; i++) {
    if (Number.isFinite(x[i]) && Number.isFinite(y[i])) {
      n++;
      sx += x[i];
    }
  }
  if (n < 3) return 0;
  const mx = sx / n;
  let total = 0;
  if (classes !== null) {
    const sum = new Float64Array(classes);
    const cnt = new Float64Array(classes);
    for (let i = 0; i < x.length; i++) {
      if (!Number.isFinite(x[i]) || !Number.isFinite(y[i])) continue;
      total += (x[i] - mx) ** 2;
      sum[y[i]] += x[i];
      cnt[y[i]]++;
    }
    let between = 0;
    for (let c = 0; c < classes; c++) if (cnt[c] > 0) between += cnt[c] * (sum[c] / cnt[c] - mx) ** 2;
    return total > 0 ? between / total : 0;
  }
  let sy = 0;
  for (let i = 0; i < x.length; i++) if (Number.isFinite(x[i]) && Number.isFinite(y[i])) sy += y[i];
  const my = sy / n;
  let sxy = 0;
  let syy = 0;
  for (let i = 0; i < x.length; i++) {
    if (!Number.isFinite(x[i]) || !Number.isFinite(y[i])) continue;
    sxy += (x[i] - mx) * (y[i] - my);
    total += (x[i] - mx) ** 2;
    syy += (y[i] - my) ** 2;
  }
  return total > 0 && syy > 0 ? (sxy * sxy) / (total * syy) : 0;
}

function column(data: Float32Array | Float64Array, rows: number, cols: number, j: number): Float64Array {
  const out = new Float64Array(rows);
  for (let i = 0; i < rows; i++) out[i] = data[i * cols + j];
  return out;
}

/** The playground's rows for a plan (see `BoundaryData`); ValidationError when too few rows. */
export function prepareBoundaryData(
  frame: Frame,
  plan: LadderPlan,
  opts: BoundaryDataOptions = {},
): BoundaryData {
  const seed = deriveSeed(plan.seed, "boundary");
  const rows = capRows(plan.train, opts.maxRows ?? BOUNDARY_MAX_ROWS, seed);
  if (rows.length < 4) throw new ValidationError(`too few rows for the playground: ${rows.length}`);
  const targetCol = frame.columns.find((c) => c.name === plan.target);
  if (!targetCol) throw new ValidationError(`no target column "${plan.target}"`);
  const labels = encodeTarget(targetCol, plan.task, plan.classes ?? undefined).values;
  const split = holdout(rows.length, {
    testFraction: opts.validFraction ?? BOUNDARY_VALID_FRACTION,
    seed,
    stratify: plan.classes ? Float64Array.from(rows, (r) => labels[r]) : undefined,
  });
  const trainRows = Int32Array.from(split.train, (p) => rows[p]);
  const validRows = Int32Array.from(split.test, (p) => rows[p]);
  const fit = fitRecipe(
    recipeForModel(plan.recipe, { needsScaling: false }),
    takeFrameRows(frame, trainRows),
    {
      target: plan.target,
      task: plan.task,
      seed,
      signal: opts.signal,
    },
  );
  if (!fit.y) throw new ValidationError(`no target "${plan.target}" to train on`);
  const own = fit.fitted.classes;
  // The recipe's own class order may differ from the plan's (or lack a class): move to the plan's.
  const map = own && plan.classes ? own.map((c) => plan.classes!.indexOf(c)) : null;
  const yTrain = map ? Float64Array.from(fit.y.values, (c) => map[c]) : Float64Array.from(fit.y.values);
  const Xt = toMatrix(fit.frame, { names: fit.fitted.features });
  const Xv = matrixOf(fit.fitted, takeFrameRows(frame, validRows), opts.signal);
  const yValid = Float64Array.from(validRows, (r) => labels[r]);
  const k = plan.classes?.length ?? null;
  const features: BoundaryFeature[] = fit.fitted.features.map((name, j) => {
    const train = column(Xt.data, Xt.rows, Xt.cols, j);
    const valid = column(Xv.data, Xv.rows, Xv.cols, j);
    let min = Number.POSITIVE_INFINITY;
    let max = Number.NEGATIVE_INFINITY;
    for (const part of [train, valid]) {
      for (const v of part) {
        if (v < min) min = v;
        if (v > max) max = v;
      }
    }
    return { name, train, valid, min, max, relevance: relevanceOf(train, yTrain, k) };
  });
  if (features.length === 0) throw new ValidationError("the recipe leaves no feature columns");
  return {
    task: plan.task,
    classes: plan.classes,
    metric: plan.metric,
    seed,
    features,
    yTrain,
    yValid,
    weights: fit.weights,
  };
}

/** The two most relevant features (by `relevance`), as the playground's starting axes. */
export function defaultAxes(data: Pick<BoundaryData, "features">): [string, string] {
  const usable = data.features.filter((f) => f.max > f.min);
  const ranked = [...(usable.length >= 2 ? usable : data.features)].sort(
    (a, b) => b.relevance - a.relevance || data.features.indexOf(a) - data.features.indexOf(b),
  );
  const first = ranked[0].name;
  return [first, ranked[1]?.name ?? first];
}
