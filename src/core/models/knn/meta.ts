import type { ModelMeta } from "../modelMeta.ts";

/** Parameters of `KNearestNeighbors` (names as scikit-learn's). */
export interface KnnParams {
  /** Neighbours consulted per prediction (fewer when the training set is smaller). */
  n_neighbors: number;
  /** "distance" weighs each neighbour by 1 / distance; exact matches then decide alone. */
  weights: "uniform" | "distance";
  metric: "euclidean" | "manhattan";
}

/** k-nearest neighbours: distances need features on one scale, hence needsScaling. */
export const KNN_META: ModelMeta<KnnParams> = {
  id: "knn",
  label: "k-nearest neighbours",
  tasks: ["regression", "binary", "multiclass"],
  needsScaling: true,
  defaults: { n_neighbors: 5, weights: "uniform", metric: "euclidean" },
  paramSpace: {
    n_neighbors: { type: "int", range: [1, 50] },
    weights: { type: "choice", choices: ["uniform", "distance"] },
    metric: { type: "choice", choices: ["euclidean", "manhattan"] },
  },
};
