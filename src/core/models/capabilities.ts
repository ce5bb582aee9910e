import type { TreeDisplayNode } from "./decisionTree/treeStructure.ts";
import type { FitOptions, Matrix, Target } from "./estimator.ts";
import type { Tree } from "./trees/tree.ts";

/**
 * Optional abilities of a model family beyond fit / predict, declared as plain data in its meta
 * (so a catalogue can list them without loading the model) and implemented as methods. Callers ask
 * through `capability()` in registry.ts, never by probing for a method; the conformance test checks
 * that every declared ability is implemented and none is left undeclared.
 */
export interface ModelCapabilities {
  /** `featureImportances()`, and what its numbers measure. */
  featureImportances?: ImportanceKind;
  /** `structure(maxDepth)`: one tree's nodes for drawing. */
  treeStructure?: true;
  /** `stagedDecisionFunction(X)`: raw scores after each boosting iteration (tuning rungs, curves). */
  staged?: true;
  /** `treeEnsemble()`: the fitted trees and how their leaves combine (the hook for TreeSHAP). */
  treeEnsemble?: true;
  /** `partialFit(X, y, opts)`: continue training on more rows or epochs (declared; none yet). */
  partialFit?: true;
}

/** The capability names. */
export type Capability = keyof ModelCapabilities;

/**
 * What importances measure: "impurity" = mean decrease in impurity, "gain" = total split gain (both
 * normalised to sum to 1), "coefficient" = the largest |coefficient| per feature over the classes,
 * on the scale of the fitted inputs (comparable across features only when they are standardised).
 */
export type ImportanceKind = "impurity" | "gain" | "coefficient";

/** Importances of a fitted model, one per fitted column. */
export interface FeatureImportances {
  kind: ImportanceKind;
  values: Float64Array;
  /** The fitted columns' names, for models that keep them (the tree families). */
  names?: string[];
}

/**
 * Fitted trees as a TreeSHAP-style explainer reads them: a prediction (per output) is
 * `base[o] + combine over trees t with output(t) = o of the leaf value`, where "mean" averages the
 * trees of one output (forests, whose leaf values are class shares or means over `valueDim`) and
 * "sum" adds them (boosting, one output per tree, raw score before the link).
 */
export interface TreeEnsembleView {
  trees: readonly Tree[];
  combine: "mean" | "sum";
  /** Outputs per row: classes for forests, 1 or the class count for boosting. */
  outputs: number;
  /** Added before the trees (boosting's baseline); zeros for forests. */
  base: Float64Array;
  /** The output each tree feeds: forests' trees feed all outputs (-1), boosting tree t feeds t % outputs. */
  outputOf(tree: number): number;
}

/** Methods behind each capability. */
export interface CapabilityMethods {
  featureImportances: { featureImportances(): FeatureImportances };
  treeStructure: { structure(maxDepth?: number): TreeDisplayNode };
  staged: { stagedDecisionFunction(X: Matrix): Generator<Float64Array> };
  treeEnsemble: { treeEnsemble(): TreeEnsembleView };
  partialFit: { partialFit(X: Matrix, y: Target, opts?: FitOptions): unknown };
}

/** The method names each capability promises (for the conformance test). */
export const CAPABILITY_METHODS: Record<Capability, string> = {
  featureImportances: "featureImportances",
  treeStructure: "structure",
  staged: "stagedDecisionFunction",
  treeEnsemble: "treeEnsemble",
  partialFit: "partialFit",
};
