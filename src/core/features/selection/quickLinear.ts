import type { Estimator, Matrix, Target } from "../../models/estimator.ts";
import { capability, fitNow, getSyncModel as getModel } from "../../models/syncModels.ts";
import { columnMoments } from "./simpleScores.ts";

/**
 * Small linear fits for feature scoring, through the registry's own models on features
 * standardised over the fitted rows (so coefficient sizes compare across features): ridge
 * ("linear") or the lasso for values, logistic regression with an L2 or L1 penalty for classes.
 * The penalty `strength` is on the mean loss (1/2 ||beta||² or ||beta||_1 times strength), the
 * intercept never penalised; "default" is scikit-learn's default (ridge alpha = 1, C = 1).
 */
export interface LinearFit {
  /** Largest |coefficient| over the classes, per feature (standardised scale). */
  importances: Float64Array;
  /** Class probabilities (rows x classes), or the values for regression. */
  predictRaw(X: Matrix): Float64Array;
}

/** Penalty kind and strength (on the mean loss) of a quick linear fit. */
export interface LinearOptions {
  penalty: "l2" | "l1";
  strength: number | "default";
}

/** Scales columns to mean 0, sd 1 over the fitted rows; constant columns become 0. */
function standardiser(X: Matrix) {
  const p = X.cols;
  const moments = Array.from({ length: p }, (_, j) => columnMoments(X, j));
  const mean = moments.map((m) => m.mean);
  const scale = moments.map((m) => (m.variance > 0 ? 1 / Math.sqrt(m.variance) : 0));
  return (M: Matrix): Matrix => {
    const out = new Float64Array(M.rows * p);
    for (let i = 0; i < M.rows; i++)
      for (let j = 0; j < p; j++) out[i * p + j] = (M.data[i * p + j] - mean[j]) * scale[j];
    return { data: out, rows: M.rows, cols: p, names: M.names };
  };
}

/**
 * The registry model and params for a penalty: a strength s on the mean loss is alpha = s * n for
 * ridge (which penalises the summed loss), alpha = s for the lasso, C = 1 / (s * n) for logistic
 * regression; L-BFGS runs 200 iterations to 1e-5, FISTA 1000 steps to 1e-6.
 */
function modelFor(classes: boolean, opts: LinearOptions, n: number): Estimator {
  const s = opts.strength;
  if (!classes) {
    if (opts.penalty === "l2") return getModel("linear").create({ alpha: s === "default" ? 1 : s * n });
    return getModel("lasso").create({ alpha: s === "default" ? 1 : s, max_iter: 1000, tol: 1e-6 });
  }
  const C = s === "default" ? 1 : 1 / (s * n);
  return opts.penalty === "l2"
    ? getModel("logistic").create({ C, penalty: "l2", max_iter: 200, tol: 1e-5 })
    : getModel("logistic").create({ C, penalty: "l1", max_iter: 100, tol: 1e-6 });
}

/** Fits the task's linear model (values: ridge / lasso; classes: logistic) on standardised features. */
export function fitQuickLinear(X: Matrix, y: Target, opts: LinearOptions): LinearFit {
  const scale = standardiser(X);
  const classes = y.classes !== undefined;
  const model = fitNow(modelFor(classes, opts, X.rows), scale(X), y);
  const importances = capability(model, "featureImportances")!.featureImportances().values;
  const predictRaw = (M: Matrix) => {
    const z = scale(M);
    return classes ? model.predictProba!(z) : model.predict(z);
  };
  return { importances, predictRaw };
}
