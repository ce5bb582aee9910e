/**
 * Fitted models as ONNX nodes on the recipe's [N, F] double matrix, each computing what its
 * `predictProba` (classification) or `predict` (regression) computes, in float64 like the app:
 * trees as one TreeEnsembleRegressor with double thresholds and leaf values (ai.onnx.ml 3),
 * linear models and the neural net as MatMul / Add with Sigmoid or Softmax, naive Bayes as its
 * joint log-likelihood in arithmetic ops. kNN refuses: its ONNX form would hold every training
 * row and still break distance ties in another order.
 */

import type { TreeEnsembleView } from "../../models/capabilities.ts";
import type { Estimator } from "../../models/estimator.ts";
import { capability, MODELS } from "../../models/registry.ts";
import { attr, type GraphBuilder } from "./graphBuilder.ts";
import { refuse } from "./onnxRefused.ts";

/** A model's output in the graph: class probabilities [N, k] or values [N, 1], doubles. */
export type ModelOutput = { kind: "proba"; tensor: string } | { kind: "value"; tensor: string };

const doubles = (name: string, dims: number[], values: ArrayLike<number>) => ({
  kind: "tensor" as const,
  value: { name, type: "double" as const, dims, values },
});

/** The trees summed (boosting) or averaged (forests) per output, in float64 as TreeEnsembleRegressor does. */
function treeScores(g: GraphBuilder, X: string, view: TreeEnsembleView): string {
  const treeIds: number[] = [];
  const nodeIds: number[] = [];
  const featureIds: number[] = [];
  const modes: string[] = [];
  const thresholds: number[] = [];
  const trueIds: number[] = [];
  const falseIds: number[] = [];
  const missingTrue: number[] = [];
  const tTree: number[] = [];
  const tNode: number[] = [];
  const tTarget: number[] = [];
  const tWeight: number[] = [];
  view.trees.forEach((tree, t) => {
    const out = view.outputOf(t);
    for (let n = 0; n < tree.nodeCount; n++) {
      treeIds.push(t);
      nodeIds.push(n);
      const leaf = tree.feature[n] < 0;
      featureIds.push(leaf ? 0 : tree.feature[n]);
      modes.push(leaf ? "LEAF" : "BRANCH_LEQ");
      // x <= threshold goes left; Infinity sends every present value left, as in the app.
      thresholds.push(leaf ? 0 : tree.threshold[n]);
      trueIds.push(leaf ? 0 : tree.left[n]);
      falseIds.push(leaf ? 0 : tree.right[n]);
      missingTrue.push(leaf ? 0 : tree.missingLeft[n]);
      if (!leaf) continue;
      const dim = tree.valueDim;
      if (out >= 0) {
        tTree.push(t);
        tNode.push(n);
        tTarget.push(out);
        tWeight.push(tree.value[n * dim]);
      } else {
        for (let c = 0; c < dim; c++) {
          tTree.push(t);
          tNode.push(n);
          tTarget.push(c);
          tWeight.push(tree.value[n * dim + c]);
        }
      }
    }
  });
  // Thresholds and leaf values in float64, as the app's (ai.onnx.ml 3's *_as_tensor attributes).
  const scores = g.ml("TreeEnsembleRegressor", [X], {
    n_targets: attr.int(view.outputs),
    aggregate_function: attr.string(view.combine === "mean" ? "AVERAGE" : "SUM"),
    post_transform: attr.string("NONE"),
    nodes_treeids: attr.ints(treeIds),
    nodes_nodeids: attr.ints(nodeIds),
    nodes_featureids: attr.ints(featureIds),
    nodes_modes: attr.strings(modes),
    nodes_values_as_tensor: doubles("nodes_values", [thresholds.length], thresholds),
    nodes_truenodeids: attr.ints(trueIds),
    nodes_falsenodeids: attr.ints(falseIds),
    nodes_missing_value_tracks_true: attr.ints(missingTrue),
    target_treeids: attr.ints(tTree),
    target_nodeids: attr.ints(tNode),
    target_ids: attr.ints(tTarget),
    target_weights_as_tensor: doubles("target_weights", [tWeight.length], tWeight),
    ...(view.combine === "sum"
      ? { base_values_as_tensor: doubles("base_values", [view.base.length], view.base) }
      : {}),
  });
  // The operator's output is float32; everything after it stays in float64.
  return g.cast(scores, "double");
}

