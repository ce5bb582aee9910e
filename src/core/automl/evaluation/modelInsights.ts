import type { TreeDisplayNode } from "../../models/decisionTree/treeStructure.ts";
import type { LoadedPipeline } from "../artifact/loadPipeline.ts";

/** What a fitted model says about itself: tree models' own importances and a decision tree's shape. */
export interface ModelInsights {
  /** Impurity-based importances of the model's input features (after the recipe), largest first; null for models without them. */
  featureImportances: { feature: string; importance: number }[] | null;
  /** A decision tree's nodes for drawing (cut at `maxDepth`); null for other models. */
  tree: TreeDisplayNode | null;
}

interface WithImportances {
  features?: string[];
  feature_importances?: number[];
}

/**
 * The tree models' own feature importances (from their fitted state: decision tree, random forest,
 * extra trees, gradient boosting) and, for a decision tree, its structure down to `maxDepth` levels
 * (default 6; deeper subtrees are marked `truncated`). An ensemble has neither.
 */
export function modelInsights(pipeline: LoadedPipeline, opts: { maxDepth?: number } = {}): ModelInsights {
  const { model } = pipeline;
  if (!model) return { featureImportances: null, tree: null };
  const state = model.toJSON().state as WithImportances | undefined;
  const names = state?.features;
  const values = state?.feature_importances;
  const featureImportances =
    names && values && names.length === values.length
      ? names
          .map((feature, i) => ({ feature, importance: values[i] }))
          .sort((a, b) => b.importance - a.importance || a.feature.localeCompare(b.feature))
      : null;
  const drawable = model as { structure?: (maxDepth?: number) => TreeDisplayNode };
  const tree = typeof drawable.structure === "function" ? drawable.structure(opts.maxDepth ?? 6) : null;
  return { featureImportances, tree };
}
