import type { ModelMeta } from "../modelMeta.ts";

/** Parameters of `LogisticRegression` (names as scikit-learn's). */
export interface LogisticParams {
  /** Inverse regularisation strength, as scikit-learn: larger C, weaker penalty. */
  C: number;
  penalty: "l2" | "l1" | "none";
  /** L-BFGS iterations for "l2" / "none"; "l1" gets 10x as many proximal-gradient steps. */
  max_iter: number;
  /** Stop when the largest gradient entry of the mean loss is at most this. */
  tol: number;
}

/** Logistic regression: the linear model for classification; wants standardised features. */
export const LOGISTIC_META: ModelMeta<LogisticParams> = {
  id: "logistic",
  label: "Logistic regression",
  tasks: ["binary", "multiclass"],
  needsScaling: true,
  capabilities: { featureImportances: "coefficient" },
  defaults: { C: 1, penalty: "l2", max_iter: 100, tol: 1e-4 },
  // L2 only, C at most 100: weakly penalised fits (L1 above all) run to their iteration cap on
  // separable data, tens of times a default fit, for no better score on the shared datasets.
  paramSpace: {
    C: { type: "log", range: [1e-3, 1e2] },
  },
};
