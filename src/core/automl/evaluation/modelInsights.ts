import type { TreeDisplayNode } from "../../models/decisionTree/treeStructure.ts";
import { capability } from "../../models/syncModels.ts";
import type { LoadedPipeline } from "../artifact/loadPipeline.ts";

/** What a fitted model says about itself: tree models' own importances and a decision tree's shape. */
export interface ModelInsights {
  /** Impurity- or gain-based importances of the model's input features (after the recipe), largest first; null for models without them. */
  featureImportances: { feature: string; importance: number }[] | null;
  /** A decision tree's nodes for drawing (cut at `maxDepth`); null for other models. */
  tree: TreeDisplayNode | null;
  /**
   * The classes of the tree's value shares, in the model's own order (the fitted recipe's, which
   * may differ from the run's: a binary run puts its positive class last). Absent in older records.
   */
  treeClasses?: string[] | null;
}

/**
 * The tree models' own feature importances (decision tree, random forest, extra trees: impurity;
 * gradient boosting: gain) and, for a decision tree, its structure down to `maxDepth` levels
 * (default 6; deeper subtrees are marked `truncated`). Each comes from the capability the model's
 * family declares. Coefficient sizes are left out: they compare features only on one scale, and
 * the linear models keep no feature names. An ensemble has neither.
 */
export function modelInsights(pipeline: LoadedPipeline, opts: { maxDepth?: number } = {}): ModelInsights {
  const { model } = pipeline;
  if (!model) return { featureImportances: null, tree: null };
  const imp = capability(model, "featureImportances")?.featureImportances();
  const names = imp?.names;
  const featureImportances =
    imp && imp.kind !== "coefficient" && names && names.length === imp.values.length
      ? names
          .map((feature, i) => ({ feature, importance: imp.values[i] }))
          .sort((a, b) => b.importance - a.importance || a.feature.localeCompare(b.feature))
      : null;
  const tree = capability(model, "treeStructure")?.structure(opts.maxDepth ?? 6) ?? null;
  return tree
    ? { featureImportances, tree, treeClasses: pipeline.recipe.classes ?? null }
    : { featureImportances, tree };
}