/** [1 - q, q] from a [N, 1] score: the binary link of logistic regression, boosting and the MLP. */
function binaryProba(g: GraphBuilder, score: string): string {
  const q = g.op("Sigmoid", [score]);
  return g.op("Concat", [g.sub(g.scalar(1), q), q], { axis: attr.int(1) });
}

const softmax = (g: GraphBuilder, scores: string) => g.op("Softmax", [scores], { axis: attr.int(1) });

/** X W + b with W given row-major as inputs x outputs. */
function dense(
  g: GraphBuilder,
  X: string,
  w: ArrayLike<number>,
  b: ArrayLike<number>,
  inputs: number,
): string {
  const outputs = b.length;
  const W = g.constant("double", [inputs, outputs], w);
  return g.add(g.op("MatMul", [X, W]), g.constant("double", [outputs], b));
}

function naiveBayes(
  g: GraphBuilder,
  X: string,
  s: {
    nClasses: number;
    prior: number[];
    features: (
      | { kind: "g"; mean: number[]; variance: number[] }
      | { kind: "c"; levels: number; logProb: number[][] }
    )[];
  },
): string {
  const k = s.nClasses;
  const gauss = s.features.flatMap((f, j) => (f.kind === "g" ? [j] : []));
  // log P(c) - sum_j 0.5 log(2 pi v_cj), then - 0.5 sum_j (x_j - m_cj)^2 / v_cj per row.
  const base = Array.from({ length: k }, (_, c) => {
    let b = Math.log(s.prior[c]);
    for (const j of gauss)
      b -= 0.5 * Math.log(2 * Math.PI * (s.features[j] as { variance: number[] }).variance[c]);
    return b;
  });
  let jll = g.constant("double", [1, k], base);
  if (gauss.length > 0) {
    const xg = g.op("Unsqueeze", [g.op("Gather", [X, g.ints(gauss)], { axis: attr.int(1) }), g.ints([1])]);
    const at = (key: "mean" | "variance") =>
      g.constant(
        "double",
        [k, gauss.length],
        Array.from({ length: k }, (_, c) =>
          gauss.map((j) => (s.features[j] as { mean: number[]; variance: number[] })[key][c]),
        ).flat(),
      );
    const d = g.sub(xg, at("mean"));
    const quad = g.op("ReduceSum", [g.div(g.mul(d, d), at("variance")), g.ints([2])], {
      keepdims: attr.int(0),
    });
    jll = g.sub(jll, g.mul(quad, g.scalar(0.5)));
  }
  s.features.forEach((f, j) => {
    if (f.kind !== "c") return;
    const x = g.op("Gather", [X, g.ints([j])], { axis: attr.int(1) });
    // A code never seen in training (or not a whole number) adds nothing, as in the app.
    const whole = g.op("Equal", [g.op("Floor", [x]), x]);
    const inRange = g.op("And", [
      g.op("GreaterOrEqual", [x, g.scalar(0)]),
      g.op("Less", [x, g.scalar(f.levels)]),
    ]);
    const valid = g.op("And", [whole, inRange]);
    const index = g.op("Reshape", [g.cast(g.where(valid, x, g.scalar(0)), "int64"), g.ints([-1])]);
    const table = Array.from({ length: f.levels }, (_, t) => f.logProb.map((row) => row[t])).flat();
    const rows = g.op("Gather", [g.constant("double", [f.levels, k], table), index], { axis: attr.int(0) });
    jll = g.add(jll, g.where(valid, rows, g.scalar(0)));
  });
  // A class absent from training is impossible (its Gaussian terms are not even defined).
  const absent = s.prior.map((p) => (p === 0 ? 1 : 0));
  if (absent.some((a) => a === 1))
    jll = g.where(g.constant("bool", [1, k], absent), g.scalar(Number.NEGATIVE_INFINITY), jll);
  return softmax(g, jll);
}

