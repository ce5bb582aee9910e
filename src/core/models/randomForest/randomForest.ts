import { type Artifact, checkArtifact } from "../estimator.ts";
import { FOREST_VERSION, ForestModel, type ForestState } from "../trees/forestModel.ts";
import { RANDOM_FOREST_META, type RandomForestParams } from "./meta.ts";

const TYPE = "random_forest";

/**
 * Random forest (Breiman 2001) as scikit-learn's RandomForestClassifier / Regressor: bootstrap
 * samples, best split over `max_features` drawn features per node (sqrt of them for classes, all
 * for values), fully grown trees by default, probabilities averaged over trees. The out-of-bag
 * score (accuracy or R²) is kept in the state as `oob_score`.
 */
export class RandomForest extends ForestModel<RandomForestParams> {
  readonly type = TYPE;
  protected readonly splitter = "best";

  constructor(params: Partial<RandomForestParams> = {}) {
    super({ ...RANDOM_FOREST_META.defaults, ...params });
  }

  static fromJSON(artifact: Artifact): RandomForest {
    checkArtifact(artifact, TYPE, FOREST_VERSION);
    return new RandomForest(artifact.params as RandomForestParams).restore(artifact.state as ForestState);
  }
}
