import { type Artifact, checkArtifact } from "../estimator.ts";
import { FOREST_VERSION, ForestModel, type ForestState } from "../trees/forestModel.ts";
import { EXTRA_TREES_META, type ExtraTreesParams } from "./meta.ts";

const TYPE = "extra_trees";

/**
 * Extremely randomised trees (Geurts, Ernst & Wehenkel 2006) as scikit-learn's ExtraTreesClassifier
 * / Regressor: every tree sees all rows (no bootstrap by default) and each node tries one random
 * threshold per drawn feature, here a random bin edge between the node's smallest and largest
 * bins, keeping the best of those; `max_features` as in the random forest.
 */
export class ExtraTrees extends ForestModel<ExtraTreesParams> {
  readonly type = TYPE;
  protected readonly splitter = "random";

  constructor(params: Partial<ExtraTreesParams> = {}) {
    super({ ...EXTRA_TREES_META.defaults, ...params });
  }

  static fromJSON(artifact: Artifact): ExtraTrees {
    checkArtifact(artifact, TYPE, FOREST_VERSION);
    return new ExtraTrees(artifact.params as ExtraTreesParams).restore(artifact.state as ForestState);
  }
}
