import type { ModelMeta } from "../modelMeta.ts";

/** Parameters of `Lasso` (names and defaults as scikit-learn's Lasso). */
export interface LassoParams {
  /** L1 penalty on the coefficients (not the intercept), against the mean squared error / 2. */
  alpha: number;
  /** Most proximal-gradient (FISTA) steps. */
  max_iter: number;
  /** Stop when the largest entry of the gradient mapping is at most this. */
  tol: number;
}

/**
 * The lasso: linear regression whose L1 penalty sets weak coefficients to exactly 0, so it also
 * selects features (feature selection's "l1" method fits it). Not on the default ladder, where
 * ridge is the linear rung; wants standardised features.
 */
export const LASSO_META: ModelMeta<LassoParams> = {
  id: "lasso",
  label: "Lasso regression (L1)",
  tasks: ["regression"],
  needsScaling: true,
  capabilities: { featureImportances: "coefficient" },
  defaults: { alpha: 1, max_iter: 1000, tol: 1e-4 },
  paramSpace: { alpha: { type: "log", range: [1e-4, 10] } },
};