/** The shape [N, k] of X's rows, for constant predictions. */
function rowsBy(g: GraphBuilder, X: string, width: number): string {
  const n = g.op("Slice", [g.op("Shape", [X]), g.ints([0]), g.ints([1])]);
  return g.op("Concat", [n, g.ints([width])], { axis: attr.int(0) });
}

/** A fitted model's probabilities or values on the [N, F] double matrix X. */
export function modelToOnnx(g: GraphBuilder, X: string, model: Estimator, modelId: string): ModelOutput {
  const trees = capability(model, "treeEnsemble");
  const state = model.toJSON().state as Record<string, unknown>;
  if (trees) {
    const view = trees.treeEnsemble();
    const scores = treeScores(g, X, view);
    if (view.combine === "mean") {
      const regression = state.task === "regression";
      return regression ? { kind: "value", tensor: scores } : { kind: "proba", tensor: scores };
    }
    const k = state.n_classes as number;
    if (k === 0) return { kind: "value", tensor: scores };
    return { kind: "proba", tensor: k === 2 ? binaryProba(g, scores) : softmax(g, scores) };
  }
  switch (model.type) {
    case "linear":
    case "lasso": {
      const s = state as { cols: number; coef: number[]; intercept: number };
      return { kind: "value", tensor: dense(g, X, s.coef, [s.intercept], s.cols) };
    }
    case "logistic": {
      const s = state as { nClasses: number; cols: number; theta: number[] };
      const p = s.cols;
      const blocks = s.nClasses === 2 ? 1 : s.nClasses;
      const w = new Array<number>(p * blocks);
      const b = new Array<number>(blocks);
      for (let c = 0; c < blocks; c++) {
        for (let j = 0; j < p; j++) w[j * blocks + c] = s.theta[c * (p + 1) + j];
        b[c] = s.theta[c * (p + 1) + p];
      }
      const z = dense(g, X, w, b, p);
      return { kind: "proba", tensor: blocks === 1 ? binaryProba(g, z) : softmax(g, z) };
    }
    case "naive_bayes":
      return { kind: "proba", tensor: naiveBayes(g, X, state as never) };
    case "mlp": {
      const s = state as {
        n_classes: number;
        target_mean: number;
        target_scale: number;
        layers: { inputs: number; outputs: number; weights: number[]; bias: number[] }[];
      };
      const activation = (model.params as { activation: "relu" | "tanh" }).activation;
      let h = X;
      s.layers.forEach((layer, i) => {
        h = dense(g, h, layer.weights, layer.bias, layer.inputs);
        if (i < s.layers.length - 1) h = g.op(activation === "relu" ? "Relu" : "Tanh", [h]);
      });
      const k = s.n_classes;
      if (k === 0)
        return { kind: "value", tensor: g.add(g.mul(h, g.scalar(s.target_scale)), g.scalar(s.target_mean)) };
      return { kind: "proba", tensor: k === 2 ? binaryProba(g, h) : softmax(g, h) };
    }
    case "baseline": {
      const s = state as { task: string; value?: number; priors?: number[] };
      if (s.task === "regression")
        return { kind: "value", tensor: g.op("Expand", [g.scalar(s.value!), rowsBy(g, X, 1)]) };
      const priors = s.priors!;
      return {
        kind: "proba",
        tensor: g.op("Expand", [g.constant("double", [priors.length], priors), rowsBy(g, X, priors.length)]),
      };
    }
    case "knn":
      return refuse(
        "The k-nearest-neighbours model cannot be exported to ONNX: its graph would carry every training row and break distance ties in another order than the app.",
      );
    default:
      return refuse(
        `The model "${MODELS.find((m) => m.id === modelId)?.label ?? modelId}" has no ONNX form in this version of the app.`,
      );
  }
}
