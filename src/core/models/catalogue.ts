import { BASELINE_META } from "./baseline/meta.ts";
import { DECISION_TREE_META } from "./decisionTree/meta.ts";
import { EXTRA_TREES_META } from "./extraTrees/meta.ts";
import { GBDT_META } from "./gbdt/meta.ts";
import { KNN_META } from "./knn/meta.ts";
import { LASSO_META } from "./lasso/meta.ts";
import { LINEAR_META } from "./linear/meta.ts";
import { LOGISTIC_META } from "./logistic/meta.ts";
import { MLP_META } from "./mlp/meta.ts";
import type { ModelMeta } from "./modelMeta.ts";
import { NAIVE_BAYES_META } from "./naiveBayes/meta.ts";
import { RANDOM_FOREST_META } from "./randomForest/meta.ts";

/**
 * The model catalogue: every family's meta (id, label, tasks, defaults, tuning space,
 * capabilities), in registry order, and no implementation. Code that only lists or describes
 * models (the UI) imports this; registry.ts joins each entry with its class.
 */
export const MODEL_CATALOGUE: readonly ModelMeta<object>[] = [
  BASELINE_META,
  LINEAR_META,
  LASSO_META,
  LOGISTIC_META,
  NAIVE_BAYES_META,
  KNN_META,
  DECISION_TREE_META,
  RANDOM_FOREST_META,
  EXTRA_TREES_META,
  GBDT_META,
  MLP_META,
];
