import { ForestModel, forestArtifact } from "../trees/forestModel.ts";
import { EXTRA_TREES_META, type ExtraTreesParams } from "./meta.ts";

const ARTIFACT = forestArtifact("extra_trees", EXTRA_TREES_META.defaults);

/**
 * Extremely randomised trees (Geurts, Ernst & Wehenkel 2006) as scikit-learn's ExtraTreesClassifier
 * / Regressor: every tree sees all rows (no bootstrap by default) and each node tries one random
 * threshold per drawn feature, drawn in value space between the node's smallest and largest
 * values (stored drawn in the gap it cuts: `gapThreshold`), keeping the best of those;
 * `max_features` as in the random forest. `n_estimators` defaults to "auto": 100 trees, or up to
 * 300 where a tree is cheap (`resolveTrees`).
 */
export class ExtraTrees extends ForestModel<ExtraTreesParams> {
  protected readonly splitter = "random";

  static readonly artifact = ARTIFACT;
}
