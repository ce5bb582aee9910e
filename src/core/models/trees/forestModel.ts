import { type ArtifactSpec, defineArtifact } from "../baseEstimator.ts";
import { type FitOptions, type Matrix, type Target, validateFitInput } from "../estimator.ts";
import { CartModel } from "./cartModel.ts";
import { type CartHeader, readCartHeader } from "./cartState.ts";
import { fitForest } from "./forest.ts";
import { readTree, type Tree, type TreeJSON, treeToJSON } from "./tree.ts";
import type { ForestParams } from "./treeParamTypes.ts";

/** The artifact state of a random forest or extra-trees model. */
export interface ForestState extends CartHeader {
  trees: TreeJSON[];
  /** Out-of-bag accuracy / R² (random forest with bootstrap and oob_score); null otherwise. */
  oob_score: number | null;
}

/** A fitted forest in memory: the trees as typed arrays. */
export type FittedForestState = CartHeader & { trees: Tree[]; oob_score: number | null };

/** The artifact spec of a forest family (both read and write the same state; they differ in tag and defaults). */
export function forestArtifact<P extends ForestParams>(
  type: string,
  defaults: P,
): ArtifactSpec<P, FittedForestState, ForestState> {
  return defineArtifact<P, FittedForestState, ForestState>({
    type,
    defaults,
    migrations: [],
    parseState(raw, read, params) {
      const s = read.object(raw, "state", [
        "task",
        "n_classes",
        "features",
        "trees",
        "feature_importances",
        "oob_score",
      ]);
      const header = readCartHeader(read, s);
      const nTrees = read.int(params.n_estimators, "params.n_estimators", 1);
      const list = read.array(s.trees, "state: trees", nTrees);
      const trees = list.map((t, i) =>
        readTree(read, t, `tree ${i}`, header.features.length, header.n_classes),
      );
      const oob_score = s.oob_score === null ? null : read.number(s.oob_score, "state: oob_score");
      return { ...header, trees, oob_score };
    },
    saveState: ({ trees, ...rest }): ForestState => ({ ...rest, trees: trees.map(treeToJSON) }),
  });
}

/**
 * The estimator shell shared by RandomForest and ExtraTrees; they differ in defaults, the split
 * rule and their artifact tag. Prediction is CartModel's: the trees' leaf values averaged.
 */
export abstract class ForestModel<P extends ForestParams> extends CartModel<
  P,
  FittedForestState,
  ForestState
> {
  protected abstract readonly splitter: "best" | "random";
  /** Whether `n_estimators` was "auto": each fit resolves it again (`resolveTrees`). */
  readonly #autoTrees = this.params.n_estimators === "auto";

  fit(X: Matrix, y: Target, opts?: FitOptions): this {
    validateFitInput(X, y, opts);
    const params = this.#autoTrees ? { ...this.params, n_estimators: "auto" as const } : this.params;
    const forest = fitForest(X, y, params, this.splitter, this.type, opts);
    // A fitted model states the trees it grew, so its file never says "auto".
    if (this.#autoTrees) (this.params as ForestParams).n_estimators = forest.trees.length;
    this.state = {
      task: forest.classification ? "classification" : "regression",
      n_classes: forest.k,
      features: [...X.names],
      feature_importances: Array.from(forest.featureImportances),
      oob_score: forest.oobScore,
      trees: forest.trees,
    };
    return this;
  }

  protected treesOf(s: FittedForestState): readonly Tree[] {
    return s.trees;
  }
}
