/**
 * The model families that fit synchronously in plain TypeScript, every one but the neural net. Code
 * that must not load tfjs (feature selection's quick models, which run in the data worker) reads
 * this list; `registry.ts` adds the MLP for everything else.
 */
import { ValidationError } from "../errors.ts";
import { Baseline } from "./baseline/baseline.ts";
import { BASELINE_META } from "./baseline/meta.ts";
import type { Capability, CapabilityMethods } from "./capabilities.ts";
import { DecisionTree } from "./decisionTree/decisionTree.ts";
import { DECISION_TREE_META } from "./decisionTree/meta.ts";
import type { Estimator, FitOptions, Matrix, Target, Task } from "./estimator.ts";
import { ExtraTrees } from "./extraTrees/extraTrees.ts";
import { EXTRA_TREES_META } from "./extraTrees/meta.ts";
import { Gbdt } from "./gbdt/gbdt.ts";
import { GBDT_META } from "./gbdt/meta.ts";
import { KNearestNeighbors } from "./knn/kNearestNeighbors.ts";
import { KNN_META } from "./knn/meta.ts";
import { Lasso } from "./lasso/lasso.ts";
import { LASSO_META } from "./lasso/meta.ts";
import { LINEAR_META } from "./linear/meta.ts";
import { RidgeRegression } from "./linear/ridgeRegression.ts";
import { LogisticRegression } from "./logistic/logisticRegression.ts";
import { LOGISTIC_META } from "./logistic/meta.ts";
import type { ModelMeta, ModelParams } from "./modelMeta.ts";
import { NAIVE_BAYES_META } from "./naiveBayes/meta.ts";
import { NaiveBayes } from "./naiveBayes/naiveBayes.ts";
import { RANDOM_FOREST_META } from "./randomForest/meta.ts";
import { RandomForest } from "./randomForest/randomForest.ts";

/** A registered model family: its catalogue entry plus how to build and restore it. */
export interface ModelSpec extends ModelMeta<ModelParams> {
  /** The `type` tag of the model's artifacts, when it differs from `id`. */
  artifactType?: string;
  /** A fresh, unfitted estimator; ValidationError when `task` is not one of `tasks`. */
  create(params?: ModelParams, task?: Task): Estimator;
  /** Rebuilds a fitted estimator from an untrusted artifact; ValidationError naming the bad part. */
  fromJSON(artifact: unknown): Estimator;
}

/** An estimator class whose constructor takes (partial) params and whose static fromJSON rebuilds it. */
export interface EstimatorClass<P> {
  new (params?: Partial<P>): Estimator<P>;
  fromJSON(artifact: unknown): Estimator;
}

/**
 * Joins a model folder's meta and its class into a spec. `create` rejects parameter names that
 * are not in `meta.defaults`, so a typo in a tuning space fails loudly instead of being ignored.
 */
export function defineModel<P extends object>(meta: ModelMeta<P>, cls: EstimatorClass<P>): ModelSpec {
  return {
    ...meta,
    labelFor: meta.labelFor && ((task, params) => meta.labelFor!(task, params as P)),
    defaults: { ...meta.defaults } as ModelParams,
    create(params = {}, task) {
      if (task && !meta.tasks.includes(task))
        throw new ValidationError(`model ${meta.id} does not support ${task}`);
      for (const name of Object.keys(params)) {
        if (!(name in meta.defaults)) throw new ValidationError(`unknown parameter for ${meta.id}: ${name}`);
      }
      return new cls(params as Partial<P>);
    },
    fromJSON: (artifact) => cls.fromJSON(artifact),
  };
}

/** A model's label for a task and params, e.g. "Baseline (mean of the target)" for regression. */
export function modelLabel(spec: ModelSpec, task: Task, params: ModelParams = {}): string {
  return spec.labelFor?.(task, { ...spec.defaults, ...params }) ?? spec.label;
}

/** The families that fit synchronously, simplest first (the ladder's order among them). */
export const SYNC_MODELS: ModelSpec[] = [
  defineModel(BASELINE_META, Baseline),
  defineModel(LINEAR_META, RidgeRegression),
  defineModel(LASSO_META, Lasso),
  defineModel(LOGISTIC_META, LogisticRegression),
  defineModel(NAIVE_BAYES_META, NaiveBayes),
  defineModel(KNN_META, KNearestNeighbors),
  // ---- Tree models (decision_tree, random_forest, extra_trees, gbdt): one line each here. ----
  defineModel(DECISION_TREE_META, DecisionTree),
  defineModel(RANDOM_FOREST_META, RandomForest),
  defineModel(EXTRA_TREES_META, ExtraTrees),
  defineModel(GBDT_META, Gbdt),
];

/** The spec of a synchronous family; ValidationError for any other id. */
export function getSyncModel(id: string): ModelSpec {
  const spec = SYNC_MODELS.find((m) => m.id === id);
  if (!spec) throw new ValidationError(`unknown model: ${id}`);
  return spec;
}

/** The spec of a synchronous family whose artifacts carry this type tag, if any. */
export function syncSpecOfType(tag: unknown): ModelSpec | undefined {
  return SYNC_MODELS.find((m) => (m.artifactType ?? m.id) === tag);
}

/**
 * The model typed with a capability's methods when its family declares that capability (see
 * capabilities.ts), else null. The declaration, not a probe for the method, decides; the
 * conformance test holds every family to what it declares.
 */
export function capability<C extends Capability>(
  model: Estimator,
  name: C,
): (Estimator & CapabilityMethods[C]) | null {
  return syncSpecOfType(model.type)?.capabilities?.[name]
    ? (model as Estimator & CapabilityMethods[C])
    : null;
}

/**
 * Fits a model whose family fits synchronously and returns it; ValidationError, before any work,
 * for any other (the MLP, which awaits tfjs), since a synchronous caller (a recipe step) cannot wait.
 */
export function fitNow<E extends Estimator>(model: E, X: Matrix, y: Target, opts?: FitOptions): E {
  const spec = syncSpecOfType(model.type);
  if (!spec || spec.asyncFit) {
    throw new ValidationError(`${model.type} fits asynchronously and cannot be fitted here`);
  }
  const result = model.fit(X, y, opts);
  if (result instanceof Promise) throw new ValidationError(`${model.type} returned a promise from fit`);
  return result;
}
