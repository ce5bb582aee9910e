import { ValidationError } from "../../errors.ts";
import type { Task } from "../../framing/task.ts";
import type { Matrix, Target } from "../../models/estimator.ts";
import { makeRng } from "../../random.ts";
import { anovaF } from "./anovaF.ts";
import { type AutoCut, cutAbove, fdrCut, quantile, topK } from "./autoRules.ts";
import { chi2 } from "./chi2.ts";
import { l1Scores } from "./l1Scores.ts";
import { mutualInfo } from "./mutualInfo.ts";
import { permutationScores } from "./permutationScores.ts";
import { fitQuickModel, resolveModel } from "./quickModel.ts";
import { rfeScores } from "./rfe.ts";
import { METHOD_TASKS, type QuickModelId, SELECT_METHODS, type SelectMethod } from "./selectMethods.ts";
import { correlation, type TestScores, variances } from "./simpleScores.ts";
import { chi2Survival, fSurvival } from "./specialFunctions.ts";

/** Method-specific options of `scoreFeatures`; each has a documented default. */
export interface ScoreOptions {
  seed?: number;
  signal?: AbortSignal;
  /** rfe: "auto" (linear / logistic); tree_importance: "auto" (random_forest) or extra_trees; permutation: any, "auto" random_forest. */
  model?: QuickModelId | "auto";
  /** rfe: share of the remaining features dropped per round (default 0.2). */
  step?: number;
  /** mutual_info: neighbours (default 3). */
  neighbors?: number;
  /** l1: penalty on the mean loss, or "auto" (scaled lasso, see l1Scores). */
  alpha?: number | "auto";
  /** permutation: shuffles per feature (default 5) and held-out share (default 0.25). */
  repeats?: number;
  holdoutFraction?: number;
  /** Forest size for tree_importance and forest-based rfe / permutation (default 30). */
  trees?: number;
  /** random_probe: noise columns added (default: as many as features, 10 to 50), the method scoring them (default tree_importance), and the quantile of probe scores to beat (default 1: the best probe). */
  probes?: number;
  probeMethod?: Exclude<SelectMethod, "random_probe" | "variance_threshold">;
  probeQuantile?: number;
  /** anova_f / chi2 / correlation: false discovery rate of the auto rule (default 0.05). */
  fdr?: number;
}

/** Per-feature scores (higher = more useful) and the method's own selection ("auto"). */
export interface FeatureScores {
  method: SelectMethod;
  names: string[];
  /** Finite scores: NaN (a constant feature) reads 0, an infinite test statistic the largest float. */
  scores: number[];
  /** The tests' p-values (anova_f, chi2, correlation). */
  pValues?: number[];
  /** The auto rule's line on the score scale, and which features it keeps. */
  autoThreshold: number;
  autoKeep: boolean[];
  /** Probe scores (random_probe), for the chart. */
  probeScores?: number[];
}

const finite = (v: number) =>
  Number.isNaN(v) ? 0 : v === Infinity ? Number.MAX_VALUE : v === -Infinity ? -Number.MAX_VALUE : v;

function taskOf(y: Target | undefined): Task {
  if (!y?.classes) return "regression";
  return y.classes.length === 2 ? "binary" : "multiclass";
}

/** Shadow features as Boruta's (Kursa & Rudnicki 2010): seeded shuffles of the real columns, taken in turn. */
function withProbes(X: Matrix, count: number, seed: number): Matrix {
  const { rows: n, cols: p } = X;
  const q = p + count;
  const data = new Float64Array(n * q);
  const rng = makeRng(seed);
  for (let i = 0; i < n; i++) for (let j = 0; j < p; j++) data[i * q + j] = X.data[i * p + j];
  for (let t = 0; t < count; t++) {
    const src = t % p;
    const col = Float64Array.from({ length: n }, (_, i) => X.data[i * p + src]);
    for (let i = n - 1; i > 0; i--) {
      const k = rng.int(i + 1);
      [col[i], col[k]] = [col[k], col[i]];
    }
    for (let i = 0; i < n; i++) data[i * q + p + t] = col[i];
  }
  return {
    data,
    rows: n,
    cols: q,
    names: [...X.names, ...Array.from({ length: count }, (_, t) => `probe ${t + 1}`)],
  };
}

/** The target with its values shuffled (seeded): a version with no relation to any feature. */
function shuffled(y: Target, seed: number): Target {
  const values = Float64Array.from(y.values);
  const rng = makeRng(seed);
  for (let i = values.length - 1; i > 0; i--) {
    const k = rng.int(i + 1);
    [values[i], values[k]] = [values[k], values[i]];
  }
  return { ...y, values };
}

function testScores(method: "anova_f" | "chi2" | "correlation", X: Matrix, y: Target): TestScores {
  return method === "anova_f" ? anovaF(X, y) : method === "chi2" ? chi2(X, y) : correlation(X, y);
}

/**
 * Scores every column of X for predicting y (y may be absent for variance_threshold only). Pure and
 * seeded: the same input and seed give the same scores. Methods and their auto rules:
 * - anova_f, chi2 (classes; chi2 needs non-negative features), correlation (|Pearson r|; values or
 *   two classes): the test statistic; auto keeps features passing Benjamini-Hochberg at `fdr`.
 * - mutual_info: the k-nearest-neighbour estimate in nats (see mutualInfo.ts); auto keeps
 *   features above the 95th percentile of the estimates every feature gets against three
 *   shuffles of the target (the estimator's own noise on these rows; k = 3 is noisy).
 * - variance_threshold: the variance; auto keeps non-constant features.
 * - rfe: the elimination rank (see rfe.ts); auto keeps the better half (scikit-learn's default).
 * - tree_importance: a quick forest's impurity importances; auto keeps those at or above the
 *   mean (SelectFromModel's default for trees).
 * - l1: |coefficients| of the lasso / L1 logistic model; auto keeps the non-zero ones (> 1e-5).
 * - permutation: mean score drop on held-out rows; auto keeps drops above a twentieth of the
 *   largest and above the largest rise (a negative drop) any feature shows.
 * - random_probe: `probeMethod`'s scores with shuffled copies of the columns added; auto keeps
 *   features beating the `probeQuantile` of the probes' scores.
 */
