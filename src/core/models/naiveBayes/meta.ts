import type { ModelMeta } from "../modelMeta.ts";

/** Parameters of `NaiveBayes`. */
export interface NaiveBayesParams {
  /** Added to every Gaussian variance, as a share of the largest feature variance (scikit-learn's). */
  var_smoothing: number;
  /** Indices of features holding categorical codes 0..m-1; these get a categorical likelihood. */
  categorical: number[];
  /** Laplace (additive) smoothing of the categorical counts. */
  alpha: number;
}

/** Naive Bayes: fast, scale-free (per-class Gaussians adapt to each feature's scale). */
export const NAIVE_BAYES_META: ModelMeta<NaiveBayesParams> = {
  id: "naive_bayes",
  label: "Naive Bayes",
  tasks: ["binary", "multiclass"],
  needsScaling: false,
  defaults: { var_smoothing: 1e-9, categorical: [], alpha: 1 },
  paramSpace: {
    var_smoothing: { type: "log", range: [1e-12, 1e-2] },
    alpha: { type: "log", range: [1e-2, 10] },
  },
};
