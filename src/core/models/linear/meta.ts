import type { ModelMeta } from "../modelMeta.ts";

/** Parameters of `RidgeRegression`. */
export interface RidgeParams {
  /** L2 penalty on the coefficients (not the intercept); 0 is ordinary least squares. */
  alpha: number;
}

/** Ridge regression: the linear baseline for regression; wants standardised features. */
export const LINEAR_META: ModelMeta<RidgeParams> = {
  id: "linear",
  label: "Linear regression (ridge)",
  tasks: ["regression"],
  needsScaling: true,
  capabilities: { featureImportances: "coefficient" },
  defaults: { alpha: 1 },
  paramSpace: { alpha: { type: "log", range: [1e-4, 1e3] } },
};