export function scoreFeatures(
  X: Matrix,
  y: Target | undefined,
  method: SelectMethod,
  opts: ScoreOptions = {},
): FeatureScores {
  if (!SELECT_METHODS.includes(method))
    throw new ValidationError(`unknown selection method: ${String(method)}`);
  if (X.cols === 0) return { method, names: [], scores: [], autoThreshold: 0, autoKeep: [] };
  if (method === "variance_threshold") {
    const scores = Array.from(variances(X), finite);
    return { method, names: [...X.names], scores, ...asAuto(cutAbove(scores, 0)) };
  }
  if (!y) throw new ValidationError(`selection method ${method} needs a target`);
  if (y.values.length !== X.rows)
    throw new ValidationError(`invalid target: ${y.values.length} values for ${X.rows} rows`);
  const task = taskOf(y);
  if (!METHOD_TASKS[method].includes(task))
    throw new ValidationError(`selection method ${method} does not apply to ${task}`);
  const seed = opts.seed ?? 0;
  const fitOpts = { seed, trees: opts.trees };
  const p = X.cols;
  let raw: Float64Array;
  let cut: (scores: number[]) => AutoCut;
  let pValues: number[] | undefined;
  let probeScores: number[] | undefined;
  switch (method) {
    case "anova_f":
    case "chi2":
    case "correlation": {
      const t = testScores(method, X, y);
      raw = t.stat;
      pValues = Array.from(t.p, (v) => (Number.isNaN(v) ? 1 : v));
      const n = X.rows;
      const k = y.classes?.length ?? 2;
      const survival =
        method === "anova_f"
          ? (f: number) => fSurvival(f, k - 1, n - k)
          : method === "chi2"
            ? (x: number) => chi2Survival(x, k - 1)
            : (r: number) => (r >= 1 ? 0 : fSurvival((r * r * (n - 2)) / (1 - r * r), 1, n - 2));
      cut = (s) => fdrCut(s, pValues!, opts.fdr ?? 0.05, survival);
      break;
    }
    case "mutual_info": {
      raw = mutualInfo(X, y, { neighbors: opts.neighbors, seed });
      // The estimator's own noise on these rows: estimates against shuffled targets (three shuffles).
      const noise: number[] = [];
      for (let r = 1; r <= 3; r++)
        noise.push(...mutualInfo(X, shuffled(y, seed + r), { neighbors: opts.neighbors, seed }));
      const line = quantile(noise, 0.95);
      cut = (s) => cutAbove(s, line);
      break;
    }
    case "rfe": {
      const model = resolveModel(opts.model ?? "auto", task, "linear_family");
      raw = rfeScores(
        X,
        (sub) => fitQuickModel(model, sub, y, fitOpts).importances,
        opts.step ?? 0.2,
        opts.signal,
      );
      cut = (s) => topK(s, Math.ceil(p / 2));
      break;
    }
    case "tree_importance": {
      const model = resolveModel(opts.model ?? "auto", task, "random_forest");
      if (model !== "random_forest" && model !== "extra_trees")
        throw new ValidationError(`tree_importance needs a forest, not ${model}`);
      raw = fitQuickModel(model, X, y, fitOpts).importances;
      cut = (s) => cutAbove(s, 1 / p, true);
      break;
    }
    case "l1":
      raw = l1Scores(X, y, opts.alpha ?? "auto").scores;
      cut = (s) => cutAbove(s, 1e-5);
      break;
    case "permutation": {
      const model = resolveModel(opts.model ?? "auto", task, "random_forest");
      raw = permutationScores(X, y, (Xs, ys) => fitQuickModel(model, Xs, ys, fitOpts), {
        seed,
        repeats: opts.repeats,
        holdoutFraction: opts.holdoutFraction,
        signal: opts.signal,
      });
      // Shuffling a useless feature moves the score up as often as down: the largest rise seen
      // measures that noise, and a kept feature must cost more than it (and a twentieth of the best).
      cut = (s) => cutAbove(s, Math.max(0, Math.max(...s) / 20, -Math.min(...s)));
      break;
    }
    case "random_probe": {
      const count = opts.probes ?? Math.max(10, Math.min(p, 50));
      const inner = opts.probeMethod ?? "tree_importance";
      if ((inner as SelectMethod) === "random_probe")
        throw new ValidationError("random_probe cannot probe itself");
      const all = scoreFeatures(withProbes(X, count, seed + 7), y, inner, { ...opts, seed });
      raw = Float64Array.from(all.scores.slice(0, p));
      probeScores = all.scores.slice(p);
      const line = quantile(probeScores, opts.probeQuantile ?? 1);
      cut = (s) => cutAbove(s, line);
      break;
    }
  }
  const scores = Array.from(raw, finite);
  return { method, names: [...X.names], scores, pValues, probeScores, ...asAuto(cut(scores)) };
}

function asAuto(c: AutoCut) {
  return { autoThreshold: finite(c.threshold), autoKeep: c.keep };
}
