import { ForestModel, forestArtifact } from "../trees/forestModel.ts";
import { RANDOM_FOREST_META, type RandomForestParams } from "./meta.ts";

const ARTIFACT = forestArtifact("random_forest", RANDOM_FOREST_META.defaults);

/**
 * Random forest (Breiman 2001) as scikit-learn's RandomForestClassifier / Regressor: bootstrap
 * samples, best split over `max_features` drawn features per node (sqrt of them for classes, all
 * for values), fully grown trees by default, probabilities averaged over trees. The out-of-bag
 * score (accuracy or R²) is kept in the state as `oob_score`.
 */
export class RandomForest extends ForestModel<RandomForestParams> {
  protected readonly splitter = "best";

  static readonly artifact = ARTIFACT;
}
